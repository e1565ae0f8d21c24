import type { CoverageSummary } from '../../src/lib/coverage/compute-coverage-summary'
import { readdirSync, readFileSync, truncateSync, writeFileSync } from 'node:fs'
import path from 'node:path'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { parseCsv } from '../../src/lib/registry/parse-csv'
import { REGISTRY_LIMITS } from '../../src/lib/registry/registry-limits'
import { buildSearchKeys } from '../../src/lib/search/search-keys'
import type { InstitutionProperties, ManifestFile } from '../../src/lib/types'
import { makeXlsx } from '../fixtures/registry/make-xlsx'
import { ROOT, runBuild, STACK_FRAME, tempDir } from './run-build'

const FIXTURES = path.join(ROOT, 'tests/fixtures/registry')
const TIMEOUT = 120_000
const PUBLIC_FILES = [
  'boundary.geojson', 'communities.geojson', 'coverage.json', 'indicators.json', 'institutions.geojson', 'manifest.json',
  'targets.json', 'water.geojson', 'zones.geojson',
]

const readJson = <T>(dir: string, name: string) => JSON.parse(readFileSync(path.join(dir, name), 'utf8')) as T
const rejectedRecords = (dir: string) => parseCsv(readFileSync(path.join(dir, 'rejected.csv'), 'utf8').replace(/^\uFEFF/, '')).slice(1)
/** Line numbers and reason codes listed in a rejected.csv. */
const rejectedLines = (dir: string) => rejectedRecords(dir).map((record) => [Number(record.cells[0]), record.cells[1]])

const HOSTILE_REJECTED = [
  [5, 'swapped-coordinates'], [8, 'duplicate-id'], [9, 'negative-number'], [10, 'not-a-number'], [11, 'unknown-type'],
  [12, 'unknown-town'], [13, 'under2-exceeds-capacity'], [14, 'near-duplicate-name'], [15, 'outside-city'], [16, 'column-count'],
  [20, 'invalid-boolean'],
]

