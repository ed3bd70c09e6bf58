// The sign-in flow's error line: the server's generic wording for a failure ("Your
// authentication information is incorrect"), and for throttling a countdown until the next try.

import { useEffect, useState } from 'react'
import { ApiError } from '../../api'

/** Seconds until sign-in may be tried again (counts down to 0); set from a SignInThrottled error. */
export function useRetryAfter(error: unknown): number {
  const [left, setLeft] = useState(0)
  useEffect(() => {
    const seconds = error instanceof ApiError && error.code === 'SignInThrottled' ? (error.retryAfterSeconds ?? 30) : 0
    setLeft(seconds)
    if (seconds <= 0) return
    const timer = setInterval(() => setLeft((s) => (s <= 1 ? 0 : s - 1)), 1000)
    return () => clearInterval(timer)
  }, [error])
  return left
}

export function SignInError({ error, retryAfter }: { error: unknown; retryAfter: number }) {
  if (error === undefined) return null
  const message = error instanceof ApiError ? error.message : 'The console could not reach the server. Try again.'
  return (
    <div className="panel panel-error" role="alert">
      <p>{message}</p>
      {retryAfter > 0 && <p>Too many attempts. You can try again in {retryAfter} seconds.</p>}
    </div>
  )
}
