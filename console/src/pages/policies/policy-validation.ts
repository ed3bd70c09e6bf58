// Validates a policy document as it is typed: a debounced POST /console/api/policy/validate,
// whose answer (IAM's messages with line and column) the editor marks and lists. Answers to
// older text are dropped, so a slow answer never marks text that has changed since.

import { useEffect, useState } from 'react'
import { post } from '../../api'
import type { EditorError } from '../../components/json-editor'

export type PolicyKind = 'identity' | 'trust' | 'boundary' | 'resource'

export interface Validation {
  /** The errors of `document` as last checked; empty when valid. */
  readonly errors: readonly EditorError[]
  /** True while the current text has not been checked yet. */
  readonly checking: boolean
  /** The check itself failed (the server could not be asked). */
  readonly failure: unknown
  /** Valid: checked, and no errors. */
  readonly valid: boolean
}

interface ValidateAnswer {
  readonly errors: readonly { message: string; detail?: string; path?: string; line?: number; column?: number }[]
}

export function usePolicyValidation(document: string, kind: PolicyKind, delayMs = 350): Validation {
  const [state, setState] = useState<{ checked: string | undefined; errors: readonly EditorError[]; failure: unknown }>({ checked: undefined, errors: [], failure: undefined })
  useEffect(() => {
    // Cleared when the text changes again: an answer about older text is never applied.
    let live = true
    const timer = setTimeout(() => {
      post<ValidateAnswer>('/policy/validate', { document, kind }).then(
        (answer) => {
          if (!live) return
          const errors = answer.errors.map((e) => ({ message: e.message, ...(e.detail ? { detail: e.detail } : {}), line: e.line ?? 1, column: e.column ?? 1 }))
          setState({ checked: document, errors, failure: undefined })
        },
        (failure: unknown) => {
          if (live) setState({ checked: document, errors: [], failure })
        }
      )
    }, delayMs)
    return () => {
      live = false
      clearTimeout(timer)
    }
  }, [document, kind, delayMs])
  const checking = state.checked !== document
  // While the new text is being checked, the old errors stay (they still point roughly right).
  return { errors: state.errors, checking, failure: state.failure, valid: !checking && state.errors.length === 0 && state.failure === undefined }
}
