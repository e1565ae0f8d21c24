/**
 * npm run data: turns data/sources/ and a registry export into the dataset under public/data/, and the build's
 * reports (rejected.csv) into reports/, which is never served.
 *
 *   tsx scripts/build-data.ts [--registry <file.csv|file.xlsx>] [--out <dir>] [--reports <dir>] [--sources <dir>] [--strict] [--debug]
 *
 * Exit codes: 0 done (rejected rows are left out and listed in rejected.csv), 1 --strict and a row was rejected,
 * 2 unusable input or a limit exceeded (one line on stderr naming the file and the problem), 3 unexpected internal
 * error (one line; the stack trace only with --debug). All computation lives in src/lib; this file only reads,
 * times and writes. Outputs are byte-identical for identical inputs.
 */
import { existsSync } from 'node:fs'
import { mkdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
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
import { readRegistryTable, type RegistryTable } from '../src/lib/registry/read-registry-table'
import { exceededRegistryLimit, REGISTRY_LIMITS } from '../src/lib/registry/registry-limits'
import { sheetToRecords, type SheetCell } from '../src/lib/registry/sheet-to-records'
import { coverageLimitError } from '../src/lib/coverage/coverage-limit-error'
import { stableJson } from '../src/lib/stable-json'
import type { CommunityProperties, InstitutionProperties, TargetsFile } from '../src/lib/types'
import { EXIT, parseOptions, runCli, UnusableInput, type Options } from './build-data-cli'
import { dataAttribution } from './data-attribution'

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
    throw new UnusableInput(named ? `${shown(path.join(path.dirname(file), named[1]))}: ${named[2]}` : `${shown(file)}: ${message}`, { cause: error })
  }
}

