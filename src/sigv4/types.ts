// The module's public shapes. index.ts re-exports them; nothing here has behaviour.

/** An HTTP request as the server received it, before anything is decoded. */
export interface SignedRequest {
  /** 'POST', 'GET', ... */
  readonly method: string
  /** Raw path of the request line, e.g. '/' (not decoded). */
  readonly path: string
  /** Raw query string without '?', '' if none. */
  readonly query: string
  /**
   * Node's IncomingHttpHeaders (lower-case names). Pass `req.headersDistinct` when you can: Node
   * joins repeated headers in `req.headers` with ', ', while SigV4 joins them with ','.
   */
  readonly headers: Readonly<Record<string, string | string[] | undefined>>
  /** Raw body bytes. */
  readonly body: Uint8Array
}

export interface CredentialScope {
  readonly accessKeyId: string
  /** YYYYMMDD */
  readonly date: string
  readonly region: string
  readonly service: string
}

export interface ParsedAuth {
  /** Authorization header, or presigned query string. */
  readonly kind: 'header' | 'query'
  readonly scope: CredentialScope
  /** Lower-cased, in the order the client listed them. */
  readonly signedHeaders: readonly string[]
  /** As the client sent it (SDKs send lower-case hex). */
  readonly signature: string
  /** YYYYMMDD'T'HHMMSS'Z', from X-Amz-Date (header or query) or the Date header. */
  readonly amzDate: string
  /** x-amz-security-token (header or query), for temporary credentials. */
  readonly securityToken?: string
  /** X-Amz-Expires of a presigned request, when it has one. */
  readonly expiresSeconds?: number
}

/** An AWS error: the code and message go into the response body, status is the HTTP status. */
export interface SigV4Error {
  readonly code: string
  readonly message: string
  readonly status: number
}

export interface VerifyOptions {
  /** Injected clock. */
  readonly now: Date
  /** Services this endpoint serves, e.g. ['iam', 'sts']; the first is the one error messages name. */
  readonly services: readonly string[]
  /** Allowed clock difference for X-Amz-Date; default 900 (15 minutes). */
  readonly maxSkewSeconds?: number
}

export interface Credentials {
  readonly accessKeyId: string
  readonly secretAccessKey: string
  readonly sessionToken?: string
}

export interface SigningScope {
  readonly region: string
  readonly service: string
}

/** What sign() signs. Header names may be in any case. */
export interface RequestToSign {
  readonly method: string
  readonly url: URL
  readonly headers: Readonly<Record<string, string>>
  readonly body: Uint8Array
}

export interface PresignOptions {
  /** Default 'GET'. */
  readonly method?: string
  /** X-Amz-Expires, 1..604800; default 900. */
  readonly expiresSeconds?: number
  /** Further headers the request will carry and that should be signed (host is always signed). */
  readonly headers?: Readonly<Record<string, string>>
  /** Sign 'UNSIGNED-PAYLOAD' instead of the hash of an empty body (S3 style). Default false. */
  readonly unsignedPayload?: boolean
}
