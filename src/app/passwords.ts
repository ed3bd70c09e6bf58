// Console passwords: argon2id hashes (the hash string carries its own salt and parameters).
// Verification is constant-time inside the library.

import { hash, verify } from '@node-rs/argon2'

export interface PasswordHasher {
  hash(password: string): Promise<string>
  verify(hashed: string, password: string): Promise<boolean>
}

/** argon2id with the library's defaults (19 MiB, 2 passes), the OWASP recommendation. */
export const argon2idHasher: PasswordHasher = {
  hash: (password) => hash(password),
  verify: async (hashed, password) => {
    try {
      return await verify(hashed, password)
    } catch {
      return false
    }
  }
}
