// My security credentials: the signed-in principal's own MFA devices and access keys. The root
// user manages its MFA device and keys only here (the dashboard's root recommendations link here).

import { useSession } from '../../session-context'
import { SecurityCredentials } from './detail/security-credentials'

export function MySecurityCredentialsPage() {
  const { session } = useSession()
  const p = session.principal
  return (
    <>
      <h1>My security credentials</h1>
      {p.kind === 'root' ? (
        <>
          <p className="muted">The root user of account {session.accountId}.</p>
          <SecurityCredentials owner={{ kind: 'root', accountId: session.accountId }} />
        </>
      ) : p.kind === 'user' && p.userName ? (
        <SecurityCredentials owner={{ kind: 'user', userName: p.userName }} />
      ) : (
        <p className="panel">A role session has no long-term credentials of its own; it uses the temporary credentials of its role.</p>
      )}
    </>
  )
}
