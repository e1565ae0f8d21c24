import type { CoverageSummary } from '../../src/lib/coverage/compute-coverage-summary'
import { spawnSync } from 'node:child_process'
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../src/lib/registry/parse-csv'
import { buildSearchKeys } from '../../src/lib/search/search-keys'
import type { InstitutionProperties, ManifestFile } from '../../src/lib/types'
import { makeXlsx } from '../fixtures/registry/make-xlsx'

const ROOT = fileURLToPath(new URL('../..', import.meta.url))
const FIXTURES = path.join(ROOT, 'tests/fixtures/registry')
const TIMEOUT = 120_000

/** Runs `npm run data` the way a person does, as a child process, and returns its exit code and output. */
function runBuild(args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/build-data.ts'), ...args], {
    cwd: ROOT, encoding: 'utf8', env: { ...process.env, SOURCE_DATE_EPOCH: '', NO_COLOR: '1', ...env },
  })
  return { code: result.status, stdout: result.stdout, stderr: result.stderr }
}

const tempDir = () => mkdtempSync(path.join(tmpdir(), 'build-data-'))
const readJson = <T>(dir: string, name: string) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as T
/** Line numbers and reason codes listed in a rejected.csv. */
const rejectedLines = (dir: string) => parseCsv(readFileSync(path.join(dir, 'rejected.csv'), 'utf8').replace(/^\uFEFF/, ''))
  .slice(1).filter((record) => record.cells.length > 1).map((record) => [Number(record.cells[0]), record.cells[1]])

const HOSTILE_REJECTED = [
  [5, 'swapped-coordinates'], [8, 'duplicate-id'], [9, 'negative-number'], [10, 'not-a-number'], [11, 'unknown-type'],
  [12, 'unknown-town'], [13, 'under2-exceeds-capacity'], [14, 'near-duplicate-name'], [15, 'outside-city'], [16, 'column-count'],
  [20, 'invalid-boolean'],
]

