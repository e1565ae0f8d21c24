import type { CsvRecord } from './parse-csv'
import { REGISTRY_COLUMNS, type RegistryKey } from './registry-columns'
import { RegistryInputError } from './registry-input-error'

/** One data row: its source line, its cells as read, and its values by column key. */
export interface RegistryRow {
  line: number
  cells: string[]
  /** The row's source text, untouched (see CsvRecord.raw). */
  raw: string
  values: Partial<Record<RegistryKey, string>>
  /** Non-empty cells beyond the header's width: usually an unquoted comma that shifted the row. */
  extraCells: number
}

export interface RegistryTable {
  header: string[]
  columns: Partial<Record<RegistryKey, number>>
  /** Header cells that are no registry column; they are ignored. */
  unknownHeaders: string[]
  rows: RegistryRow[]
  /** Blank lines (nothing but spaces and delimiters): skipped, not rows. */
  blankLines: number
}

const isBlank = (record: CsvRecord) => record.cells.every((cell) => cell.trim() === '')

/** NFKC folds full-width letters and brackets; a trailing unit in brackets (托位数(个)) is ignored. */
const headerKey = (cell: string) => cell.replace(/^\uFEFF/, '').normalize('NFKC').replace(/\s+/g, '').replace(/\([^)]*\)$/, '')

/**
 * Finds the header (the first non-blank record), maps each header cell to a registry column by its Chinese
 * header or English key in any order, and returns the data rows. Throws {@link RegistryInputError} when there is
 * no header row, a required column is missing or a column appears twice.
 *
 * @example
 * readRegistryTable(parseCsv('机构编号,name,所属镇街,经度,纬度,type,是否普惠,capacity\n...')).columns.name // 1
 */
export function readRegistryTable(records: readonly CsvRecord[]): RegistryTable {
  const headerIndex = records.findIndex((record) => !isBlank(record))
  if (headerIndex < 0) throw new RegistryInputError('no header row: the file has no data', 'no-header')
  const header = records[headerIndex].cells.map((cell) => cell.trim())
  const byName = new Map<string, RegistryKey>()
  for (const column of REGISTRY_COLUMNS) {
    byName.set(headerKey(column.header), column.key)
    byName.set(column.key.toLowerCase(), column.key)
  }
  const columns: Partial<Record<RegistryKey, number>> = {}
  const unknownHeaders: string[] = []
  header.forEach((cell, index) => {
    const key = byName.get(headerKey(cell)) ?? byName.get(headerKey(cell).toLowerCase())
    if (!key) {
      if (cell !== '') unknownHeaders.push(cell)
    } else if (columns[key] !== undefined) {
      throw new RegistryInputError(`column ${cell} appears twice in the header (line ${records[headerIndex].line})`, 'duplicate-column', { column: cell, line: records[headerIndex].line })
    } else {
      columns[key] = index
    }
  })
  if (Object.keys(columns).length === 0) {
    throw new RegistryInputError(`no header row: line ${records[headerIndex].line} names none of the registry columns`, 'no-known-columns', { line: records[headerIndex].line })
  }
  const missing = REGISTRY_COLUMNS.filter((column) => column.required && columns[column.key] === undefined)
  if (missing.length > 0) {
    const names = missing.map((c) => `${c.header} (${c.key})`).join(', ')
    throw new RegistryInputError(`required columns missing: ${names}`, 'missing-columns', { columns: names })
  }
  const dataRecords = records.slice(headerIndex + 1)
  const mapped = Object.entries(columns) as [RegistryKey, number][]
  const rows = dataRecords.filter((record) => !isBlank(record)).map((record): RegistryRow => {
    const values: Partial<Record<RegistryKey, string>> = {}
    for (const [key, index] of mapped) values[key] = record.cells[index] ?? ''
    let extraCells = 0
    for (let index = header.length; index < record.cells.length; index++) if (record.cells[index].trim() !== '') extraCells++
    return { line: record.line, cells: record.cells, raw: record.raw, values, extraCells }
  })
  return { header, columns, unknownHeaders, rows, blankLines: dataRecords.length - rows.length }
}
