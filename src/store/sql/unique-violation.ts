// Maps a driver's unique-constraint error (SQLite or PostgreSQL) to the store's UniqueViolation.

import { UniqueViolation } from '../ports/repositories.js'

export function uniqueViolation(e: unknown): UniqueViolation | undefined {
  if (typeof e !== 'object' || e === null) return undefined
  const err = e as { code?: unknown; message?: unknown; constraint?: unknown }
  if (err.code === 'SQLITE_CONSTRAINT_UNIQUE' || err.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    return new UniqueViolation(typeof err.message === 'string' ? err.message : 'unique')
  }
  if (err.code === '23505') return new UniqueViolation(typeof err.constraint === 'string' ? err.constraint : 'unique')
  return undefined
}
