// verifySamlResponse with responses built and signed here (xml-crypto, a generated key and
// certificate): what passes, the keys it yields, and every kind of bad response with STS's
// error — signature wrapping, another signer, tampering, expiry, audience, recipient, roles.

import { createHash } from 'node:crypto'
import { beforeAll, describe, expect, it } from 'vitest'
import { selfSignedCertificate, type TestCertificate } from '../test-support/certificates.js'
import { samlProvider, samlProviders } from '../test-support/providers.js'
import { encode, testIdp, type ResponseOptions, type TestIdp } from '../test-support/saml-idp.js'
import { verifySamlResponse, type SamlDeps } from './verify-saml-response.js'

const ACCOUNT = '123456789012'
const ROLE = `arn:aws:iam::${ACCOUNT}:role/Federated`
const PROVIDER = `arn:aws:iam::${ACCOUNT}:saml-provider/Corp`
const NOW = new Date('2026-11-28T12:00:00Z')
const ATTR = 'https://aws.amazon.com/SAML/Attributes/'

let idp: TestIdp
let otherKey: TestCertificate
let deps: SamlDeps

beforeAll(() => {
  idp = testIdp()
  otherKey = selfSignedCertificate('/CN=attacker.example.com')
  deps = { samlProviders: samlProviders([samlProvider(ACCOUNT, 'Corp', idp.metadata())]) }
})

const options = (more: Partial<ResponseOptions> = {}): ResponseOptions => ({ roles: [`${ROLE},${PROVIDER}`], now: NOW, ...more })
const verify = (xml: string, more: { principalArn?: string; roleArn?: string; now?: Date; deps?: SamlDeps } = {}) =>
  verifySamlResponse(more.deps ?? deps, {
    accountId: ACCOUNT,
    samlResponse: encode(xml),
    principalArn: more.principalArn ?? PROVIDER,
    roleArn: more.roleArn ?? ROLE,
    now: more.now ?? NOW
  })

async function expectFailure(xml: string, code: string, message: string | RegExp, more: Parameters<typeof verify>[1] = {}) {
  const result = await verify(xml, more)
  expect(result.ok).toBe(false)
  if (!result.ok) {
    expect(result.code).toBe(code)
    if (typeof message === 'string') expect(result.message).toBe(message)
    else expect(result.message).toMatch(message)
  }
}

