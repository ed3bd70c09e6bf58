// Finding the device a call names, with IAM's NoSuchEntity when it is not there.

import type { Repositories } from '../../store/ports/repositories.js'
import type { MfaDeviceRecord } from '../../store/ports/records.js'
import { noSuchMfaDevice } from './errors.js'

export async function requireDevice(repos: Repositories, accountId: string, serialNumber: string): Promise<MfaDeviceRecord> {
  const device = await repos.mfaDevices.bySerial(accountId, serialNumber)
  if (!device) throw noSuchMfaDevice(serialNumber)
  return device
}
