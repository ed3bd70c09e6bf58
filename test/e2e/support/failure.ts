// What a failed SDK call tells a client: the error's name (the SDK's shape name), message and
// HTTP status. Fails the test when the call succeeds.

export interface CallFailure {
  readonly name: string
  readonly message: string
  readonly status: number | undefined
}

export async function failure(promise: Promise<unknown>): Promise<CallFailure> {
  try {
    await promise
  } catch (e) {
    const err = e as { name: string; message: string; $metadata?: { httpStatusCode?: number } }
    return { name: err.name, message: err.message, status: err.$metadata?.httpStatusCode }
  }
  throw new Error('expected the call to fail')
}
