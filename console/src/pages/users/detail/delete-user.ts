// Deleting a user as the AWS console does: IAM refuses DeleteUser while the user has a password,
// keys, certificates, MFA devices, group memberships or policies (DeleteConflict), so the console
// removes those first, then the user. `progress` names each step as it runs.

import { ApiError, call } from '../../../api'
import type { AccessKeyMetadata, AttachedPolicy, IamGroup, MfaDevice } from '../../../components/iam-types'
import { listAll } from '../../../components/list-all'

export async function deleteUserAndResources(userName: string, progress: (step: string) => void = () => {}): Promise<void> {
  const user = { UserName: userName }
  progress('Removing the console password')
  try {
    await call('DeleteLoginProfile', user)
  } catch (e) {
    if (!(e instanceof ApiError && e.code === 'NoSuchEntity')) throw e
  }
  progress('Deleting access keys')
  for (const k of await listAll<AccessKeyMetadata>('ListAccessKeys', user, 'AccessKeyMetadata')) await call('DeleteAccessKey', { ...user, AccessKeyId: k.AccessKeyId })
  progress('Deleting signing certificates, SSH keys and service credentials')
  for (const c of await listAll<{ CertificateId: string }>('ListSigningCertificates', user, 'Certificates'))
    await call('DeleteSigningCertificate', { ...user, CertificateId: c.CertificateId })
  for (const k of await listAll<{ SSHPublicKeyId: string }>('ListSSHPublicKeys', user, 'SSHPublicKeys'))
    await call('DeleteSSHPublicKey', { ...user, SSHPublicKeyId: k.SSHPublicKeyId })
  const services = await call<{ ServiceSpecificCredentials?: { ServiceSpecificCredentialId: string }[] }>('ListServiceSpecificCredentials', user)
  for (const c of services.ServiceSpecificCredentials ?? []) await call('DeleteServiceSpecificCredential', { ...user, ServiceSpecificCredentialId: c.ServiceSpecificCredentialId })
  progress('Removing MFA devices')
  for (const d of await listAll<MfaDevice>('ListMFADevices', user, 'MFADevices')) {
    await call('DeactivateMFADevice', { ...user, SerialNumber: d.SerialNumber })
    await call('DeleteVirtualMFADevice', { SerialNumber: d.SerialNumber })
  }
  progress('Removing group memberships')
  for (const g of await listAll<IamGroup>('ListGroupsForUser', user, 'Groups')) await call('RemoveUserFromGroup', { ...user, GroupName: g.GroupName })
  progress('Removing policies')
  for (const p of await listAll<AttachedPolicy>('ListAttachedUserPolicies', user, 'AttachedPolicies')) await call('DetachUserPolicy', { ...user, PolicyArn: p.PolicyArn })
  for (const name of await listAll<string>('ListUserPolicies', user, 'PolicyNames')) await call('DeleteUserPolicy', { ...user, PolicyName: name })
  progress('Deleting the user')
  await call('DeleteUser', user)
}
