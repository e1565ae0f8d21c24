import type { CsvRecord } from './parse-csv'

/** A cell as read-excel-file gives it. */
export type SheetCell = string | number | boolean | Date | null | undefined

const pad = (value: number) => String(value).padStart(2, '0')
const cellText = (cell: SheetCell): string => {
  if (cell === null || cell === undefined) return ''
  if (cell instanceof Date) return `${cell.getUTCFullYear()}-${pad(cell.getUTCMonth() + 1)}-${pad(cell.getUTCDate())}`
  if (typeof cell === 'boolean') return cell ? '是' : '否'
  return String(cell)
}

/**
 * Turns the rows of a spreadsheet (first row = sheet row 1) into the same records a CSV gives, so that one
 * pipeline validates both; the record line is the sheet's row number and its raw text the cells joined by tabs.
 * Dates become YYYY-MM-DD, booleans 是/否.
 *
 * @example
 * sheetToRecords([['机构编号', '托位数'], ['A1', 40]]) // [{ line: 1, cells: ['机构编号', '托位数'], raw: '机构编号\t托位数' }, { line: 2, cells: ['A1', '40'], raw: 'A1\t40' }]
 */
export function sheetToRecords(rows: readonly (readonly SheetCell[])[]): CsvRecord[] {
  return rows.map((row, index) => {
    const cells = row.map(cellText)
    // A sheet row has no source text: its cells joined by tabs stand in for it.
    return { line: index + 1, cells, raw: cells.join('\t') }
  })
}