describe('verifySamlResponse', () => {
  it('accepts a response whose assertion is signed by the provider, with what STS needs', async () => {
    const xml = idp.responseXml(
      options({
        attributes: {
          [`${ATTR}SessionDuration`]: ['7200'],
          [`${ATTR}SourceIdentity`]: ['alice'],
          [`${ATTR}PrincipalTag:Department`]: ['Engineering'],
          [`${ATTR}TransitiveTagKeys`]: ['Department'],
          'urn:oid:1.3.6.1.4.1.5923.1.1.1.1': ['member', 'staff']
        }
      })
    )
    const result = await verify(xml)
    const qualifier = createHash('sha1').update(`${idp.entityId}${ACCOUNT}/Corp`).digest('base64')
    expect(result).toMatchObject({
      ok: true,
      provider: { arn: PROVIDER, name: 'Corp' },
      issuer: idp.entityId,
      subject: 'alice',
      subjectType: 'persistent',
      audience: 'https://signin.aws.amazon.com/saml',
      nameQualifier: qualifier,
      roles: [{ roleArn: ROLE, providerArn: PROVIDER }],
      roleSessionName: 'alice@example.com',
      sessionDuration: 7200,
      sourceIdentity: 'alice',
      principalTags: [{ Key: 'Department', Value: 'Engineering' }],
      transitiveTagKeys: ['Department']
    })
    if (result.ok) {
      expect(result.conditionKeys).toEqual({
        'saml:aud': 'https://signin.aws.amazon.com/saml',
        'saml:iss': idp.entityId,
        'saml:sub': 'alice',
        'saml:sub_type': 'persistent',
        'saml:namequalifier': qualifier,
        'saml:doc': `${ACCOUNT}/Corp`,
        'saml:edupersonaffiliation': ['member', 'staff'],
        'aws:FederatedProvider': PROVIDER
      })
    }
  })

  it('accepts a signed response (or both signed), and the role pair in either order', async () => {
    expect((await verify(idp.responseXml(options({ sign: 'response' })))).ok).toBe(true)
    expect((await verify(idp.responseXml(options({ sign: 'both' })))).ok).toBe(true)
    expect((await verify(idp.responseXml(options({ roles: [`${PROVIDER},${ROLE}`] })))).ok).toBe(true)
  })

  it('refuses an unsigned response, or one signed by another key', async () => {
    await expectFailure(idp.responseXml(options({ sign: 'none' })), 'InvalidIdentityToken', 'Response signature invalid')
    await expectFailure(idp.responseXml(options({ signer: otherKey })), 'InvalidIdentityToken', 'Response signature invalid')
    await expectFailure(idp.responseXml(options({ signer: otherKey, sign: 'response' })), 'InvalidIdentityToken', 'Response signature invalid')
  })

  it('refuses an assertion changed after signing', async () => {
    const xml = idp.responseXml(options()).replace('>alice<', '>mallory<')
    await expectFailure(xml, 'InvalidIdentityToken', 'Response signature invalid')
  })

  it('refuses a wrapped response: the signed assertion moved aside, an unsigned one in its place', async () => {
    const signed = idp.responseXml(options())
    const original = /<saml:Assertion[\s\S]*<\/saml:Assertion>/.exec(signed)?.[0] as string
    const evil = original
      .replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '')
      .replace('ID="_assertion1"', 'ID="_evil"')
      .replace('>alice<', '>admin<')
    const wrapped = signed.replace(original, `<samlp:Extensions>${original}</samlp:Extensions>${evil}`)
    await expectFailure(wrapped, 'InvalidIdentityToken', /not a SAML 2.0 Response with one assertion|signature invalid/)
    const sameId = signed
      .replace(original, `${original.replace(/<ds:Signature[\s\S]*<\/ds:Signature>/, '').replace('>alice<', '>admin<')}`)
      .replace('</samlp:Status>', `</samlp:Status><samlp:Extensions>${original}</samlp:Extensions>`)
    await expectFailure(sameId, 'InvalidIdentityToken', /not a SAML 2.0 Response with one assertion|signature invalid/)
  })

  it('refuses a signature moved to another element than the one it signs', async () => {
    const signed = idp.responseXml(options())
    const signature = /<ds:Signature[\s\S]*<\/ds:Signature>/.exec(signed)?.[0] as string
    // The assertion's signature now sits on the Response, and the assertion is changed.
    const moved = signed.replace(signature, '').replace('</saml:Issuer><samlp:Status>', `</saml:Issuer>${signature}<samlp:Status>`).replace('>alice<', '>admin<')
    await expectFailure(moved, 'InvalidIdentityToken', 'Response signature invalid')
    // Moved without changes, it still references the assertion, not its parent: refused too.
    const movedIntact = signed.replace(signature, '').replace('</saml:Issuer><samlp:Status>', `</saml:Issuer>${signature}<samlp:Status>`)
    await expectFailure(movedIntact, 'InvalidIdentityToken', 'Response signature invalid')
  })

  it('refuses a response redeemed too late, an expired assertion, and one not valid yet', async () => {
    await expectFailure(idp.responseXml(options()), 'ExpiredTokenException', 'Token must be redeemed within 5 minutes of issuance', { now: new Date(NOW.getTime() + 10 * 60_000) })
    const shortLived = idp.responseXml(options({ notOnOrAfter: new Date(NOW.getTime() + 60_000) }))
    await expectFailure(shortLived, 'ExpiredTokenException', /expired/, { now: new Date(NOW.getTime() + 3 * 60_000) })
    await expectFailure(idp.responseXml(options({ notBefore: new Date(NOW.getTime() + 10 * 60_000) })), 'InvalidIdentityToken', /not yet valid/)
  })

  it('reads the earliest AuthnStatement SessionNotOnOrAfter, and refuses a session already over', async () => {
    const end = new Date(NOW.getTime() + 30 * 60_000)
    const result = await verify(idp.responseXml(options({ sessionNotOnOrAfter: end })))
    expect(result).toMatchObject({ ok: true, sessionNotOnOrAfter: end })
    expect(await verify(idp.responseXml(options()))).toMatchObject({ ok: true, sessionNotOnOrAfter: undefined })
    await expectFailure(idp.responseXml(options({ sessionNotOnOrAfter: NOW })), 'ExpiredTokenException', /SessionNotOnOrAfter/)
  })

  it('refuses a response for another audience or recipient', async () => {
    await expectFailure(idp.responseXml(options({ audience: 'https://other.example.com/saml' })), 'InvalidIdentityToken', 'Response does not contain the required audience.')
    await expectFailure(idp.responseXml(options({ recipient: 'https://other.example.com/acs' })), 'InvalidIdentityToken', /Recipient/)
    const regional = idp.responseXml(options({ audience: 'https://eu-west-1.signin.aws.amazon.com/saml', recipient: 'https://eu-west-1.signin.aws.amazon.com/saml' }))
    expect((await verify(regional)).ok).toBe(true)
    const local = idp.responseXml(options({ audience: 'urn:amazon:webservices', recipient: 'https://iam.portcullis.test/saml' }))
    await expectFailure(local, 'InvalidIdentityToken', /Recipient/)
    expect((await verify(local, { deps: { ...deps, extraEndpoints: ['https://iam.portcullis.test/saml'] } })).ok).toBe(true)
  })

  it('refuses a role the assertion does not grant with this provider', async () => {
    await expectFailure(idp.responseXml(options()), 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithSAML', { roleArn: `arn:aws:iam::${ACCOUNT}:role/Admin` })
    const otherProvider = idp.responseXml(options({ roles: [`${ROLE},arn:aws:iam::${ACCOUNT}:saml-provider/Other`] }))
    await expectFailure(otherProvider, 'AccessDenied', 'Not authorized to perform sts:AssumeRoleWithSAML')
  })

  it('refuses a provider ARN that does not exist in the account, and an issuer the metadata does not name', async () => {
    await expectFailure(idp.responseXml(options()), 'InvalidIdentityToken', "Specified provider doesn't exist.", { principalArn: `arn:aws:iam::${ACCOUNT}:saml-provider/Missing` })
    await expectFailure(idp.responseXml(options()), 'InvalidIdentityToken', "Specified provider doesn't exist.", { principalArn: 'arn:aws:iam::999999999999:saml-provider/Corp' })
    await expectFailure(idp.responseXml(options({ issuer: 'https://other-idp.example.com' })), 'InvalidIdentityToken', 'Issuer not present in specified provider')
  })

  it('checks RoleSessionName, SessionDuration and SourceIdentity as IAM does', async () => {
    await expectFailure(idp.responseXml(options({ attributes: { [`${ATTR}RoleSessionName`]: null } })), 'InvalidIdentityToken', 'RoleSessionName is required in AuthnResponse')
    await expectFailure(
      idp.responseXml(options({ attributes: { [`${ATTR}RoleSessionName`]: ['has space'] } })),
      'InvalidIdentityToken',
      'RoleSessionName in AuthnResponse must match [a-zA-Z_0-9+=,.@-]{2,64}'
    )
    await expectFailure(idp.responseXml(options({ attributes: { [`${ATTR}SessionDuration`]: ['60'] } })), 'InvalidIdentityToken', /SessionDuration/)
    await expectFailure(
      idp.responseXml(options({ attributes: { [`${ATTR}SourceIdentity`]: ['aws:me'] } })),
      'InvalidIdentityToken',
      'Source Identity must match [a-zA-Z_0-9+=,.@-]{2,64} and not begin with "aws:"'
    )
  })

  it('refuses what is not a SAML response at all', async () => {
    for (const bad of [
      '<notxml',
      '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e "x">]><samlp:Response xmlns:samlp="urn:oasis:names:tc:SAML:2.0:protocol">&e;</samlp:Response>',
      '<a/>'
    ]) {
      await expectFailure(bad, 'InvalidIdentityToken', /not a SAML 2.0 Response/)
    }
    const result = await verifySamlResponse(deps, { accountId: ACCOUNT, samlResponse: '%%% not base64 %%%', principalArn: PROVIDER, roleArn: ROLE, now: NOW })
    expect(result).toMatchObject({ ok: false, code: 'InvalidIdentityToken' })
  })
})
