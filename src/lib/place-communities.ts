import { area as turfArea } from '@turf/area'
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import { centroid } from '@turf/centroid'
import { pointOnFeature } from '@turf/point-on-feature'
import type { Feature, FeatureCollection, Point, Position } from 'geojson'
import type { ZoneCollection, ZoneGeometry } from './build-zones'
import { seededRandom, type Random } from './seeded-random'
import type { AreaId, CommunityProperties, TargetsFile, ZoneProperties } from './types'

/** community: 社区/居委会 (urban), village: 村, virtual: 虚拟社区 (an NBS placeholder for a park). */
export type UnitKind = 'community' | 'village' | 'virtual'
export interface TownUnit { code: string; name: string; area: AreaId }
export interface CommunityUnit { code: string; name: string; kind: UnitKind; townCode: string; townName: string }
/** Content of data/sources/units.json. */
export interface UnitsFile { description: string; source: string; towns: TownUnit[]; communities: CommunityUnit[] }

/** Relative size of each kind of unit: urban communities are denser than villages; virtual ones are near empty. */
const POPULATION_WEIGHT: Record<UnitKind, number> = { community: 1.5, village: 1, virtual: 0.1 }
/** Villages have a slightly older population, so fewer under-3s per resident. */
const UNDER3_RATE_WEIGHT: Record<UnitKind, number> = { community: 1.1, village: 0.9, virtual: 1 }
/** Distance from the seat as a fraction of the zone's equivalent radius: [min, max]. */
const RING: Record<UnitKind, [number, number]> = { community: [0, 0.45], village: [0.25, 1.1], virtual: [0.1, 0.6] }
const METRES_PER_DEGREE = 111_320

function targetValue(targets: TargetsFile, id: string, area?: AreaId): number {
  const kpi = targets.kpis.find((candidate) => candidate.id === id)
  const value = area ? kpi?.areas?.[area]?.value : kpi?.city?.value
  if (value === undefined) throw new Error(`targets.json: ${id}${area ? ` (${area})` : ''} is missing`)
  return value
}

/** Splits `total` into integers proportional to `weights` (largest remainder; ties to the earlier index). */
function apportion(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((weight) => (total * weight) / sum)
  const counts = exact.map(Math.floor)
  const order = exact.map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index)
  const left = total - counts.reduce((a, b) => a + b, 0)
  for (let step = 0; step < left; step++) counts[order[step % order.length].index]++
  return counts
}

/** The zone's seat if it has one inside it, else its centroid if inside, else a point on its surface. */
function seatOf(zone: Feature<ZoneGeometry, ZoneProperties>): Position {
  for (const candidate of [zone.properties.seat, centroid(zone).geometry.coordinates]) {
    if (candidate && booleanPointInPolygon(candidate, zone)) return candidate
  }
  return pointOnFeature(zone).geometry.coordinates
}

function placeInZone(zone: Feature<ZoneGeometry>, seat: Position, kind: UnitKind, random: Random): Position {
  const radiusMetres = Math.sqrt(turfArea(zone) / Math.PI)
  const lonScale = Math.cos((seat[1] * Math.PI) / 180)
  const [inner, outer] = RING[kind]
  for (let attempt = 0; attempt < 400; attempt++) {
    // Widen the ring slowly if a narrow zone keeps rejecting points.
    const spread = 1 + Math.floor(attempt / 100) * 0.5
    const distance = radiusMetres * (inner + (outer * spread - inner) * Math.sqrt(random()))
    const angle = random() * 2 * Math.PI
    const candidate = [
      Math.round((seat[0] + (distance * Math.cos(angle)) / (METRES_PER_DEGREE * lonScale)) * 1e6) / 1e6,
      Math.round((seat[1] + (distance * Math.sin(angle)) / METRES_PER_DEGREE) * 1e6) / 1e6,
    ]
    if (booleanPointInPolygon(candidate, zone)) return candidate
  }
  return pointOnFeature(zone).geometry.coordinates
}

/**
 * Sample demand points: every 村/居委会 gets a deterministic approximate point inside its planning-area zone
 * (社区 near the zone's center, 村 further out) and sample under-3 and population counts. Each area's under-3 sum
 * is its 附件2 辖区总托位数 ÷ (240 / 1000); area populations share the `population` input in proportion.
 *
 * @example
 * const communities = placeCommunities(units, zones, targets, 'communities-v1')
 * communities.features.length // 273
 * communities.features[0].properties.approximate // true
 */
export function placeCommunities(
  units: UnitsFile, zones: ZoneCollection, targets: TargetsFile, seed: number | string,
): FeatureCollection<Point, CommunityProperties> {
  const areaOfTownCode = new Map(units.towns.map((town) => [town.code, town.area]))
  const placesPerChild = targetValue(targets, 'a2-places-per-1000-under3') / 1000
  const population = targets.inputs.find((input) => input.id === 'population')?.value
  if (!population) throw new Error('targets.json: input "population" is missing')
  const communities = [...units.communities].sort((a, b) => a.code.localeCompare(b.code))
  const under3ByArea = new Map(zones.features.map((zone) => [
    zone.properties.id, Math.round(targetValue(targets, 'a2-total-places', zone.properties.id) / placesPerChild),
  ]))
  const cityUnder3 = [...under3ByArea.values()].reduce((a, b) => a + b, 0)
  const features: Feature<Point, CommunityProperties>[] = []
  for (const zone of zones.features) {
    const id = zone.properties.id
    const members = communities.filter((community) => areaOfTownCode.get(community.townCode) === id)
    if (members.length === 0) continue
    const seat = seatOf(zone)
    const draws = members.map((member) => {
      const random = seededRandom(`${seed}:${member.code}`)
      const weight = POPULATION_WEIGHT[member.kind] * (0.6 + 0.8 * random())
      return { weight, rate: weight * UNDER3_RATE_WEIGHT[member.kind] * (0.8 + 0.4 * random()), random }
    })
    const under3 = apportion(under3ByArea.get(id) as number, draws.map((draw) => draw.rate))
    const people = apportion(Math.round((population * (under3ByArea.get(id) as number)) / cityUnder3), draws.map((draw) => draw.weight))
    members.forEach((member, index) => {
      const properties: CommunityProperties = {
        id: member.code, name: member.name, town: member.townName, area: id,
        under3: under3[index], population: people[index], approximate: true,
      }
      const coordinates = placeInZone(zone, seat, member.kind, draws[index].random)
      features.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates } })
    })
  }
  const missing = communities.length - features.length
  if (missing > 0) throw new Error(`${missing} communities have no zone: check units.json towns against zones`)
  features.sort((a, b) => a.properties.id.localeCompare(b.properties.id))
  return { type: 'FeatureCollection', features }
}
