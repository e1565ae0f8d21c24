import { readFileSync } from 'node:fs'
import type { Feature, FeatureCollection, Point, Polygon } from 'geojson'
import { describe, expect, test } from 'vitest'
import { isInstitutionId } from '../../src/lib/institution-id'
import { areaOfTown, parsePlanningAreas } from '../../src/lib/planning-areas'
import { decodeRegistryBytes } from '../../src/lib/registry/decode-registry-bytes'
import { formatRejectedCsv } from '../../src/lib/registry/format-rejected-csv'
import { parseCsv } from '../../src/lib/registry/parse-csv'
import { readRegistryTable, type RegistryTable } from '../../src/lib/registry/read-registry-table'
import { REGISTRY_COLUMNS } from '../../src/lib/registry/registry-columns'
import { RegistryInputError } from '../../src/lib/registry/registry-input-error'
import { validateRegistry, type RegistryContext } from '../../src/lib/registry/validate-registry'
import { stableJson } from '../../src/lib/stable-json'
import type { InstitutionProperties } from '../../src/lib/types'
import { mutateRegistry } from '../fixtures/registry/mutate-registry'

const source = (name: string) => JSON.parse(readFileSync(new URL(`../../data/sources/${name}`, import.meta.url), 'utf8')) as unknown
const boundary = (source('boundary.geojson') as FeatureCollection<Polygon>).features[0] as Feature<Polygon>
const areas = parsePlanningAreas(source('planning-areas.json'))
const context: RegistryContext = { boundary, areaOfTown: (town) => areaOfTown(areas, town) }
const FORMULA_START = /^[=+\-@\t\r]/

/** decode → parse → read table, or null when the registry is unusable as a whole (exit 2 in the build). */
function readTable(bytes: Uint8Array): RegistryTable | null {
  try {
    return readRegistryTable(parseCsv(decodeRegistryBytes(bytes).text))
  } catch (error) {
    if (error instanceof RegistryInputError) return null
    throw error
  }
}

/**
 * What is wrong with the kept institutions: each must be one the app can show (a valid unique id, finite coordinates,
 * numbers in range, text within limits) and survive JSON unchanged (no Infinity or NaN turned into null).
 */
function implausibleValues(institutions: readonly Feature<Point, InstitutionProperties>[]): string[] {
  const problems: string[] = []
  if (new Set(institutions.map((feature) => feature.properties.id)).size !== institutions.length) problems.push('duplicate ids')
  for (const { properties, geometry } of institutions) {
    if (!isInstitutionId(properties.id)) problems.push(`id ${JSON.stringify(properties.id)}`)
    if (!geometry.coordinates.every(Number.isFinite)) problems.push(`coordinates ${geometry.coordinates.join(',')}`)
    if (properties.capacityUnder2 > properties.capacity) problems.push('capacityUnder2 > capacity')
    for (const column of REGISTRY_COLUMNS) {
      const value: unknown = properties[column.key as keyof InstitutionProperties]
      if (column.range && typeof value === 'number' && !(value >= column.range.min && value <= column.range.max)) problems.push(`${column.key} ${value}`)
      if (column.maxLength !== undefined && typeof value === 'string' && [...value].length > column.maxLength) problems.push(`${column.key} too long`)
    }
  }
  const collection = { type: 'FeatureCollection', features: institutions }
  if (stableJson(JSON.parse(JSON.stringify(collection)), 0) !== stableJson(collection, 0)) problems.push('JSON round trip')
  return problems
}

/** What is wrong with rejected.csv: one record per rejected row, 原始行 = the source text (escaped by the one rule), no live formula. */
function rejectedCsvProblems(table: RegistryTable, rejected: ReturnType<typeof validateRegistry>['rejected']): string[] {
  const records = parseCsv(formatRejectedCsv(table.header, rejected).replace(/^\uFEFF/, '')).slice(1)
  if (records.length !== rejected.length) return [`${records.length} records for ${rejected.length} rejected rows`]
  return records.flatMap((record, index) => {
    const row = rejected[index]
    const problems = record.cells.filter((cell) => FORMULA_START.test(cell)).map((cell) => `live formula ${JSON.stringify(cell.slice(0, 20))}`)
    if (record.cells[0] !== String(row.line)) problems.push(`line ${record.cells[0]} for ${row.line}`)
    if (record.cells[3] !== (FORMULA_START.test(row.raw) ? `'${row.raw}` : row.raw)) problems.push(`原始行 of line ${row.line} changed`)
    return problems
  })
}

const REGISTRIES = 1000
const BATCH = 50
const batches = Array.from({ length: REGISTRIES / BATCH }, (_, index) => [index * BATCH, index * BATCH + BATCH - 1])

describe(`${REGISTRIES} mutated registries through decode → parse → read table → validate → format`, () => {
  test.each(batches)('seeds %i–%i: read = kept + rejected, kept values plausible, rejected.csv complete and inert', (first, last) => {
    let usable = 0
    for (let seed = first; seed <= last; seed++) {
      const { bytes, mutations } = mutateRegistry(seed)
      const label = `seed ${seed} (${mutations.join(', ')})`
      const table = readTable(bytes)
      if (!table) continue
      usable++
      const result = validateRegistry(table.rows, context)
      expect(result.institutions.length + result.rejected.length, label).toBe(table.rows.length)
      expect([...implausibleValues(result.institutions), ...rejectedCsvProblems(table, result.rejected)], label).toEqual([])
    }
    // Most mutated registries stay usable, so the row checks above really run.
    expect(usable).toBeGreaterThan(BATCH / 2)
  })

  test('the mutations are deterministic and reach every kind of outcome', () => {
    expect(mutateRegistry(7)).toEqual(mutateRegistry(7))
    const outcomes = new Set<string>()
    for (let seed = 0; seed < 200; seed++) {
      const table = readTable(mutateRegistry(seed).bytes)
      if (!table) { outcomes.add('unusable'); continue }
      const result = validateRegistry(table.rows, context)
      if (result.institutions.length > 0) outcomes.add('kept')
      for (const row of result.rejected) for (const issue of row.issues) outcomes.add(issue.code)
    }
    expect([...outcomes]).toEqual(expect.arrayContaining([
      'unusable', 'kept', 'implausible-number', 'text-too-long', 'invalid-id', 'duplicate-id', 'column-count', 'not-a-number',
    ]))
  })
})
