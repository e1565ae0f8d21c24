import { area as turfArea } from '@turf/area'
import { booleanPointInPolygon } from '@turf/boolean-point-in-polygon'
import { centroid } from '@turf/centroid'
import { pointOnFeature } from '@turf/point-on-feature'
import type { Feature, FeatureCollection, Point, Position } from 'geojson'
import type { ZoneCollection, ZoneGeometry } from './build-zones'
import { apportion } from './demand/apportion'
import { computeDemand } from './demand/compute-demand'
import type { RealPointMatch } from './real-points/join-real-points'
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
 * Demand points: every 村/居委会 gets a point inside its planning-area zone — its real point where `realPoints` has
 * one that lies in the zone (`approximate: false`, with `source`), else a deterministic approximate one (社区 near the
 * zone's seat, 村 further out). Under-3 counts come from the demand model on both bases (`under3` plan-implied,
 * `under3Births`), split inside each area by seeded weights; the anchored population is shared the same way.
 *
 * @example
 * const communities = placeCommunities(units, zones, targets, 'communities-v1', joinRealPoints(units, adcodePoints))
 * communities.features.length // 273
 * communities.features.filter((feature) => !feature.properties.approximate).length // 51
 */
export function placeCommunities(
  units: UnitsFile, zones: ZoneCollection, targets: TargetsFile, seed: number | string,
  realPoints: readonly RealPointMatch[] = [],
): FeatureCollection<Point, CommunityProperties> {
  const areaOfTownCode = new Map(units.towns.map((town) => [town.code, town.area]))
  const realByCode = new Map(realPoints.map((match) => [match.code, match]))
  const areaIds = zones.features.map((zone) => zone.properties.id)
  const model = computeDemand(targets, areaIds)
  const populations = apportion(model.population.value, areaIds.map((id) => model.bases.plan.areas[id] ?? 0))
  const communities = [...units.communities].sort((a, b) => a.code.localeCompare(b.code))
  const features: Feature<Point, CommunityProperties>[] = []
  zones.features.forEach((zone, zoneIndex) => {
    const id = zone.properties.id
    const members = communities.filter((community) => areaOfTownCode.get(community.townCode) === id)
    if (members.length === 0) return
    const seat = seatOf(zone)
    const draws = members.map((member) => {
      const random = seededRandom(`${seed}:${member.code}`)
      const weight = POPULATION_WEIGHT[member.kind] * (0.6 + 0.8 * random())
      return { weight, rate: weight * UNDER3_RATE_WEIGHT[member.kind] * (0.8 + 0.4 * random()), random }
    })
    const rates = draws.map((draw) => draw.rate)
    const under3 = apportion(model.bases.plan.areas[id] ?? 0, rates)
    const under3Births = apportion(model.bases.births.areas[id] ?? 0, rates)
    const people = apportion(populations[zoneIndex], draws.map((draw) => draw.weight))
    members.forEach((member, index) => {
      // The approximate point is always drawn, so a real point never shifts the others.
      const approximate = placeInZone(zone, seat, member.kind, draws[index].random)
      const real = realByCode.get(member.code)
      const onLand = real !== undefined && booleanPointInPolygon(real.position, zone)
      const properties: CommunityProperties = {
        id: member.code, name: member.name, town: member.townName, area: id,
        under3: under3[index], under3Births: under3Births[index], population: people[index], approximate: !onLand,
        ...(onLand ? { source: real.source } : {}),
      }
      const coordinates = onLand ? [...real.position] : approximate
      features.push({ type: 'Feature', properties, geometry: { type: 'Point', coordinates } })
    })
  })
  const missing = communities.length - features.length
  if (missing > 0) throw new Error(`${missing} communities have no zone: check units.json towns against zones`)
  features.sort((a, b) => a.properties.id.localeCompare(b.properties.id))
  return { type: 'FeatureCollection', features }
}
