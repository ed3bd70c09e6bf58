# Signs requests with botocore, the library under the AWS CLI, for botocore.test.ts.
# stdin: a JSON list of cases; stdout: a JSON list of {method, url, headers, body} as sent.
import datetime
import json
import sys

import botocore.auth
from botocore.auth import SigV4Auth, SigV4QueryAuth
from botocore.awsrequest import AWSRequest
from botocore.credentials import Credentials
from botocore.utils import percent_encode_sequence

out = []
for case in json.load(sys.stdin):
    when = datetime.datetime.fromisoformat(case["now"].replace("Z", "+00:00")).replace(tzinfo=None)
    botocore.auth.get_current_datetime = lambda *args, **kwargs: when
    creds = Credentials(case["accessKeyId"], case["secretAccessKey"], case.get("sessionToken"))
    params = [tuple(p) for p in case["params"]]
    encoded = percent_encode_sequence(params)
    headers = {}
    body = None
    url = case["url"]
    if case["method"] == "POST":
        headers["Content-Type"] = "application/x-www-form-urlencoded; charset=utf-8"
        body = encoded
    elif encoded:
        url = url + "?" + encoded
    request = AWSRequest(method=case["method"], url=url, data=body, headers=headers)
    if case.get("presign"):
        SigV4QueryAuth(creds, case["service"], case["region"], expires=case["expires"]).add_auth(request)
    else:
        SigV4Auth(creds, case["service"], case["region"]).add_auth(request)
    prepared = request.prepare()
    body = prepared.body
    if isinstance(body, bytes):
        body = body.decode("utf-8")
    out.append({"method": prepared.method, "url": prepared.url, "headers": dict(prepared.headers.items()), "body": body or ""})
json.dump(out, sys.stdout)