/** The file's bytes; `limit` sees its size first, so an oversized file is refused before it is read. */
async function readInput(file: string, limit?: (bytes: number) => string | null): Promise<Uint8Array> {
  try {
    const problem = limit?.((await stat(file)).size)
    if (problem) throw new UnusableInput(`${shown(file)}: ${problem}`)
    return new Uint8Array(await readFile(file))
  } catch (error) {
    if (error instanceof UnusableInput) throw error
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
  const limits = { maxRecords: REGISTRY_LIMITS.maxLines, maxCellsPerRecord: REGISTRY_LIMITS.maxCellsPerRow }
  return { records: fromSource(file, () => parseCsv(decoded.text, limits)), encoding: decoded.encoding }
}

/** generatedAt without reading the clock: SOURCE_DATE_EPOCH, else the newest registry updatedAt. */
function generatedAt(institutions: readonly Feature<Point, InstitutionProperties>[]): string {
  const epoch = process.env.SOURCE_DATE_EPOCH
  if (epoch && /^\d+$/.test(epoch)) return new Date(Number(epoch) * 1000).toISOString()
  const newest = institutions.map((f) => f.properties.updatedAt).filter((date) => date !== '').sort().at(-1)
  return `${newest ?? '1970-01-01'}T00:00:00.000Z`
}

type Stage = (name: string, detail?: string) => void
type Input = (file: string, limit?: (bytes: number) => string | null) => Promise<Uint8Array>

/** Reads and checks the registry: every limit is checked here, before any row is validated. */
async function readRegistry(file: string, input: Input, stage: Stage): Promise<RegistryTable> {
  const bytes = await input(file, (size) => exceededRegistryLimit({ bytes: size }))
  const { records, encoding } = await registryRecords(file, bytes)
  const table = fromSource(file, () => readRegistryTable(records))
  const tooLong = exceededRegistryLimit({ rows: table.rows.length })
  if (tooLong) throw new UnusableInput(`${shown(file)}: ${tooLong}`)
  stage('read registry', `${shown(file)} (${encoding}), ${table.rows.length} rows, ${table.blankLines} blank lines skipped`)
  if (table.unknownHeaders.length > 0) console.log(`  ignored columns: ${table.unknownHeaders.join(', ')}`)
  return table
}

/** A (Multi)Polygon whose rings are closed and hold at least 4 finite positions: anything else breaks turf later. */
function isOutline(feature: Feature<Polygon | MultiPolygon> | undefined): feature is Feature<Polygon | MultiPolygon> {
  const geometry = feature?.geometry
  const polygons: unknown = geometry?.type === 'Polygon' ? [geometry.coordinates] : geometry?.type === 'MultiPolygon' ? geometry.coordinates : null
  const isPosition = (position: unknown) => Array.isArray(position) && position.length >= 2 && position.every(Number.isFinite)
  const isRing = (ring: unknown) => Array.isArray(ring) && ring.length >= 4 && ring.every(isPosition)
    && ring[0][0] === ring[ring.length - 1][0] && ring[0][1] === ring[ring.length - 1][1]
  return Array.isArray(polygons) && polygons.length > 0 && polygons.every((rings) => Array.isArray(rings) && rings.length > 0 && rings.every(isRing))
}

async function readSources(sources: string, input: Input) {
  const source = (name: string) => path.join(sources, name)
  const boundaryFile = parseJson<FeatureCollection<Polygon | MultiPolygon> | Feature<Polygon | MultiPolygon>>(
    source('boundary.geojson'), await input(source('boundary.geojson')))
  const boundary = boundaryFile.type === 'FeatureCollection' ? boundaryFile.features?.[0] : boundaryFile
  if (!isOutline(boundary)) throw new UnusableInput(`${shown(source('boundary.geojson'))}: no valid (Multi)Polygon feature (closed rings of 4 or more finite positions)`)
  const areasJson = parseJson(source('planning-areas.json'), await input(source('planning-areas.json')))
  const areas = fromSource(source('planning-areas.json'), () => parsePlanningAreas(areasJson))
  // Land (outline minus the Yangtze) bounds the zones, the communities and the coverage grid; the outline stays the
  // registry's check, so that a site on the bank is not rejected for the shoreline's metres of error.
  const land = parseJson<FeatureCollection<Polygon | MultiPolygon>>(source('land.geojson'), await input(source('land.geojson'))).features?.[0]
  if (!isOutline(land)) throw new UnusableInput(`${shown(source('land.geojson'))}: no valid (Multi)Polygon feature`)
  // The Yangtze for the basemap (drawn as water with its name); copied as it is.
  const water = parseJson<FeatureCollection>(source('water.geojson'), await input(source('water.geojson')))
  const adcodePoints = parseJson<AdcodePointsFile>(source('adcode-points.json'), await input(source('adcode-points.json')))
  const units = parseJson<UnitsFile>(source('units.json'), await input(source('units.json')))
  const targets = parseJson<TargetsFile>(source('targets.json'), await input(source('targets.json')))
  const townsPath = source('towns.geojson')
  const towns = existsSync(townsPath) ? parseJson<FeatureCollection>(townsPath, await input(townsPath)) : null
  return { source, boundary, land, water, adcodePoints, areas, units, targets, townsPath, towns }
}

type Pipeline = Awaited<ReturnType<typeof loadPipeline>>
type Sources = Awaited<ReturnType<typeof readSources>>

/** Zones (grown from the real seats and points, on land) with their summed under-3 and population, and the communities. */
function zonesAndCommunities(pipeline: Pipeline, sources: Sources) {
  const { source, land, adcodePoints, areas, units, targets, townsPath, towns } = sources
  const realPoints = pipeline.joinRealPoints(units, adcodePoints)
  const zoneShapes = towns ? fromSource(townsPath, () => pipeline.zonesFromTowns(towns, areas))
    : pipeline.buildZones(land, areas, fromSource(source('adcode-points.json'), () => pipeline.realZoneSites(areas, units, adcodePoints, realPoints)))
  const communities = fromSource(source('units.json'), () => pipeline.placeCommunities(units, zoneShapes, targets, COMMUNITY_SEED, realPoints))
  const zones = { ...zoneShapes, features: zoneShapes.features.map((zone) => {
    const members = communities.features.filter((community) => community.properties.area === zone.properties.id)
    const total = (key: keyof Pick<CommunityProperties, 'under3' | 'under3Births' | 'population'>) => members.reduce((sum, c) => sum + (c.properties[key] ?? 0), 0)
    return { ...zone, properties: { ...zone.properties, under3: total('under3'), under3Births: total('under3Births'), population: total('population') } }
  }) }
  return { zones, communities, realPoints: realPoints.length }
}

/** Writes the public files to --out and the private reports to --reports (never served). */
async function writeFiles(options: Options, files: Record<string, string>, reports: Record<string, string>): Promise<void> {
  await mkdir(options.out, { recursive: true })
  await mkdir(options.reports, { recursive: true })
  for (const [name, content] of Object.entries(files)) await writeFile(path.join(options.out, name), content)
  for (const [name, content] of Object.entries(reports)) {
    await writeFile(path.join(options.reports, name), content)
    // Builds before reports/ existed wrote their reports into --out, where the server would hand them out.
    await rm(path.join(options.out, name), { force: true })
  }
}

function printIssues(validated: Pick<Awaited<ReturnType<Pipeline['validateRegistry']>>, 'warnings' | 'rejected'>): void {
  for (const warning of validated.warnings.slice(0, 20)) console.log(`  warning line ${warning.line}: [${warning.code}] ${warning.reason}`)
  if (validated.warnings.length > 20) console.log(`  … ${validated.warnings.length - 20} more warnings`)
  for (const row of validated.rejected.slice(0, 20)) {
    console.log(`  rejected line ${row.line}: ${row.issues.map((issue) => `[${issue.code}] ${issue.reason}`).join('; ')}`)
  }
  if (validated.rejected.length > 20) console.log(`  … ${validated.rejected.length - 20} more rejected rows`)
}

async function main(argv: readonly string[]): Promise<number> {
  const started = performance.now()
  let stageStart = started
  const stage: Stage = (name, detail = '') => {
    const now = performance.now()
    console.log(`${name.padEnd(22)} ${String(Math.round(now - stageStart)).padStart(5)} ms${detail ? `  ${detail}` : ''}`)
    stageStart = now
  }
  const options = parseOptions(argv, ROOT)
  const hashes: Record<string, string> = {}
  const input: Input = async (file, limit) => {
    const bytes = await readInput(file, limit)
    hashes[manifestPath(file)] = await sha256Hex(bytes)
    return bytes
  }

  // Registry first: its problems are the ones people running this script can fix.
  let table: RegistryTable | null = await readRegistry(options.registry, input, stage)
  const pipeline = await loadPipeline()
  stage('load libraries')
  const sources = await readSources(options.sources, input)
  // The engine's remaining limit (zones) is checked before any geometry work: exit 2 with its one line.
  const limit = coverageLimitError({ zones: sources.towns ? sources.towns.features.length : sources.areas.length })
  if (limit) throw new UnusableInput(limit)
  stage('read sources', sources.towns ? 'towns.geojson present: real town polygons' : 'no towns.geojson: approximate Voronoi zones')

  // A registry names a handful of towns over and over: look each spelling up once.
  const areaByTown = new Map<string, ReturnType<typeof areaOfTown>>()
  const areaOf = (town: string) => (areaByTown.has(town) ? areaByTown.get(town) : areaByTown.set(town, areaOfTown(sources.areas, town)).get(town))
  const validated = pipeline.validateRegistry(table.rows, { boundary: sources.boundary, areaOfTown: areaOf })
  const institutions = [...validated.institutions].sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1))
  const reports = { 'rejected.csv': formatRejectedCsv(table.header, validated.rejected) }
  const sample = table.rows.some((row) => /^(是|y|yes|true|1)$/i.test((row.values.sample ?? '').trim()))
  const read = table.rows.length
  // The table (every cell of every row) is half the heap of a large build: let it go before the geometry work.
  table = null
  stage('validate rows', `${validated.warnings.length} warnings`)
  const { zones, communities, realPoints } = zonesAndCommunities(pipeline, sources)
  stage('zones + communities', `${zones.features.length} zones, ${communities.features.length} communities, ${realPoints} real points`)
  const demand = Object.values(pipeline.computeDemand(sources.targets).bases)
  const indicators = pipeline.computeIndicatorsByBasis({ institutions, communities, targets: sources.targets, areas: sources.areas }, demand)
  stage('indicators', demand.map((basis) => `${basis.id} ${basis.total} under 3`).join(', '))
  // 15-minute coverage at the default radius, for all sites and 普惠 only, on each under-3 basis (the planner recomputes live).
  const coverageOn = (basis: 'plan' | 'births') => pipeline.computeCoverageSummary({
    institutions: { type: 'FeatureCollection', features: institutions }, communities: pipeline.communitiesOnBasis(communities, basis), zones, boundary: sources.land,
  })
  const byBasis = { plan: coverageOn('plan'), births: coverageOn('births') }
  const coverage = { ...byBasis.plan, basis: 'plan', byBasis }
  const share = (value: number) => Math.round(value * 1000) / 10
  stage('coverage', `city: ${share(coverage.all.city.coveredShare)} % of under-3 within ${coverage.radiusMeters} m of a site, ${share(coverage.puhui.city.coveredShare)} % of a 普惠 site`)

  // Public output files by name; the manifest lists and hashes each. Reports go elsewhere.
  const files: Record<string, string> = {
    // The land, so the map, the static preview and the planner's area share all use land, not river.
    'boundary.geojson': stableJson({ type: 'FeatureCollection', features: [sources.land] }, 0),
    // Pinyin keys let a parent without location find their 村/社区 as "my place" (typed as xiangyang or xy).
    'communities.geojson': stableJson({ ...communities, features: communities.features.map((feature) => (
      { ...feature, properties: { ...feature.properties, searchKeys: buildSearchKeys({ ...feature.properties, address: '' }) } })) }, 0),
    'coverage.json': stableJson(coverage, 0),
    'indicators.json': stableJson(indicators, 0),
    // Pinyin search keys are computed here so that pinyin-pro's dictionary never ships to the browser.
    'institutions.geojson': stableJson({ type: 'FeatureCollection', features: institutions.map((feature) => (
      { ...feature, properties: { ...feature.properties, searchKeys: buildSearchKeys(feature.properties) } })) }, 0),
    'targets.json': stableJson(sources.targets, 0),
    'water.geojson': stableJson(sources.water, 0),
    'zones.geojson': stableJson(zones, 0),
  }
  const manifest = await buildManifest({
    generatedAt: generatedAt(institutions),
    sample,
    counts: {
      institutions: institutions.length, communities: communities.features.length, zones: zones.features.length,
      rejected: validated.rejected.length, read,
    },
    inputs: Object.fromEntries(Object.entries(hashes).sort(([a], [b]) => (a < b ? -1 : 1))),
    files,
    attribution: dataAttribution({ towns: sources.towns !== null, sample, registry: options.registry, realPoints, communities: communities.features.length }),
  })
  files['manifest.json'] = stableJson(manifest)
  await writeFiles(options, files, reports)
  stage('write outputs', `${Object.keys(files).length} files to ${shown(options.out) || '.'}, reports to ${shown(options.reports) || '.'}`)

  printIssues(validated)
  console.log(`rows: ${read} read, ${institutions.length} kept, ${validated.rejected.length} rejected`
    + `  (rejected rows: ${shown(path.join(options.reports, 'rejected.csv'))}, not served)`)
  console.log(`done in ${Math.round(performance.now() - started)} ms`)
  return options.strict && validated.rejected.length > 0 ? EXIT.strictRejected : EXIT.done
}

runCli(main, process.argv.slice(2))
