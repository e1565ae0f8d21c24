import { describe, expect, it } from 'vitest'
import { haversineMeters } from '../../src/lib/coverage'
import { countCoveringSites } from '../../src/lib/coverage/count-covering-sites'
import { seededRandom } from '../../src/lib/seeded-random'
import { syntheticData } from '../../scripts/bench/synthetic-data'

function bruteCounts(points: { lng: number; lat: number }[], centers: { lng: number; lat: number }[], radius: number): number[] {
  return points.map((point) => centers.filter((center) => haversineMeters(center.lng, center.lat, point.lng, point.lat) <= radius).length)
}

describe('covering-site counts from the bucket grid', () => {
  it('equal exhaustive haversine counts at 300, 1,000 and 3,000 m', () => {
    const data = syntheticData({ sites: 300, communities: 2000, seed: 21 })
    for (const radius of [300, 1000, 3000]) {
      const counts = countCoveringSites(data.communities, data.sites, radius)
      expect(Array.from(counts)).toEqual(bruteCounts(data.communities, data.sites, radius))
      expect(counts.some((count) => count > 1)).toBe(true)
    }
  })

  it('decides points exactly at the radius as haversine does, and never mutates its inputs', () => {
    const random = seededRandom(3)
    const centers = Object.freeze(Array.from({ length: 50 }, () => Object.freeze({ lng: 120.5 + random() * 0.1, lat: 31.8 + random() * 0.1 })))
    const radius = 800
    // Points placed on each center's circle (by bisection on haversine) and a hair inside and outside it.
    const points = centers.flatMap((center, index) => {
      const bearing = index * 0.7
      let low = 0, high = 0.02
      for (let step = 0; step < 80; step++) {
        const middle = (low + high) / 2
        const distance = haversineMeters(center.lng, center.lat, center.lng + middle * Math.cos(bearing), center.lat + middle * Math.sin(bearing))
        if (distance <= radius) low = middle
        else high = middle
      }
      return [low, high, low * 0.999, high * 1.001].map((step) => ({ lng: center.lng + step * Math.cos(bearing), lat: center.lat + step * Math.sin(bearing) }))
    })
    const counts = countCoveringSites(points, centers, radius)
    expect(Array.from(counts)).toEqual(bruteCounts(points, [...centers], radius))
    expect(countCoveringSites([], centers, radius).length).toBe(0)
    expect(Array.from(countCoveringSites(points.slice(0, 3), [], radius))).toEqual([0, 0, 0])
  })
})
