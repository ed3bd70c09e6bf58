// A table as the console draws it: it scrolls sideways on a narrow screen, its caption names it
// for screen readers (visually hidden), and its header row has the column names; the caller
// gives the body's rows.

import type { ReactNode } from 'react'

export function DataTable({ caption, columns, children }: { caption?: string; columns: readonly string[]; children: ReactNode }) {
  return (
    <div className="table-wrap">
      <table>
        {caption && <caption className="visually-hidden">{caption}</caption>}
        <thead>
          <tr>
            {columns.map((c) => (
              <th key={c} scope="col">
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  )
}
