import { polygonRings, type PolygonSource } from './polygon-rings'
import { scanlineFill } from './scanline-fill'
import { EARTH_RADIUS_METERS } from './types'

const DEGREES = 180 / Math.PI

export interface CandidateOptions {
  communities: readonly { lng: number; lat: number }[]
  /** Grid points are placed inside this outline. */
  boundary: PolygonSource
  /** Spacing of the grid points (default 250 m). */
  spacingMeters?: number
}

/**
 * Candidate locations for suggested sites: every community point plus a regular grid inside the boundary.
 *
 * @example
 * buildCandidates({ communities, boundary, spacingMeters: 250 }).length // communities + ≈ 16,000 grid points
 */
export function buildCandidates(options: CandidateOptions): { lng: number; lat: number }[] {
  const spacing = options.spacingMeters ?? 250
  const rings = polygonRings(options.boundary)
  const candidates = options.communities.map(({ lng, lat }) => ({ lng, lat }))
  let west = Infinity, south = Infinity, east = -Infinity, north = -Infinity
  for (const ring of rings) for (const [lng, lat] of ring) {
    west = Math.min(west, lng); south = Math.min(south, lat); east = Math.max(east, lng); north = Math.max(north, lat)
  }
  if (rings.length === 0) return candidates
  const latStep = (spacing / EARTH_RADIUS_METERS) * DEGREES
  const lngStep = latStep / Math.cos(((south + north) / 2 / DEGREES))
  const columns = Math.ceil((east - west) / lngStep)
  const rows = Math.ceil((north - south) / latStep)
  const toGrid = ([lng, lat]: number[]): [number, number] => [(lng - west) / lngStep, (lat - south) / latStep]
  scanlineFill(rings, columns, rows, toGrid, (row, first, last) => {
    for (let column = first; column <= last; column++) {
      candidates.push({ lng: west + (column + 0.5) * lngStep, lat: south + (row + 0.5) * latStep })
    }
  })
  return candidates
}