describe('scripts/build-data.ts', () => {
  it('builds every output from a valid CSV and the same institutions from an .xlsx, printing each stage with its time', async () => {
    const [out, reports] = [tempDir(), tempDir()]
    const run = await runBuild(['--registry', path.join(FIXTURES, 'valid.csv'), '--out', out, '--reports', reports])
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('rows: 5 read, 5 kept, 0 rejected')
    expect(run.stdout).toContain(`(rejected rows: ${path.relative(ROOT, path.join(reports, 'rejected.csv'))}, not served)`)
    for (const stage of ['read registry', 'load libraries', 'read sources', 'validate rows', 'zones \\+ communities', 'indicators', 'coverage', 'write outputs']) {
      expect(run.stdout).toMatch(new RegExp(`^${stage}\\s+\\d+ ms`, 'm'))
    }
    // Reports stay private: nothing but the public data in --out, rejected.csv in --reports.
    expect(readdirSync(out).sort()).toEqual(PUBLIC_FILES)
    expect(readdirSync(reports)).toEqual(['rejected.csv'])
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
    expect(Object.keys(manifest.files).sort()).toEqual(PUBLIC_FILES.filter((name) => name !== 'manifest.json'))
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
    expect(readFileSync(path.join(reports, 'rejected.csv'), 'utf8')).toMatch(/^\uFEFF行号,原因代码,原因,原始行,机构编号,/)

    // The same registry as the first sheet of an .xlsx, with --strict (nothing rejected: exit 0) and SOURCE_DATE_EPOCH.
    const records = parseCsv(readFileSync(path.join(FIXTURES, 'valid.csv'), 'utf8').replace(/^\uFEFF/, ''))
    const rows = records.map((record, index) => record.cells.map((cell) => (index > 0 && /^\d+(\.\d+)?$/.test(cell) ? Number(cell) : cell)))
    const xlsx = path.join(tempDir(), 'registry.xlsx')
    writeFileSync(xlsx, makeXlsx(rows))
    const fromXlsx = tempDir()
    const xlsxRun = await runBuild(['--registry', xlsx, '--out', fromXlsx, '--reports', tempDir(), '--strict'], { SOURCE_DATE_EPOCH: '1735689600' })
    expect(xlsxRun.code).toBe(0)
    expect(xlsxRun.stdout).toContain('rows: 5 read, 5 kept, 0 rejected')
    expect(readFileSync(path.join(fromXlsx, 'institutions.geojson'))).toEqual(readFileSync(path.join(out, 'institutions.geojson')))
    expect(readJson<ManifestFile>(fromXlsx, 'manifest.json').generatedAt).toBe('2025-01-01T00:00:00.000Z')
  }, TIMEOUT)

  it('writes byte-identical files for identical inputs, and removes a rejected.csv an older build left in --out', async () => {
    const [first, second] = [tempDir(), tempDir()]
    writeFileSync(path.join(second, 'rejected.csv'), 'left by an older build')
    for (const dir of [first, second]) {
      expect((await runBuild(['--registry', path.join(FIXTURES, 'hostile.csv'), '--out', dir, '--reports', path.join(dir, '..', `${path.basename(dir)}-reports`)])).code).toBe(0)
    }
    expect(readdirSync(first).sort()).toEqual(PUBLIC_FILES)
    expect(readdirSync(second).sort()).toEqual(PUBLIC_FILES)
    for (const name of PUBLIC_FILES) expect(readFileSync(path.join(second, name)), name).toEqual(readFileSync(path.join(first, name)))
    expect(readFileSync(`${second}-reports/rejected.csv`)).toEqual(readFileSync(`${first}-reports/rejected.csv`))
  }, TIMEOUT)

  it('accounts for every row of the hostile fixture in UTF-8 and GBK bytes; --strict exits 1 on rejections', async () => {
    const gbkFile = path.join(tempDir(), 'hostile-gbk.csv')
    const hostile = readFileSync(path.join(FIXTURES, 'hostile.csv'), 'utf8')
    writeFileSync(gbkFile, iconv.encode(hostile, 'gbk'))
    const outs: string[] = []
    for (const [registry, strict, code] of [[path.join(FIXTURES, 'hostile.csv'), true, 1], [gbkFile, false, 0]] as const) {
      const [out, reports] = [tempDir(), tempDir()]
      const run = await runBuild(['--registry', registry, '--out', out, '--reports', reports, ...(strict ? ['--strict'] : [])])
      expect(run.code).toBe(code)
      expect(run.stdout).toContain('rows: 16 read, 5 kept, 11 rejected')
      expect(run.stdout).toContain('2 blank lines skipped')
      expect(rejectedLines(reports)).toEqual(HOSTILE_REJECTED)
      // 原始行 holds each rejected row exactly as it stands in the file.
      const sourceLines = new Map(parseCsv(hostile).map((record) => [record.line, record.raw]))
      for (const record of rejectedRecords(reports)) expect(record.cells[3]).toBe(sourceLines.get(Number(record.cells[0])))
      const manifest = readJson<ManifestFile>(out, 'manifest.json')
      expect(manifest.counts.read).toBe(manifest.counts.institutions + manifest.counts.rejected)
      outs.push(out)
    }
    expect(readFileSync(path.join(outs[1], 'institutions.geojson'))).toEqual(readFileSync(path.join(outs[0], 'institutions.geojson')))
    const names = readJson<{ features: { properties: { name: string } }[] }>(outs[0], 'institutions.geojson').features.map((f) => f.properties.name)
    expect(names).toContain('<b>童心</b>托育<script>alert(1)</script>')
  }, TIMEOUT)

  const REQUIRED_HEADER = '机构编号,机构名称,所属镇街,经度,纬度,机构类型,是否普惠,托位数'
  /** Writes a registry into a fresh folder; a number makes a sparse file of that many bytes (no disk used). */
  const registryFile = (name: string, content: string | Buffer | number) => {
    const file = path.join(tempDir(), name)
    writeFileSync(file, typeof content === 'number' ? '' : content)
    if (typeof content === 'number') truncateSync(file, content)
    return file
  }

  it.each([
    ['a missing file', () => path.join(tempDir(), 'missing.csv'), /missing\.csv: file not found$/],
    ['no header row', () => registryFile('empty.csv', '\n\n'), /empty\.csv: no header row/],
    ['a missing required column', () => registryFile('no-lon.csv', '机构编号,机构名称,所属镇街,纬度,机构类型,是否普惠,托位数\nA,b,杨舍镇,31.9,社区托育点,是,1\n'),
      /no-lon\.csv: required columns missing: 经度 \(lon\)$/],
    ['undecodable bytes', () => registryFile('binary.csv', Buffer.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0xfd, 0x00, 0x81])), /binary\.csv: undecodable bytes/],
    ['a broken .xlsx', () => registryFile('broken.xlsx', 'not a zip'), /broken\.xlsx: not a readable \.xlsx file/],
    ['more bytes than the limit, refused before reading', () => registryFile('huge.csv', REGISTRY_LIMITS.maxBytes + 1),
      /huge\.csv: 134,217,729 bytes, more than the limit of 134,217,728 \(128 MiB\)$/],
    ['more rows than the limit', () => registryFile('long.csv', `${REQUIRED_HEADER}\n${'x\n'.repeat(REGISTRY_LIMITS.maxRows + 1)}`),
      /long\.csv: 250,001 rows, more than the limit of 250,000$/],
    ['a row wider than the limit', () => registryFile('wide.csv', `${REQUIRED_HEADER}\n${','.repeat(REGISTRY_LIMITS.maxCellsPerRow)}x\n`),
      /wide\.csv: line 2: more than 1,000 cells in one row \(the limit\)$/],
    ['more lines than the limit (blank ones too)', () => registryFile('blank.csv', `${REQUIRED_HEADER}\n${'\n'.repeat(REGISTRY_LIMITS.maxLines)}`),
      /blank\.csv: more than 500,000 lines \(the limit\)$/],
  ])('exits 2 with one line naming the file and the problem: %s', async (_, registry, message) => {
    const dir = tempDir()
    const run = await runBuild(['--registry', registry(), '--out', path.join(dir, 'out'), '--reports', path.join(dir, 'reports')])
    expect(run.code).toBe(2)
    expect(run.stderr.trim().split('\n')).toHaveLength(1)
    expect(run.stderr.trim()).toMatch(/^build-data: /)
    expect(run.stderr.trim()).toMatch(message)
    expect(run.stderr).not.toMatch(STACK_FRAME)
    expect(readdirSync(dir)).toEqual([])
  }, TIMEOUT)

  it.each([
    [['--registry'], 'build-data: option --registry needs a value'],
    [['--reports', 'public/data/private'], /^build-data: --reports .*public\/data\/private is inside a served folder .*: reports must stay private$/],
    [['--reports', 'dist'], /^build-data: --reports .*dist is inside a served folder/],
    [['--bogus'], /^build-data: unknown option --bogus \(use --registry <file>, --out <dir>, --reports <dir>/],
  ])('exits 2 for the options %j, before writing anything', async (args, message) => {
    const run = await runBuild(args)
    expect(run.code).toBe(2)
    expect(run.stderr.trim()).toMatch(message)
    expect(run.stdout).toBe('')
  }, TIMEOUT)
})
