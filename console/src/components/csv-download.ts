// CSV text (RFC 4180 quoting) and a download made in the browser from a Blob, for credentials
// that exist only in this page's memory and must never be sent anywhere else.

export function toCsv(rows: readonly (readonly string[])[]): string {
  const cell = (v: string) => (/[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v)
  return rows.map((r) => r.map(cell).join(',')).join('\r\n') + '\r\n'
}

export function downloadFile(fileName: string, text: string, type = 'text/csv'): void {
  const url = URL.createObjectURL(new Blob([text], { type }))
  const a = document.createElement('a')
  a.href = url
  a.download = fileName
  document.body.append(a)
  a.click()
  a.remove()
  // Revoked after the click has started the download.
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}
