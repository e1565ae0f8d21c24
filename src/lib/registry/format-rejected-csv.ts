import type { RejectedRow } from './registry-types'

/** Excel runs a cell that starts like a formula; a leading apostrophe keeps hostile registry text inert. */
const inert = (cell: string) => (/^[=@\t\r]|^[+-][^\d.]/.test(cell) ? `'${cell}` : cell)
const quote = (cell: string) => (/[",\r\n]/.test(cell) || /^\s|\s$/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell)

/**
 * Writes rejected rows as CSV for Excel (UTF-8 with BOM, CRLF): 行号 (source line), 原因代码 (stable codes),
 * 原因 (Chinese reasons), then the row's original cells under the source header. Only a header when none
 * was rejected, so the file always exists and always says so.
 *
 * @example
 * formatRejectedCsv(['机构编号'], [{ line: 3, cells: ['A1'], issues: [{ code: 'duplicate-id', reason: '机构编号与第 2 行重复' }] }])
 * // '\uFEFF行号,原因代码,原因,机构编号\r\n3,duplicate-id,机构编号与第 2 行重复,A1\r\n'
 */
export function formatRejectedCsv(header: readonly string[], rejected: readonly RejectedRow[]): string {
  const lines = [['行号', '原因代码', '原因', ...header]]
  for (const row of rejected) {
    lines.push([String(row.line), row.issues.map((issue) => issue.code).join(';'), row.issues.map((issue) => issue.reason).join('；'), ...row.cells])
  }
  return '\uFEFF' + lines.map((cells) => cells.map((cell) => quote(inert(cell))).join(',')).join('\r\n') + '\r\n'
}
