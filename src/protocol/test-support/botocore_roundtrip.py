"""botocore (the AWS CLI's engine) as a reference client for the protocol tests.

Run with Debian's /usr/bin/python3 (package awscli, which vendors botocore as awscli.botocore).
Reads JSON on stdin:
  {"requests":  [{"service": "iam", "operation": "CreateUser", "params": {...}}],
   "responses": [{"service": "iam", "operation": "CreateUser", "status": 200, "body": "<xml>"}]}
and writes {"requests": [form body, ...], "responses": [parsed, ...]} on stdout. Timestamps travel
as {"$date": ISO-8601} and blobs as {"$blob": base64}.
"""
import base64
import datetime
import json
import sys
from urllib.parse import urlencode

from awscli.botocore import parsers, serialize
from awscli.botocore.model import ServiceModel
from awscli.botocore.session import get_session

session = get_session()
models = {}


def operation_model(service, operation):
    if service not in models:
        models[service] = ServiceModel(session.get_service_data(service), service)
    return models[service].operation_model(operation)


def decode(value):
    if isinstance(value, dict):
        if '$date' in value:
            return datetime.datetime.fromisoformat(value['$date'].replace('Z', '+00:00'))
        if '$blob' in value:
            return base64.b64decode(value['$blob'])
        return {k: decode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [decode(v) for v in value]
    return value


def encode(value):
    if isinstance(value, datetime.datetime):
        utc = value.astimezone(datetime.timezone.utc)
        return {'$date': utc.strftime('%Y-%m-%dT%H:%M:%S.') + '%03dZ' % (utc.microsecond // 1000)}
    if isinstance(value, (bytes, bytearray)):
        return {'$blob': base64.b64encode(bytes(value)).decode('ascii')}
    if isinstance(value, dict):
        return {k: encode(v) for k, v in value.items()}
    if isinstance(value, list):
        return [encode(v) for v in value]
    return value


def main():
    job = json.load(sys.stdin)
    serializer = serialize.create_serializer('query', include_validation=True)
    parser = parsers.create_parser('query')
    bodies = []
    for case in job.get('requests', []):
        op = operation_model(case['service'], case['operation'])
        request = serializer.serialize_to_request(decode(case['params']), op)
        # What botocore's AWSRequest does with a dict body.
        bodies.append(urlencode(request['body'], doseq=True))
    parsed = []
    for case in job.get('responses', []):
        op = operation_model(case['service'], case['operation'])
        response = {'status_code': case['status'], 'headers': {}, 'body': case['body'].encode('utf-8')}
        result = parser.parse(response, op.output_shape)
        result.pop('ResponseMetadata', None)
        parsed.append(encode(result))
    json.dump({'requests': bodies, 'responses': parsed}, sys.stdout)


main()
