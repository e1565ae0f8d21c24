// An independent, much finer covered-area reference: thin horizontal strips of a cylindrical equal-area
// projection, exact great-circle circle chords and exact polygon crossings along each strip's center line.
import type { Position } from 'geojson'
import { polygonRings } from '../../src/lib/coverage/polygon-rings'
import type { SyntheticData } from './synthetic-data'

const R = 6371008.8
const RAD = Math.PI / 180

function crossings(rings: Position[][], lat: number, out: number[]): void {
  out.length = 0
  for (const ring of rings) {
    for (let i = 0; i + 1 < ring.length; i++) {
      const [x1, y1] = ring[i]
      const [x2, y2] = ring[i + 1]
      if ((y1 <= lat) === (y2 <= lat)) continue
      out.push(x1 + ((lat - y1) / (y2 - y1)) * (x2 - x1))
    }
  }
  out.sort((a, b) => a - b)
}

/** Length (in degrees of longitude) of the union of [start, end] intervals intersected with even-odd spans. */
function coveredLength(merged: number[], spans: number[]): number {
  let total = 0
  let m = 0
  for (let s = 0; s + 1 < spans.length; s += 2) {
    const a = spans[s], b = spans[s + 1]
    while (m < merged.length && merged[m + 1] <= a) m += 2
    for (let k = m; k < merged.length && merged[k] < b; k += 2) total += Math.max(0, Math.min(b, merged[k + 1]) - Math.max(a, merged[k]))
  }
  return total
}

/**
 * Covered area share of the city boundary and each zone, from strips `stripMeters` high.
 *
 * @example
 * fineReference(data, 1000, 2).city // 0.91121…
 */
export function fineReference(data: SyntheticData, radiusMeters: number, stripMeters = 2): { city: number; zones: number[] } {
  const shapes = [polygonRings(data.boundary), ...data.zones.features.map((zone) => polygonRings(zone))]
  const lats = shapes.flat(2).map((p) => p[1])
  const south = Math.min(...lats), north = Math.max(...lats)
  const k = Math.cos(((south + north) / 2) * RAD)
  const y = (lat: number) => (R * Math.sin(lat * RAD)) / k
  const angle = radiusMeters / R
  const havR = Math.sin(angle / 2) ** 2
  const circles = data.sites.map((site) => ({
    lng: site.lng, lat: site.lat * RAD, cos: Math.cos(site.lat * RAD),
    low: y(site.lat - angle / RAD), high: y(site.lat + angle / RAD),
  })).sort((a, b) => a.low - b.low)
  const covered = new Float64Array(shapes.length)
  const total = new Float64Array(shapes.length)
  let next = 0
  let active: typeof circles = []
  const intervals: number[][] = []
  const merged: number[] = []
  const spans: number[] = []
  for (let yStrip = y(south) + stripMeters / 2; yStrip < y(north); yStrip += stripMeters) {
    const lat = Math.asin((yStrip * k) / R)
    while (next < circles.length && circles[next].low <= yStrip) active.push(circles[next++])
    active = active.filter((circle) => circle.high >= yStrip)
    intervals.length = 0
    for (const circle of active) {
      const rest = havR - Math.sin((lat - circle.lat) / 2) ** 2
      if (rest < 0) continue
      const half = (2 * Math.asin(Math.min(1, Math.sqrt(rest / (circle.cos * Math.cos(lat)))))) / RAD
      intervals.push([circle.lng - half, circle.lng + half])
    }
    intervals.sort((a, b) => a[0] - b[0])
    merged.length = 0
    for (const [a, b] of intervals) {
      if (merged.length && a <= merged[merged.length - 1]) merged[merged.length - 1] = Math.max(merged[merged.length - 1], b)
      else merged.push(a, b)
    }
    shapes.forEach((rings, index) => {
      crossings(rings, lat / RAD, spans)
      for (let s = 0; s + 1 < spans.length; s += 2) total[index] += spans[s + 1] - spans[s]
      covered[index] += coveredLength(merged, spans)
    })
  }
  const shares = Array.from(covered, (value, index) => (total[index] > 0 ? value / total[index] : 0))
  return { city: shares[0], zones: shares.slice(1) }
}
