/** Byte order mark: Excel reads a CSV as UTF-8 (and shows Chinese) only when the file starts with it. */
export const UTF8_BOM = '\uFEFF'

export type CsvCell = string | number | boolean | null | undefined

/** Spreadsheet formula triggers: a text cell starting with one is prefixed with ' so Excel shows it as text. */
const FORMULA_START = /^[=+\-@\t\r]/

function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}

/**
 * RFC 4180 CSV text (CRLF line ends, quotes doubled) preceded by a UTF-8 byte order mark, so Excel opens
 * Chinese text correctly. Text cells that would start a formula are prefixed with '. Inputs are not changed.
 *
 * @example
 * exportCsv(['名称', '人数'], [['南丰村', 42]]) // '\uFEFF名称,人数\r\n南丰村,42\r\n'
 */
export function exportCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(csvCell).join(','))
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`
}
