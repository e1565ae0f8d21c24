import { createHash } from 'node:crypto'
import { existsSync, readFileSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import type { Feature, FeatureCollection, Polygon } from 'geojson'
import { describe, expect, test } from 'vitest'
import { areaOfTown, parsePlanningAreas } from '../../src/lib/planning-areas'
import { decodeRegistryBytes } from '../../src/lib/registry/decode-registry-bytes'
import { parseCsv } from '../../src/lib/registry/parse-csv'
import { readRegistryTable } from '../../src/lib/registry/read-registry-table'
import { validateRegistry } from '../../src/lib/registry/validate-registry'
import type { ManifestFile } from '../../src/lib/types'
import { mutateRegistry } from '../fixtures/registry/mutate-registry'
import { ROOT, runBuild, STACK_FRAME, tempDir } from './run-build'

const source = (name: string) => JSON.parse(readFileSync(path.join(ROOT, 'data/sources', name), 'utf8')) as unknown
const boundary = (source('boundary.geojson') as FeatureCollection<Polygon>).features[0] as Feature<Polygon>
const areas = parsePlanningAreas(source('planning-areas.json'))

/** The in-process pipeline's verdict on the same bytes: null when unusable (exit 2), else the row counts. */
function expected(bytes: Uint8Array): { read: number; kept: number; rejected: number } | null {
  try {
    const table = readRegistryTable(parseCsv(decodeRegistryBytes(bytes).text))
    const result = validateRegistry(table.rows, { boundary, areaOfTown: (town) => areaOfTown(areas, town) })
    return { read: table.rows.length, kept: result.institutions.length, rejected: result.rejected.length }
  } catch {
    return null
  }
}

const readText = (file: string) => readFileSync(file, 'utf8')
const SEEDS = Array.from({ length: 30 }, (_, index) => index)

describe('30 mutated registries through the real CLI (two at a time)', () => {
  test.concurrent.each(SEEDS)('seed cli-%i: exit 0, 1 or 2, no stack trace, read = kept + rejected, every output valid', async (seed) => {
    const { bytes, mutations } = mutateRegistry(`cli-${seed}`, 3)
    const dir = tempDir('build-data-fuzz-')
    const registry = path.join(dir, 'registry.csv')
    writeFileSync(registry, bytes)
    const [out, reports] = [path.join(dir, 'out'), path.join(dir, 'reports')]
    const strict = seed % 2 === 1
    const run = await runBuild(['--registry', registry, '--out', out, '--reports', reports, ...(strict ? ['--strict'] : [])])
    const label = `cli-${seed} (${mutations.join(', ')}): ${run.stderr}`
    expect([0, 1, 2], label).toContain(run.code)
    expect(run.stdout + run.stderr, label).not.toMatch(STACK_FRAME)
    const verdict = expected(bytes)
    if (run.code === 2) {
      expect(run.stderr.trim().split('\n'), label).toHaveLength(1)
      expect(run.stderr, label).toMatch(/^build-data: /)
      expect(verdict, label).toBeNull()
      expect(existsSync(out) || existsSync(reports), label).toBe(false)
      return
    }
    expect(run.stderr, label).toBe('')
    const counts = run.stdout.match(/rows: (\d+) read, (\d+) kept, (\d+) rejected/)?.slice(1).map(Number)
    expect(counts, label).toEqual([verdict?.read, verdict?.kept, verdict?.rejected])
    const [read, kept, rejected] = counts ?? []
    expect(read, label).toBe(kept + rejected)
    expect(run.code, label).toBe(strict && rejected > 0 ? 1 : 0)

    // Every output parses, the manifest's hashes and counts match the files, and rejected.csv lists each rejected row.
    const manifest = JSON.parse(readText(path.join(out, 'manifest.json'))) as ManifestFile
    expect(manifest.counts, label).toMatchObject({ read, institutions: kept, rejected })
    for (const [name, entry] of Object.entries(manifest.files)) {
      const content = readFileSync(path.join(out, name))
      expect(createHash('sha256').update(content).digest('hex'), `${label} ${name}`).toBe(entry.hash)
      const parsed = JSON.parse(content.toString('utf8')) as { type?: string; features?: unknown[] }
      if (name.endsWith('.geojson')) expect(parsed.type, `${label} ${name}`).toBe('FeatureCollection')
    }
    expect(Object.keys(manifest.files).sort(), label).toEqual([
      'boundary.geojson', 'communities.geojson', 'coverage.json', 'indicators.json', 'institutions.geojson', 'targets.json', 'water.geojson', 'zones.geojson',
    ])
    const institutions = JSON.parse(readText(path.join(out, 'institutions.geojson'))) as FeatureCollection
    expect(institutions.features, label).toHaveLength(kept)
    const rejectedCsv = parseCsv(readText(path.join(reports, 'rejected.csv')).replace(/^\uFEFF/, ''))
    expect(rejectedCsv[0].cells.slice(0, 4), label).toEqual(['行号', '原因代码', '原因', '原始行'])
    expect(rejectedCsv.length - 1, label).toBe(rejected)
  })
})
