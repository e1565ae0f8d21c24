import { area } from '@turf/area'
import { difference } from '@turf/difference'
import { featureCollection, polygon as turfPolygon } from '@turf/helpers'
import { intersect } from '@turf/intersect'
import { rewind } from '@turf/rewind'
import type { Feature, MultiPolygon, Polygon, Position } from 'geojson'

export type LandGeometry = Polygon | MultiPolygon

export interface ShorelineInput {
  /** Closed shoreline rings: islands in the river (GSHHG level 1). */
  islands: readonly Position[][]
  /** The open bank line whose two ends lie on the extraction box's edge; it and the box edge enclose the river. */
  bank: readonly Position[]
  /** The extraction box [west, south, east, north] the bank's ends lie on. */
  box: readonly [number, number, number, number]
}

export interface LandResult {
  land: Feature<LandGeometry>
  /** The river inside the box, islands cut out: what the basemap draws as water. */
  water: Feature<LandGeometry>
}

/** Smallest polygon part kept, m²: shoreline and outline disagree by tens of metres, leaving slivers. */
const MIN_PART_SQUARE_METRES = 20_000

const round6 = (value: number): number => Math.round(value * 1e6) / 1e6

/** Box corners passed going counter-clockwise along the box edge from `from` to `to` (both on the edge). */
function cornersBetween(from: Position, to: Position, box: ShorelineInput['box']): Position[] {
  const [west, south, east, north] = box
  const corners: Position[] = [[east, south], [east, north], [west, north], [west, south]]
  // Perimeter parameter, counter-clockwise from the south-west corner: south edge, east, north, west.
  const at = ([lon, lat]: Position): number => {
    const width = east - west
    const height = north - south
    if (Math.abs(lat - south) < 1e-9) return lon - west
    if (Math.abs(lon - east) < 1e-9) return width + (lat - south)
    if (Math.abs(lat - north) < 1e-9) return width + height + (east - lon)
    return 2 * width + height + (north - lat)
  }
  const perimeter = 2 * (east - west + north - south)
  const start = at(from)
  const span = (at(to) - start + perimeter) % perimeter
  const cornerAt = [east - west, east - west + north - south, 2 * (east - west) + north - south, perimeter]
  return corners.map((corner, index) => ({ corner, offset: (cornerAt[index] - start + perimeter) % perimeter }))
    .filter((entry) => entry.offset > 0 && entry.offset < span)
    .sort((a, b) => a.offset - b.offset)
    .map((entry) => entry.corner)
}

/** Drops slivers and rounds to 6 decimals; outer rings counter-clockwise (RFC 7946). */
function tidy(geometry: LandGeometry): LandGeometry {
  const polygons = (geometry.type === 'Polygon' ? [geometry.coordinates] : geometry.coordinates)
    .filter((rings) => area(turfPolygon([rings[0]])) >= MIN_PART_SQUARE_METRES)
    .map((rings) => rings.filter((ring, index) => index === 0 || area(turfPolygon([ring])) >= MIN_PART_SQUARE_METRES)
      .map((ring) => ring.map(([lon, lat]) => [round6(lon), round6(lat)])))
    .sort((a, b) => area(turfPolygon(b)) - area(turfPolygon(a)))
  if (polygons.length === 0) throw new Error('land vanished while clipping')
  const shaped: LandGeometry = polygons.length === 1
    ? { type: 'Polygon', coordinates: polygons[0] } : { type: 'MultiPolygon', coordinates: polygons }
  return rewind(shaped) as LandGeometry
}

/**
 * Land = the city outline minus the river, where the river is the region the open bank line encloses with the
 * extraction box's edge (taken counter-clockwise from the line's last point to its first) less the island rings.
 * Both inputs must be in one coordinate system (WGS84 here).
 *
 * @example
 * const { land, water } = clipLand(outline, { islands, bank, box: [120.3, 31.7, 120.95, 32.1] })
 * area(land) / 1e6 // ≈ 790 (km²), mainland plus 双山岛
 */
export function clipLand(outline: Feature<LandGeometry>, shoreline: ShorelineInput): LandResult {
  const bank = [...shoreline.bank]
  const [first, last] = [bank[0], bank[bank.length - 1]]
  const outlineFeature: Feature<LandGeometry> = { type: 'Feature', properties: {}, geometry: outline.geometry }
  // The line and either way round the box close a ring; the river is the one that takes less of the city.
  const river = [cornersBetween(last, first, shoreline.box), cornersBetween(first, last, shoreline.box).reverse()]
    .map((closing) => turfPolygon([[...bank, ...closing, first]]))
    .map((candidate) => ({ candidate, overlap: intersect(featureCollection([candidate, outlineFeature])) }))
    .sort((a, b) => (a.overlap ? area(a.overlap) : 0) - (b.overlap ? area(b.overlap) : 0))[0].candidate
  const islands = shoreline.islands.map((ring) => turfPolygon([[...ring]]))
  const water = islands.length > 0 ? difference(featureCollection([river, ...islands])) : river
  if (!water) throw new Error('the islands cover the whole river')
  const land = difference(featureCollection([outlineFeature, water]))
  if (!land) throw new Error('the river covers the whole outline')
  return {
    land: { type: 'Feature', properties: {}, geometry: tidy(land.geometry) },
    water: { type: 'Feature', properties: {}, geometry: tidy(water.geometry) },
  }
}
