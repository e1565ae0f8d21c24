import type { Position } from 'geojson'
import type { RejectionCode } from '../lib/registry/registry-types'

/** A generous box around Zhangjiagang (WGS84): a town outside it is in another coordinate system or another city. */
export const ZONE_BOX = { west: 120.2, east: 120.9, south: 31.6, north: 32.2 } as const

/** The polygons of a checked geometry (each a list of closed rings of [lng, lat]), or why it cannot be used. */
export type CheckedGeometry = { polygons: Position[][][] } | { code: RejectionCode; reason: string }

const isFiniteNumber = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value)

/** One ring: ≥4 finite positions inside the box, first equal to last; altitude is dropped. */
function checkRing(ring: unknown, where: string): Position[] | { code: RejectionCode; reason: string } {
  if (!Array.isArray(ring)) return { code: 'invalid-coordinates', reason: `${where}不是坐标数组` }
  const positions: Position[] = []
  for (const position of ring) {
    if (!Array.isArray(position) || position.length < 2 || !isFiniteNumber(position[0]) || !isFiniteNumber(position[1])) {
      return { code: 'invalid-coordinates', reason: `${where}含非有限数字的坐标：${JSON.stringify(position) ?? String(position)}` }
    }
    const [lng, lat] = position
    if (lng < ZONE_BOX.west || lng > ZONE_BOX.east || lat < ZONE_BOX.south || lat > ZONE_BOX.north) {
      return {
        code: 'outside-city',
        reason: `坐标 (${lng}, ${lat}) 超出张家港范围（经度 ${ZONE_BOX.west}–${ZONE_BOX.east}，纬度 ${ZONE_BOX.south}–${ZONE_BOX.north}），请使用 WGS84 经纬度`,
      }
    }
    positions.push([lng, lat])
  }
  if (positions.length < 4) return { code: 'invalid-coordinates', reason: `${where}少于 4 个坐标（${positions.length} 个）` }
  const [first, last] = [positions[0], positions[positions.length - 1]]
  if (first[0] !== last[0] || first[1] !== last[1]) return { code: 'invalid-coordinates', reason: `${where}未闭合（首尾坐标不同）` }
  return positions
}

function checkPolygon(rings: unknown, where: string): Position[][] | { code: RejectionCode; reason: string } {
  if (!Array.isArray(rings) || rings.length === 0) return { code: 'invalid-coordinates', reason: `${where}没有环` }
  const checked: Position[][] = []
  for (const [index, ring] of rings.entries()) {
    const result = checkRing(ring, `${where}第 ${index + 1} 个环`)
    if (!Array.isArray(result)) return result
    checked.push(result)
  }
  return checked
}

/**
 * Checks a GeoJSON geometry as a town outline: a Polygon or MultiPolygon of closed rings (≥4 positions) with
 * finite WGS84 coordinates inside {@link ZONE_BOX}; the first problem is the reason (Chinese).
 *
 * @example
 * checkZoneGeometry({ type: 'Point', coordinates: [120.5, 31.9] })
 * // { code: 'invalid-coordinates', reason: '几何类型为 Point，应为 Polygon 或 MultiPolygon' }
 */
export function checkZoneGeometry(geometry: unknown): CheckedGeometry {
  if (typeof geometry !== 'object' || geometry === null) return { code: 'missing-value', reason: '缺少几何（geometry）' }
  const { type, coordinates } = geometry as { type?: unknown; coordinates?: unknown }
  if (type !== 'Polygon' && type !== 'MultiPolygon') {
    return { code: 'invalid-coordinates', reason: `几何类型为 ${String(type)}，应为 Polygon 或 MultiPolygon` }
  }
  const polygons = type === 'Polygon' ? [coordinates] : coordinates
  if (!Array.isArray(polygons) || polygons.length === 0) return { code: 'invalid-coordinates', reason: '几何没有坐标' }
  const checked: Position[][][] = []
  for (const [index, rings] of polygons.entries()) {
    const result = checkPolygon(rings, type === 'Polygon' ? '' : `第 ${index + 1} 个多边形`)
    if (!Array.isArray(result)) return result
    checked.push(result)
  }
  return { polygons: checked }
}
