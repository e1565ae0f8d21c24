import { formatRejectedCsv } from '../lib/registry/format-rejected-csv'
import { normalizeNumberText } from '../lib/registry/normalize-number-text'
import type { CsvRecord } from '../lib/registry/parse-csv'
import { RegistryInputError } from '../lib/registry/registry-input-error'
import type { RejectedRow, RejectionCode } from '../lib/registry/registry-types'
import type { ImportResult, PopulationImport } from './my-data-types'
import { readTableRecords } from './my-data-records'
import { POPULATION_HEADERS, type PopulationColumn as Column } from './my-data-headers'
import { toRejectedLine } from './rejected-line'

/** A 村/社区 as the population table may name it. */
export interface CommunityRef { id: string; name: string }

const headerKey = (cell: string) => cell.replace(/^\uFEFF/, '').normalize('NFKC').replace(/\s+/g, '').replace(/\([^)]*\)$/, '').toLowerCase()
const nameKey = (name: string) => name.normalize('NFKC').replace(/\s+/g, '')
const stem = (name: string) => nameKey(name).replace(/(居民委员会|村民委员会|居委会|村委会|委员会)$/, '')
const isBlank = (record: CsvRecord) => record.cells.every((cell) => cell.trim() === '')

function findColumns(header: readonly string[]): Partial<Record<Column, number>> {
  const columns: Partial<Record<Column, number>> = {}
  header.forEach((cell, index) => {
    const key = headerKey(cell)
    const column = (Object.keys(POPULATION_HEADERS) as Column[]).find((name) => POPULATION_HEADERS[name].some((known) => headerKey(known) === key))
    if (column && columns[column] === undefined) columns[column] = index
  })
  if (columns.under3 === undefined || (columns.code === undefined && columns.name === undefined)) {
    throw new RegistryInputError('required columns missing: 3岁以下婴幼儿数 and 村居代码 or 村居名称', 'missing-columns', { columns: '3岁以下婴幼儿数；村居代码或村居名称' })
  }
  return columns
}

/** A count cell: a non-negative integer, null when empty, or the reason it is not one. */
function count(raw: string, label: string): { value: number | null } | { code: RejectionCode; reason: string } {
  const text = normalizeNumberText(raw)
  if (text === '') return { value: null }
  if (!/^[-+]?\d+(\.\d+)?$/.test(text)) return { code: 'not-a-number', reason: `${label}不是数字：“${raw.trim()}”` }
  const value = Number(text)
  if (value < 0) return { code: 'negative-number', reason: `${label}为负数：${text}` }
  if (!Number.isInteger(value)) return { code: 'not-an-integer', reason: `${label}不是整数：${text}` }
  return { value }
}

/** The rejected-row codes are the registry's; a community the city does not have is this table's own reason. */
const UNKNOWN_COMMUNITY: string = 'unknown-community'

function finder(communities: readonly CommunityRef[]) {
  const byId = new Map(communities.map((community) => [community.id, community]))
  const byName = new Map<string, CommunityRef[]>()
  for (const community of communities) {
    for (const key of new Set([nameKey(community.name), stem(community.name)])) byName.set(key, [...(byName.get(key) ?? []), community])
  }
  return (code: string, name: string): CommunityRef | string => {
    if (code) return byId.get(code) ?? `村居代码未知：“${code}”`
    const found = byName.get(nameKey(name)) ?? byName.get(stem(name)) ?? []
    if (found.length === 1) return found[0]
    return found.length === 0 ? `村居名称未知：“${name}”` : `村居名称“${name}”不唯一，请填写村居代码`
  }
}

/**
 * Imports a table of under-3 and population per 村/社区 (CSV in UTF-8 or GBK, or .xlsx): each row names a
 * community by NBS code or by name; every row is kept or rejected with its line and reasons, like the registry.
 *
 * @example
 * const answer = await importPopulation(bytes, '人口.csv', communities)
 * if (answer.ok) answer.result.counts['320582100001'].under3 // from the file
 */
export async function importPopulation(bytes: Uint8Array, fileName: string, communities: readonly CommunityRef[]): Promise<ImportResult<PopulationImport>> {
  try {
    const { records, encoding } = await readTableRecords(bytes, fileName)
    const headerIndex = records.findIndex((record) => !isBlank(record))
    if (headerIndex < 0) throw new RegistryInputError('no header row: the file has no data', 'no-header')
    const header = records[headerIndex].cells.map((cell) => cell.trim())
    const columns = findColumns(header)
    const find = finder(communities)
    const rows = records.slice(headerIndex + 1).filter((record) => !isBlank(record))
    const counts: PopulationImport['counts'] = {}
    const lineOf = new Map<string, number>()
    const rejected: RejectedRow[] = []
    for (const row of rows) {
      const cell = (column: Column) => (columns[column] === undefined ? '' : row.cells[columns[column]] ?? '').trim()
      const issues: RejectedRow['issues'] = []
      const community = find(cell('code'), cell('name'))
      if (typeof community === 'string') issues.push({ code: UNKNOWN_COMMUNITY as RejectionCode, reason: community })
      const under3 = count(cell('under3'), '3岁以下婴幼儿数')
      const population = count(cell('population'), '常住人口')
      for (const checked of [under3, population]) if ('code' in checked) issues.push(checked)
      if ('value' in under3 && under3.value === null) issues.push({ code: 'missing-value', reason: '3岁以下婴幼儿数为空' })
      const earlier = typeof community === 'string' ? undefined : lineOf.get(community.id)
      if (earlier !== undefined) issues.push({ code: 'duplicate-id', reason: `与第 ${earlier} 行为同一村居` })
      if (issues.length > 0 || typeof community === 'string' || !('value' in under3) || under3.value === null || !('value' in population)) {
        rejected.push({ line: row.line, cells: row.cells, raw: row.raw ?? row.cells.join(','), issues })
        continue
      }
      lineOf.set(community.id, row.line)
      counts[community.id] = { under3: under3.value, population: population.value }
    }
    const kept = Object.values(counts)
    return {
      ok: true,
      result: {
        kind: 'population', fileName, encoding, read: rows.length, kept: kept.length, warnings: 0,
        rejected: rejected.map(toRejectedLine),
        rejectedCsv: formatRejectedCsv(header, rejected), counts, totalUnder3: kept.reduce((sum, entry) => sum + entry.under3, 0),
      },
    }
  } catch (error) {
    if (error instanceof RegistryInputError) return { ok: false, message: error.message, code: error.code, params: error.params }
    throw error
  }
}