describe('scripts/build-data.ts', () => {
  it('builds every output from a valid CSV and the same institutions from an .xlsx, printing each stage with its time', () => {
    const out = tempDir()
    const run = runBuild(['--registry', path.join(FIXTURES, 'valid.csv'), '--out', out])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('rows: 5 read, 5 kept, 0 rejected')
    for (const stage of ['read registry', 'load libraries', 'read sources', 'validate rows', 'zones \\+ communities', 'indicators', 'coverage', 'write outputs']) {
      expect(run.stdout).toMatch(new RegExp(`^${stage}\\s+\\d+ ms`, 'm'))
    }
    expect(readdirSync(out).sort()).toEqual([
      'boundary.geojson', 'communities.geojson', 'coverage.json', 'indicators.json', 'institutions.geojson', 'manifest.json',
      'rejected.csv', 'targets.json', 'water.geojson', 'zones.geojson',
    ])
    // coverage.json: per basis, the city and all nine areas; the city adds up its areas.
    const coverage = readJson<CoverageSummary>(out, 'coverage.json')
    expect(coverage.radiusMeters).toBe(1000)
    for (const basis of [coverage.all, coverage.puhui]) {
      expect(Object.keys(basis.areas)).toHaveLength(9)
      const areaRows = Object.values(basis.areas)
      expect(basis.city.under3).toBe(areaRows.reduce((sum, area) => sum + area.under3, 0))
      expect(basis.city.coveredUnder3).toBe(areaRows.reduce((sum, area) => sum + area.coveredUnder3, 0))
      expect(basis.city.uncoveredCommunityIds.length).toBe(areaRows.reduce((sum, area) => sum + area.uncoveredCommunityIds.length, 0))
    }
    expect(coverage.puhui.city.coveredUnder3).toBeLessThanOrEqual(coverage.all.city.coveredUnder3)

    const manifest = readJson<ManifestFile>(out, 'manifest.json')
    expect(manifest.counts).toMatchObject({ institutions: 5, read: 5, rejected: 0, zones: 9 })
    expect(manifest.files['coverage.json'].bytes).toBeGreaterThan(0)
    expect(manifest.sample).toBe(true)
    expect(manifest.generatedAt).toBe('2024-12-01T00:00:00.000Z') // the newest updatedAt of the registry
    expect(Object.keys(manifest.inputs)).toContain('tests/fixtures/registry/valid.csv')
    const institutions = readJson<{ features: { properties: { id: string; town: string; searchKeys?: string } }[] }>(out, 'institutions.geojson')
    expect(institutions.features.map((f) => f.properties.id)).toEqual(['Z001', 'Z002', 'Z003', 'Z004', 'Z005'])
    // Pinyin search keys are computed at build time (the browser never loads pinyin-pro).
    for (const feature of institutions.features) {
      expect(feature.properties.searchKeys).toBe(buildSearchKeys(feature.properties as InstitutionProperties))
    }
    const yangshe = institutions.features.filter((f) => f.properties.town === '杨舍镇')
    expect(yangshe.length).toBeGreaterThan(0)
    for (const feature of yangshe) expect(feature.properties.searchKeys?.split(' ')).toEqual(expect.arrayContaining(['yangshezhen', 'ysz']))
    const zones = readJson<{ features: { properties: { under3: number } }[] }>(out, 'zones.geojson')
    const communities = readJson<{ features: { properties: { under3: number } }[] }>(out, 'communities.geojson')
    expect(zones.features.reduce((sum, z) => sum + z.properties.under3, 0)).toBe(communities.features.reduce((sum, c) => sum + c.properties.under3, 0))
    expect(readFileSync(path.join(out, 'rejected.csv'), 'utf8')).toMatch(/^\uFEFF行号,原因代码,原因,机构编号,/)

    // The same registry as the first sheet of an .xlsx, with --strict (nothing rejected: exit 0) and SOURCE_DATE_EPOCH.
    const records = parseCsv(readFileSync(path.join(FIXTURES, 'valid.csv'), 'utf8').replace(/^\uFEFF/, ''))
    const rows = records.map((record, index) => record.cells.map((cell) => (index > 0 && /^\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)))
    const xlsx = path.join(tempDir(), 'registry.xlsx')
    writeFileSync(xlsx, makeXlsx(rows))
    const fromXlsx = tempDir()
    const xlsxRun = runBuild(['--registry', xlsx, '--out', fromXlsx, '--strict'], { SOURCE_DATE_EPOCH: '1735689600' })
    expect(xlsxRun.code).toBe(0)
    expect(xlsxRun.stdout).toContain('rows: 5 read, 5 kept, 0 rejected')
    expect(readFileSync(path.join(fromXlsx, 'institutions.geojson'))).toEqual(readFileSync(path.join(out, 'institutions.geojson')))
    expect(readJson<ManifestFile>(fromXlsx, 'manifest.json').generatedAt).toBe('2025-01-01T00:00:00.000Z')
  }, TIMEOUT)

  it('writes byte-identical files for identical inputs', () => {
    const [first, second] = [tempDir(), tempDir()]
    expect(runBuild(['--registry', path.join(FIXTURES, 'hostile.csv'), '--out', first]).code).toBe(0)
    expect(runBuild(['--registry', path.join(FIXTURES, 'hostile.csv'), '--out', second]).code).toBe(0)
    const names = readdirSync(first).sort()
    expect(names).toHaveLength(10)
    expect(readdirSync(second).sort()).toEqual(names)
    for (const name of names) expect(readFileSync(path.join(second, name)), name).toEqual(readFileSync(path.join(first, name)))
  }, TIMEOUT)

  it('accounts for every row of the hostile fixture in UTF-8 and GBK bytes; --strict exits 1 on rejections', () => {
    const gbkFile = path.join(tempDir(), 'hostile-gbk.csv')
    writeFileSync(gbkFile, iconv.encode(readFileSync(path.join(FIXTURES, 'hostile.csv'), 'utf8'), 'gbk'))
    const outs: string[] = []
    for (const [registry, strict, code] of [[path.join(FIXTURES, 'hostile.csv'), true, 1], [gbkFile, false, 0]] as const) {
      const out = tempDir()
      const run = runBuild(['--registry', registry, '--out', out, ...(strict ? ['--strict'] : [])])
      expect(run.code).toBe(code)
      expect(run.stdout).toContain('rows: 16 read, 5 kept, 11 rejected')
      expect(run.stdout).toContain('2 blank lines skipped')
      expect(rejectedLines(out)).toEqual(HOSTILE_REJECTED)
      const manifest = readJson<ManifestFile>(out, 'manifest.json')
      expect(manifest.counts.read).toBe(manifest.counts.institutions + manifest.counts.rejected)
      outs.push(out)
    }
    expect(readFileSync(path.join(outs[1], 'institutions.geojson'))).toEqual(readFileSync(path.join(outs[0], 'institutions.geojson')))
    const names = readJson<{ features: { properties: { name: string } }[] }>(outs[0], 'institutions.geojson').features.map((f) => f.properties.name)
    expect(names).toContain('<b>童心</b>托育<script>alert(1)</script>')
  }, TIMEOUT)

  it('exits 2 with one line naming the file and the problem for unusable input', () => {
    const dir = tempDir()
    const files = {
      'empty.csv': '\n\n',
      'no-lon.csv': '机构编号,机构名称,所属镇街,纬度,机构类型,是否普惠,托位数\nA,b,杨舍镇,31.9,社区托育点,是,1\n',
      'binary.csv': Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0xfd, 0x00, 0x81]),
      'broken.xlsx': 'not a zip',
    }
    for (const [name, content] of Object.entries(files)) writeFileSync(path.join(dir, name), content)
    const cases: [string, RegExp][] = [
      [path.join(dir, 'missing.csv'), /missing\.csv: file not found$/],
      [path.join(dir, 'empty.csv'), /empty\.csv: no header row/],
      [path.join(dir, 'no-lon.csv'), /no-lon\.csv: required columns missing: 经度 \(lon\)$/],
      [path.join(dir, 'binary.csv'), /binary\.csv: undecodable bytes/],
      [path.join(dir, 'broken.xlsx'), /broken\.xlsx: not a readable \.xlsx file/],
    ]
    for (const [registry, message] of cases) {
      const run = runBuild(['--registry', registry, '--out', path.join(dir, 'out')])
      expect(run.code, registry).toBe(2)
      expect(run.stderr.trim().split('\n'), registry).toHaveLength(1)
      expect(run.stderr.trim(), registry).toMatch(/^build-data: /)
      expect(run.stderr.trim(), registry).toMatch(message)
    }
    expect(readdirSync(dir)).not.toContain('out')
    expect(runBuild(['--registry']).stderr.trim()).toBe('build-data: option --registry needs a value')
  }, TIMEOUT)
})
