import { escapeCsvCell, type CsvCell } from './escape-csv-cell'

export type { CsvCell } from './escape-csv-cell'

/** Byte order mark: Excel reads a CSV as UTF-8 (and shows Chinese) only when the file starts with it. */
export const UTF8_BOM = '\uFEFF'

/**
 * RFC 4180 CSV text (CRLF line ends, quotes doubled) preceded by a UTF-8 byte order mark, so Excel opens
 * Chinese text correctly. Every cell goes through {@link escapeCsvCell}, so text that would start a formula is
 * prefixed with '. Inputs are not changed.
 *
 * @example
 * exportCsv(['名称', '人数'], [['南丰村', 42]]) // '\uFEFF名称,人数\r\n南丰村,42\r\n'
 */
export function exportCsv(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  const lines = [header, ...rows].map((row) => row.map(escapeCsvCell).join(','))
  return `${UTF8_BOM}${lines.join('\r\n')}\r\n`
}
