/** The part of data/sources/units.json the join reads. */
interface UnitList { communities: readonly { code: string; name: string; townCode: string }[] }

/** One located row of data/sources/adcode-points.json (WGS84). */
export interface AdcodePoint { code: string; name: string; townCode: string; townName: string; position: [number, number] }

/** Content of data/sources/adcode-points.json. */
export interface AdcodePointsFile {
  description: string
  source: string
  crs: string
  /**
   * 2016 town codes (12 digits) whose units now sit under other towns (9-digit NBS 2023 codes), e.g. 金港镇 →
   * 金港 / 后塍 / 德积 街道: a village of the old town is looked up by name among the new towns' units.
   */
  successors?: Record<string, string[]>
  towns: AdcodePoint[]
  villages: AdcodePoint[]
}

/** A today's unit that got a real point. */
export interface RealPointMatch {
  /** NBS 2023 12-digit code of today's unit. */
  code: string
  position: [number, number]
  by: 'code' | 'name'
  /** Human-readable provenance, e.g. "Vonng/adcode 320582100001 向阳社区居委会 (2016), by code". */
  source: string
}

/** One spelling of the committee suffix, so 东莱村委会 and 东莱村民委员会 meet; 居 and 村 stay distinct. */
const stem = (name: string): string => name.normalize('NFKC').replace(/\s+/g, '')
  .replace(/(居民委员会|居委会)$/, '居').replace(/(村民委员会|村委会)$/, '村')
/** The bare place name: a 村 turned 社区 in the same town (棋杆村 → 棋杆社区) is the same place. */
const core = (name: string): string => stem(name).replace(/(社区居|居|村)$/, '')

/**
 * Joins the 2016 village points to today's 村/居委会: by 12-digit code when the code and the name agree, else by name
 * among the units of the point's town (or of its successors when the town was split: 金港镇 → 金港 / 后塍 / 德积),
 * first the same name, then the same bare name (村 → 社区), then the same name anywhere in the city; the first tier
 * with a hit decides and must be unique. A unit claimed by two points keeps none: an ambiguous point is worse than none.
 *
 * @example
 * const matches = joinRealPoints(units, adcodePoints)
 * matches.find((match) => match.code === '320582100001') // { by: 'code', position: [120.54…, 31.86…], … }
 */
export function joinRealPoints(units: UnitList, points: AdcodePointsFile): RealPointMatch[] {
  const byCode = new Map(units.communities.map((unit) => [unit.code, unit]))
  const named = (candidates: UnitList['communities'], name: string, key: (name: string) => string) =>
    candidates.filter((unit) => key(unit.name) === key(name))
  const claims = new Map<string, RealPointMatch[]>()
  for (const point of [...points.villages].sort((a, b) => a.code.localeCompare(b.code))) {
    const same = byCode.get(point.code)
    let unit = same && stem(same.name) === stem(point.name) ? same : undefined
    const by: RealPointMatch['by'] = unit ? 'code' : 'name'
    if (!unit) {
      const towns = points.successors?.[point.townCode] ?? [point.townCode.slice(0, 9)]
      const inTown = units.communities.filter((candidate) => towns.includes(candidate.townCode))
      // Tiers, first unique hit wins: same name in the town, same bare name in the town, same name in the city.
      const tiers = [named(inTown, point.name, stem), named(inTown, point.name, core), named(units.communities, point.name, stem)]
      const hit = tiers.find((tier) => tier.length > 0)
      unit = hit?.length === 1 ? hit[0] : undefined
    }
    if (!unit) continue
    const match: RealPointMatch = {
      code: unit.code, position: [point.position[0], point.position[1]], by,
      source: `Vonng/adcode ${point.code} ${point.name} (2016), by ${by}`,
    }
    claims.set(unit.code, [...(claims.get(unit.code) ?? []), match])
  }
  return [...claims.values()].filter((list) => list.length === 1).map((list) => list[0])
    .sort((a, b) => a.code.localeCompare(b.code))
}
