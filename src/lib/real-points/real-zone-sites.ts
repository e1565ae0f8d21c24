import type { ZoneSite } from '../build-zones'
import { areaOfTown, type PlanningArea } from '../planning-areas'
import type { AdcodePointsFile, RealPointMatch } from './join-real-points'

/** The part of data/sources/units.json read here. */
interface UnitList { towns: readonly { code: string; area: PlanningArea['id'] }[]; communities: readonly { code: string; townCode: string }[] }

/**
 * Further Voronoi sites for buildZones from real points: the town seats that are not an area's own seat (金港镇 in
 * the Bonded Zone, 经开区 in Yangshe) and every joined 村/居 point, each with the area of today's unit.
 * Throws on a town seat no area claims, so a new unit is mapped in planning-areas.json rather than dropped.
 *
 * @example
 * realZoneSites(areas, units, adcodePoints, joinRealPoints(units, adcodePoints))[0] // { area: 'baoshui', position: [120.408794, 31.957423] }
 */
export function realZoneSites(
  areas: readonly PlanningArea[], units: UnitList, points: AdcodePointsFile, matches: readonly RealPointMatch[],
): ZoneSite[] {
  const seats = new Set(areas.map((area) => area.seatCode))
  const towns = points.towns.filter((town) => !seats.has(town.code)).map((town): ZoneSite => {
    const area = areaOfTown(areas, town.name)
    if (!area) throw new Error(`adcode-points.json: no planning area for the seat of ${town.name}; add it to planning-areas.json`)
    return { area, position: town.position }
  })
  const areaOfUnit = new Map(units.communities.map((unit) => [unit.code, units.towns.find((town) => town.code === unit.townCode)?.area]))
  const villages = matches.flatMap((match): ZoneSite[] => {
    const area = areaOfUnit.get(match.code)
    return area ? [{ area, position: match.position }] : []
  })
  return [...towns, ...villages]
}
