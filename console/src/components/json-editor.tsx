// A small code editor for policy JSON, without an editor library: a plain textarea over an
// overlay that draws what a textarea cannot (error squiggles, error lines, highlighted
// statements), and a gutter of line numbers where error lines are marked. The errors are
// listed under it (announced through aria-live); choosing one puts the caret on its line and
// column. Read-only, the same component shows a policy with the simulator's deciding
// statements highlighted.

import { useRef, type ReactNode } from 'react'
import { lineOf, offsetOf, statementRange, type TextPosition } from './policy-text'

export interface EditorError extends TextPosition {
  readonly message: string
  readonly detail?: string
}

export interface EditorHighlight {
  readonly start: TextPosition
  readonly end?: TextPosition
}

interface Props {
  readonly id: string
  readonly label: string
  readonly value: string
  readonly onChange?: (value: string) => void
  readonly errors?: readonly EditorError[]
  readonly highlights?: readonly EditorHighlight[]
  /** Shown under the errors, inside the live region: "valid" is announced; "Checking…" should be aria-hidden. */
  readonly status?: ReactNode
  readonly minRows?: number
  readonly maxRows?: number
}

const LINE_HEIGHT = 20 // px; the same in the gutter, the overlay and the textarea (styles.css)

/** How far an error's squiggle reaches: the token at the error, at least one character. */
function errorSpan(text: string, at: number): [number, number] {
  if (at >= text.length || text[at] === '\n') return at > 0 && text[at - 1] !== '\n' ? [at - 1, at] : [at, at]
  if (text[at] === '"') {
    const close = text.indexOf('"', at + 1)
    const nl = text.indexOf('\n', at)
    if (close > 0 && (nl < 0 || close < nl)) return [at, close + 1]
  }
  let end = at + 1
  while (end < text.length && /[^\s,:{}[\]"]/.test(text[end] as string)) end++
  return [at, end]
}

type Span = { from: number; to: number; kind: 'error' | 'highlight' }

/** The text of one line as runs, each marked with the spans that cover it. */
function renderLine(text: string, lineStart: number, lineEnd: number, spans: readonly Span[]): ReactNode[] {
  const cuts = new Set([lineStart, lineEnd])
  for (const s of spans) {
    if (s.from > lineStart && s.from < lineEnd) cuts.add(s.from)
    if (s.to > lineStart && s.to < lineEnd) cuts.add(s.to)
  }
  const points = [...cuts].sort((a, b) => a - b)
  const out: ReactNode[] = []
  for (let i = 0; i + 1 < points.length; i++) {
    const from = points[i] as number
    const to = points[i + 1] as number
    const piece = text.slice(from, to)
    const covering = spans.filter((s) => s.from <= from && s.to >= to && s.to > s.from)
    const error = covering.some((s) => s.kind === 'error')
    const highlight = covering.some((s) => s.kind === 'highlight')
    if (highlight)
      out.push(
        <mark key={from} className={error ? 'access-editor-squiggle' : undefined}>
          {piece}
        </mark>
      )
    else if (error)
      out.push(
        <span key={from} className="access-editor-squiggle">
          {piece}
        </span>
      )
    else out.push(piece)
  }
  return out
}

export function JsonEditor({ id, label, value, onChange, errors = [], highlights = [], status, minRows = 8, maxRows = 30 }: Props) {
  const area = useRef<HTMLTextAreaElement>(null)
  const overlay = useRef<HTMLDivElement>(null)
  const gutter = useRef<HTMLDivElement>(null)
  const readOnly = !onChange
  const lines = value.split('\n')
  const spans: Span[] = []
  const errorLines = new Set<number>()
  for (const e of errors) {
    const [from, to] = errorSpan(value, offsetOf(value, e))
    spans.push({ from, to, kind: 'error' })
    errorLines.add(Math.min(Math.max(1, e.line), lines.length))
  }
  const highlightLines = new Set<number>()
  for (const h of highlights) {
    const [from, to] = statementRange(value, h.start, h.end)
    spans.push({ from, to, kind: 'highlight' })
    for (let l = lineOf(value, from); l <= lineOf(value, Math.max(from, to - 1)); l++) highlightLines.add(l)
  }
  const rows = Math.min(maxRows, Math.max(minRows, lines.length + 1))

  const syncScroll = () => {
    const a = area.current
    if (!a) return
    if (overlay.current) {
      overlay.current.scrollTop = a.scrollTop
      overlay.current.scrollLeft = a.scrollLeft
    }
    if (gutter.current) gutter.current.scrollTop = a.scrollTop
  }

  // Choosing an error: the caret goes to its line and column, and that line scrolls into view.
  const goTo = (pos: TextPosition) => {
    const a = area.current
    if (!a) return
    const at = offsetOf(value, pos)
    a.focus()
    a.setSelectionRange(at, at)
    a.scrollTop = Math.max(0, (pos.line - 3) * LINE_HEIGHT)
    syncScroll()
  }

  let lineStart = 0
  const overlayLines = lines.map((text, i) => {
    const start = lineStart
    lineStart += text.length + 1
    const n = i + 1
    const cls = errorLines.has(n) ? 'access-editor-line is-error' : highlightLines.has(n) ? 'access-editor-line is-highlight' : 'access-editor-line'
    return (
      <div key={n} className={cls}>
        {renderLine(value, start, start + text.length, spans)}
        {'\u200b'}
      </div>
    )
  })
  const errorsId = `${id}-errors`
  return (
    <div className="access-editor-wrap">
      <label htmlFor={id}>{label}</label>
      <div className="access-editor" style={{ height: rows * LINE_HEIGHT + 18 }}>
        <div className="access-editor-gutter" ref={gutter} aria-hidden="true">
          {lines.map((_, i) => (
            <div key={i} className={errorLines.has(i + 1) ? 'is-error' : highlightLines.has(i + 1) ? 'is-highlight' : undefined}>
              {i + 1}
            </div>
          ))}
          <div className="access-editor-gutter-pad" />
        </div>
        <div className="access-editor-body">
          <div className="access-editor-overlay" ref={overlay} aria-hidden="true">
            <div className="access-editor-lines">{overlayLines}</div>
          </div>
          <textarea
            id={id}
            ref={area}
            className="code access-editor-input"
            value={value}
            readOnly={readOnly}
            onChange={(e) => onChange?.(e.target.value)}
            onScroll={syncScroll}
            wrap="off"
            spellCheck={false}
            autoCapitalize="off"
            autoComplete="off"
            aria-invalid={errors.length > 0}
            aria-describedby={readOnly ? undefined : errorsId}
          />
        </div>
      </div>
      {!readOnly && (
        <div id={errorsId} className="access-editor-errors" aria-live="polite">
          {errors.length > 0 ? (
            <>
              <p className="field-error">{errors.length === 1 ? '1 error' : `${errors.length} errors`} in the policy. Choose one to go to it.</p>
              <ul>
                {errors.map((e, i) => (
                  <li key={i}>
                    <button type="button" className="access-editor-error" onClick={() => goTo(e)}>
                      Line {e.line}, column {e.column}: {e.message}
                      {e.detail ? ` (${e.detail})` : ''}
                    </button>
                  </li>
                ))}
              </ul>
            </>
          ) : null}
          {status}
        </div>
      )}
    </div>
  )
}
