import { exportCsv } from '../export/export-csv'
import type { RejectedRow } from './registry-types'

/**
 * Writes rejected rows as CSV for Excel through the project's one CSV writer (UTF-8 with BOM, CRLF, formula
 * triggers = + - @ tab CR defused with a leading '): 行号 (source line), 原因代码 (stable codes), 原因 (Chinese
 * reasons), 原始行 (the untouched source text of the row, so nothing is lost), then the row's cells under the
 * source header. Only a header when none was rejected, so the file always exists and always says so.
 *
 * @example
 * formatRejectedCsv(['机构编号'], [{ line: 3, cells: ['A1'], raw: 'A1', issues: [{ code: 'duplicate-id', reason: '机构编号与第 2 行重复' }] }])
 * // '\uFEFF行号,原因代码,原因,原始行,机构编号\r\n3,duplicate-id,机构编号与第 2 行重复,A1,A1\r\n'
 */
export function formatRejectedCsv(header: readonly string[], rejected: readonly RejectedRow[]): string {
  return exportCsv(['行号', '原因代码', '原因', '原始行', ...header], rejected.map((row) => [
    String(row.line), row.issues.map((issue) => issue.code).join(';'), row.issues.map((issue) => issue.reason).join('；'),
    row.raw, ...row.cells,
  ]))
}
