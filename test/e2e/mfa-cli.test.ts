// A virtual MFA device with Debian's AWS CLI v2, unchanged, against a started server, as the IAM
// guide does it: create-virtual-mfa-device writes the seed (or the QR code) to a file, the codes
// computed from that file enable the device for a user, and list-mfa-devices shows it.

import { existsSync, mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { AWS_CLI, awsCli, awsJson } from './support/aws-cli.js'
import { consecutiveCodes, PNG_SIGNATURE, readQrCode } from './support/mfa-codes.js'
import { startTestServer, type TestServer } from './support/server.js'

let server: TestServer
let dir: string

beforeAll(async () => {
  if (!existsSync(AWS_CLI)) throw new Error(`${AWS_CLI} is missing: install Debian's awscli package (.ci/run does)`)
  server = await startTestServer()
  dir = mkdtempSync(join(tmpdir(), 'portcullis-mfa-cli-'))
})
afterAll(async () => {
  await server?.close()
})

describe('virtual MFA with the AWS CLI', () => {
  it('creates a device with its seed in a file, enables it for a user with codes from that seed, and lists it', async () => {
    const aws = <T>(...args: string[]) => awsJson<T>(server.url, server.root, args)
    const seedFile = join(dir, 'seed.txt')

    const created = await aws<{ VirtualMFADevice: { SerialNumber: string } }>(
      'iam',
      'create-virtual-mfa-device',
      '--virtual-mfa-device-name',
      'cli-user-phone',
      '--outfile',
      seedFile,
      '--bootstrap-method',
      'Base32StringSeed'
    )
    expect(created.VirtualMFADevice).toEqual({ SerialNumber: 'arn:aws:iam::123456789012:mfa/cli-user-phone' })
    const seed = readFileSync(seedFile, 'utf8')
    expect(seed).toMatch(/^[A-Z2-7]{64}$/)

    await aws('iam', 'create-user', '--user-name', 'cli-user')
    const codes = consecutiveCodes(seed)
    await aws(
      'iam',
      'enable-mfa-device',
      '--user-name',
      'cli-user',
      '--serial-number',
      created.VirtualMFADevice.SerialNumber,
      '--authentication-code1',
      codes.AuthenticationCode1,
      '--authentication-code2',
      codes.AuthenticationCode2
    )
    const listed = await aws<{ MFADevices: { UserName: string; SerialNumber: string }[] }>('iam', 'list-mfa-devices', '--user-name', 'cli-user')
    expect(listed.MFADevices.map((d) => [d.UserName, d.SerialNumber])).toEqual([['cli-user', created.VirtualMFADevice.SerialNumber]])
  })

  it('writes the QR code PNG to a file when asked for it', async () => {
    const pngFile = join(dir, 'qr.png')
    await awsJson(server.url, server.root, ['iam', 'create-virtual-mfa-device', '--virtual-mfa-device-name', 'cli-qr', '--outfile', pngFile, '--bootstrap-method', 'QRCodePNG'])
    const png = readFileSync(pngFile)
    expect([...png.subarray(0, 8)]).toEqual(PNG_SIGNATURE)
    expect(readQrCode(png)).toMatch(/^otpauth:\/\/totp\/Portcullis:cli-qr%40123456789012\?/)
  })

  it('shows a wrong code the way the CLI shows AWS errors', async () => {
    await awsJson(server.url, server.root, ['iam', 'create-user', '--user-name', 'cli-wrong'])
    const r = await awsCli(server.url, server.root, [
      'iam',
      'enable-mfa-device',
      '--user-name',
      'cli-wrong',
      '--serial-number',
      'arn:aws:iam::123456789012:mfa/cli-qr',
      '--authentication-code1',
      '000000',
      '--authentication-code2',
      '000000'
    ])
    expect(r.code).toBe(254)
    expect(r.stderr).toContain('An error occurred (InvalidAuthenticationCode) when calling the EnableMFADevice operation: Authentication code for device is not valid.')
  })
})
