/**
 * Writes data/sources/registry-sample.csv: a SAMPLE export of the institution registry, shaped like the
 * 苏州智慧托育管理服务信息平台 would give it (UTF-8 with BOM, Chinese headers, GCJ-02 coordinates).
 * Seeded and deterministic. Every row is marked: the name ends with （示例）, the 备案号 starts with 示例-,
 * and the 示例数据 column says 是. Calibrated to 附件2 of the 2024 plan but deliberately uneven.
 *
 * Usage: npx tsx scripts/generate-sample-registry.ts
 */
import { readFileSync, writeFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import gcoord from 'gcoord'
import type { Feature, Point } from 'geojson'
import { buildZones, type ZoneGeometry } from '../src/lib/build-zones'
import { placeCommunities, type UnitsFile } from '../src/lib/place-communities'
import { areaOfTown, parsePlanningAreas, type PlanningArea } from '../src/lib/planning-areas'
import { exportCsv } from '../src/lib/export/export-csv'
import { joinRealPoints, type AdcodePointsFile } from '../src/lib/real-points/join-real-points'
import { realZoneSites } from '../src/lib/real-points/real-zone-sites'
import { REGISTRY_COLUMNS } from '../src/lib/registry/registry-columns'
import { seededRandom, type Random } from '../src/lib/seeded-random'
import { between, pick, SITE_KINDS, siteFacts, type SiteFacts, type SiteKind } from './sample-site-facts'
import type { AreaId, CommunityProperties, TargetsFile } from '../src/lib/types'

/** Must match scripts/build-data.ts so institutions sit near the communities the app shows. */
const COMMUNITY_SEED = 'communities-v1'
const REGISTRY_SEED = 'registry-sample-v1'
// A stream of its own, so adding the class columns left every other sample value as it was.
const CLASS_SEED = 'registry-classes-v1'
/** Share of sample rows that leave the class columns empty, so the totals-only path stays exercised. */
const WITHOUT_CLASSES = 0.15
const dataDir = resolve(import.meta.dirname, '../data/sources')
const read = (name: string): unknown => JSON.parse(readFileSync(resolve(dataDir, name), 'utf8'))

/** How many rows of each kind an area gets: [opened before 2024, in 2024, in 2025-26]. */
type Plan = Partial<Record<SiteKind, [number, number, number]>>

// Deliberately uneven against 附件2: 杨舍 and 塘桥 over their 托位 targets, 保税区, 锦丰, 乐余, 大新, 常阴沙 under.
// The 2024 community points (10) and kindergarten classes (31 ≥ 30) follow 附件2 town by town.
const PLANS: Record<AreaId, Plan> = {
  baoshui: { community: [4, 1, 1], kindergarten: [6, 6, 0], privatePuhui: [2, 0, 0], private: [3, 0, 1], employer: [0, 1, 0] },
  yangshe: { center: [0, 1, 0], community: [9, 3, 1], kindergarten: [15, 13, 1], privatePuhui: [7, 1, 0], private: [7, 1, 1], employer: [0, 1, 0] },
  jinfeng: { community: [2, 1, 0], kindergarten: [4, 2, 0], privatePuhui: [1, 0, 0], private: [2, 0, 0], employer: [0, 0, 1] },
  tangqiao: { community: [2, 1, 0], kindergarten: [5, 5, 0], privatePuhui: [2, 1, 0], private: [1, 1, 0] },
  leyu: { community: [1, 1, 0], kindergarten: [2, 2, 0], private: [1, 0, 0] },
  fenghuang: { community: [2, 1, 0], kindergarten: [3, 1, 0], privatePuhui: [1, 0, 0], private: [1, 0, 0] },
  nanfeng: { community: [1, 1, 0], kindergarten: [2, 1, 0], private: [0, 1, 0] },
  daxin: { community: [1, 1, 0], kindergarten: [1, 1, 0], private: [1, 0, 0] },
  changyinsha: { kindergarten: [1, 0, 0] },
}
const URBAN: ReadonlySet<AreaId> = new Set(['yangshe', 'baoshui'])
const BRANDS = ['小橡树', '童心园', '启萌', '贝乐成长', '星宝', '乐育', '向日葵', '悦宝', '禾苗', '港城宝贝']
const EMPLOYER_TOWNS: Partial<Record<AreaId, string>> = { yangshe: '杨舍镇', baoshui: '张家港保税区', jinfeng: '张家港市冶金工业园' }
const HOURS = ['07:30-17:30', '07:45-17:15', '08:00-17:00', '07:30-18:00']

interface Row { [header: string]: string | number }
/** The seeded streams and counters that run through every area in order. */
interface Streams {
  random: Random
  classes: Random
  filingSeq: Map<number, number>
  nextBrand: () => string
}
const TYPE_HEADERS: Record<SiteKind, string> = {
  center: '综合服务中心', community: '社区托育点', kindergarten: '幼儿园托班', employer: '用人单位托育点', private: '社会办托育机构', privatePuhui: '社会办托育机构',
}


interface Zoning {
  zones: ReturnType<typeof buildZones>
  communities: Feature<Point, CommunityProperties>[]
}

/** The same land zones and communities as scripts/build-data.ts, so every sample site is on land in its own zone. */
function zoning(areas: PlanningArea[]): Zoning {
  const units = read('units.json') as UnitsFile
  const targets = read('targets.json') as TargetsFile
  const land = (read('land.geojson') as { features: Feature<ZoneGeometry>[] }).features[0]
  const adcodePoints = read('adcode-points.json') as AdcodePointsFile
  const realPoints = joinRealPoints(units, adcodePoints)
  const zones = buildZones(land, areas, realZoneSites(areas, units, adcodePoints, realPoints))
  return { zones, communities: placeCommunities(units, zones, targets, COMMUNITY_SEED, realPoints).features }
}

/** Draws the sites of one area, kind by kind, in the seeded order every earlier run used. */
function areaRows(area: PlanningArea, { zones, communities }: Zoning, streams: Streams): Row[] {
  const { random } = streams
  const zone = zones.features.find((feature) => feature.properties.id === area.id) as Feature<ZoneGeometry>
  const inArea = communities.filter((community) => community.properties.area === area.id)
  const used = new Set<string>()
  /** A community of the area, weighted by its under-3 count; `fresh` avoids reusing one; `town` pins the unit. */
  const host = (fresh: boolean, names?: RegExp, town?: string): Feature<Point, CommunityProperties> => {
    const candidates = inArea.filter((member) => !town || member.properties.town === town)
    let pool = candidates.filter((member) => (!fresh || !used.has(member.properties.id)) && (!names || names.test(member.properties.name)))
    if (pool.length === 0) pool = candidates
    const weight = (member: Feature<Point, CommunityProperties>): number => member.properties.under3 + 1
    let ticket = random() * pool.reduce((sum, member) => sum + weight(member), 0)
    const chosen = pool.find((member) => (ticket -= weight(member)) < 0) ?? pool[pool.length - 1]
    used.add(chosen.properties.id)
    return chosen
  }
  /** GCJ-02 position 80–600 m from the host, re-drawn until its WGS84 position is inside the zone. */
  const near = (origin: Point, exact: boolean): [number, number] => {
    for (let attempt = 0; attempt < 200; attempt++) {
      const metres = exact ? 0 : between(random, 80, 600)
      const angle = random() * 2 * Math.PI
      const wgs = [
        origin.coordinates[0] + (metres * Math.cos(angle)) / (111_320 * Math.cos((origin.coordinates[1] * Math.PI) / 180)),
        origin.coordinates[1] + (metres * Math.sin(angle)) / 111_320,
      ] as [number, number]
      const gcj = gcoord.transform(wgs, gcoord.WGS84, gcoord.GCJ02).map((value) => Math.round(value * 1e6) / 1e6) as [number, number]
      if (booleanPointInPolygon(gcoord.transform(gcj, gcoord.GCJ02, gcoord.WGS84), zone)) return gcj
    }
    throw new Error(`no position inside ${area.id} near ${origin.coordinates.join(',')}`)
  }
  const rows: Row[] = []
  const plan = PLANS[area.id]
  for (const kind of SITE_KINDS) {
    const [before, in2024, later] = plan[kind] ?? [0, 0, 0]
    const years = [
      ...Array.from({ length: before }, () => between(random, 2019, 2023)),
      ...Array.from({ length: in2024 }, () => 2024),
      ...Array.from({ length: later }, () => between(random, 2025, 2026)),
    ]
    for (const openedYear of years) {
      const community = host(kind === 'community' || kind === 'kindergarten', kind === 'community' && URBAN.has(area.id) ? /社区|居委会/ : undefined,
        kind === 'center' ? '杨舍镇' : kind === 'employer' ? EMPLOYER_TOWNS[area.id] : undefined)
      const facts = siteFacts(kind, { random, area: area.id, community, openedYear, near, nextBrand: streams.nextBrand })
      rows.push(registryRow(kind, facts, { community, openedYear, urban: URBAN.has(area.id) }, streams))
    }
  }
  return rows
}

function main(): void {
  const areas = parsePlanningAreas(read('planning-areas.json'))
  const zoned = zoning(areas)
  let brandIndex = 0
  const streams: Streams = {
    random: seededRandom(REGISTRY_SEED), classes: seededRandom(CLASS_SEED), filingSeq: new Map(),
    nextBrand: () => BRANDS[brandIndex++ % BRANDS.length],
  }
  const rows = areas.flatMap((area) => areaRows(area, zoned, streams))
  // Names must be unique: a second institution of the same kind in one community gets a branch suffix.
  const seen = new Map<string, number>()
  rows.forEach((row, index) => {
    const name = String(row.机构名称)
    const count = (seen.get(name) ?? 0) + 1
    seen.set(name, count)
    if (count > 1) row.机构名称 = name.replace('（示例）', `${['', '', '二', '三', '四', '五'][count] ?? count}部（示例）`)
    row.机构编号 = `ZJGTY${String(index + 1).padStart(4, '0')}`
  })
  const headers = REGISTRY_COLUMNS.map((column) => column.header)
  // The project's one CSV writer (BOM, CRLF, formula-safe cells), like every other CSV the project writes.
  writeFileSync(resolve(dataDir, 'registry-sample.csv'), exportCsv(headers, rows.map((row) => headers.map((header) => row[header] ?? ''))))
  report(rows, areas)
}

/** The registry row of one drawn site: staff, filing number, occupancy, dates, grade and classes drawn in order. */
function registryRow(kind: SiteKind, facts: SiteFacts, site: { community: Feature<Point, CommunityProperties>; openedYear: number; urban: boolean }, streams: Streams): Row {
  const { random } = streams
  const { openedYear, community, urban } = site
  const { capacity, under2Share, price, ageMin, services } = facts
  const isCenter = kind === 'center'
  const town = community.properties.town
  const townShort = town.replace(/^张家港(市)?/, '')
  const staff = Math.ceil(capacity / between(random, 5, 7)) + 1
  const uncertified = random() < 0.12 ? between(random, 1, 2) : 0
  const sequence = (streams.filingSeq.get(openedYear) ?? 0) + 1
  streams.filingSeq.set(openedYear, sequence)
  const occupancy = openedYear >= 2025 ? 0.35 + 0.35 * random() : 0.5 + 0.45 * random()
  const updated = new Date(Date.UTC(Math.max(openedYear, 2024), between(random, 0, 11), between(random, 1, 28)))
  const updatedAt = updated > new Date(Date.UTC(2026, 9, 31)) ? '2026-10-31' : updated.toISOString().slice(0, 10)
  const medicalPartner = random() < 0.1 ? '' : isCenter || (urban && random() < 0.3) ? '张家港市妇幼保健所' : `张家港市${townShort}社区卫生服务中心`
  const grade = openedYear >= 2024 ? (random() < 0.8 ? '未评估' : 'B') : pick(random, ['A', 'B', 'B', 'C', '未评估'])
  return {
    机构编号: '', 机构名称: `${facts.name}（示例）`, 所属镇街: town, 地址: facts.address,
    经度: facts.position[0].toFixed(6), 纬度: facts.position[1].toFixed(6), 坐标系: 'GCJ02', 机构类型: TYPE_HEADERS[kind],
    是否普惠: facts.puhui ? '是' : '否', 托位数: capacity, '2岁以下托位数': Math.round(capacity * under2Share),
    在托人数: Math.round(capacity * occupancy), 全日托月收费: price ?? '', 服务形式: services.join(';'),
    最小收托月龄: ageMin, 最大收托月龄: 36, 联系电话: `0512-5${between(random, 6, 8)}${String(between(random, 0, 999999)).padStart(6, '0')}`,
    服务时间: isCenter ? '07:30-18:00' : pick(random, HOURS), 签约医疗机构: medicalPartner,
    从业人员数: staff, 持证人数: staff - uncertified, 质量评估等级: grade, '托育+康复': random() < 0.07 || isCenter ? '是' : '否',
    开办年份: openedYear, 备案号: `示例-${openedYear}-${String(sequence).padStart(3, '0')}`, 更新日期: updatedAt, 示例数据: '是',
    ...classCells(streams.classes, { capacity, under2: Math.round(capacity * under2Share), enrolled: Math.round(capacity * occupancy), ageMin }),
  }
}

/**
 * 乳儿班 / 托小班 / 托大班 places and children whose sums are exactly the row's totals (2岁以下 = 乳儿班 + 托小班):
 * 乳儿班 only where babies under 12 months are taken, children spread in proportion to places. Some rows stay empty.
 */
function classCells(random: Random, totals: { capacity: number; under2: number; enrolled: number; ageMin: number }): Row {
  if (random() < WITHOUT_CLASSES) return {}
  const infant = totals.ageMin < 12 ? Math.round(totals.under2 * (0.3 + 0.15 * random())) : 0
  const places = [infant, totals.under2 - infant, totals.capacity - totals.under2]
  const children = places.map((count) => Math.min(count, Math.floor((totals.enrolled * count) / Math.max(1, totals.capacity))))
  // Whole children left over by the rounding go to the classes with room, oldest first.
  for (let index = 2, left = totals.enrolled - children.reduce((sum, n) => sum + n, 0); left > 0; index = (index + 2) % 3) {
    const room = Math.min(left, places[index] - children[index])
    children[index] += room
    left -= room
  }
  // A class the institution does not run is left empty rather than written as 0 places.
  const cell = (index: number, values: number[]) => (places[index] > 0 ? values[index] : '')
  return {
    乳儿班托位数: cell(0, places), 乳儿班在托人数: cell(0, children), 托小班托位数: cell(1, places), 托小班在托人数: cell(1, children),
    托大班托位数: cell(2, places), 托大班在托人数: cell(2, children),
  }
}

function report(rows: Row[], areas: PlanningArea[]): void {
  const byTown = new Map<string, number>()
  for (const row of rows) {
    const area = areaOfTown(areas, String(row.所属镇街)) as AreaId
    byTown.set(area, (byTown.get(area) ?? 0) + Number(row.托位数))
  }
  const capacity = rows.reduce((sum, row) => sum + Number(row.托位数), 0)
  const puhui = rows.filter((row) => row.是否普惠 === '是').reduce((sum, row) => sum + Number(row.托位数), 0)
  console.log(`wrote registry-sample.csv: ${rows.length} institutions, ${capacity} 托位, 普惠 ${((100 * puhui) / capacity).toFixed(1)}%`)
  console.log([...byTown].map(([town, places]) => `${town} ${places}`).join(', '))
}

main()
