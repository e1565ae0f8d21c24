import { describe, expect, it } from 'vitest'
import { computeAccessibility, createCoverageGrid, createCoverageState } from '../../src/lib/coverage'
import { deepFreeze, handCommunities, handSites, handZones } from '../fixtures/coverage/hand-case'

// Hand computation for r = 1000 m, sites A (50 托位), B (30), C (10, nobody within reach):
// W(d) = (exp(-½(d/r)²) − exp(-½)) / (1 − exp(-½))
const edge = Math.exp(-0.5)
const weight = (distance: number) => (Math.exp(-0.5 * (distance / 1000) ** 2) - edge) / (1 - edge)
const ratioA = 50 / (100 * weight(0) + 50 * weight(750)) // c1 at 0 m, c2 at 750 m
const ratioB = 30 / (50 * weight(750) + 40 * weight(700)) // c2 at 750 m, c3 at 700 m
const expected = {
  c1: 1000 * ratioA,
  c2: 1000 * (ratioA + ratioB) * weight(750),
  c3: 1000 * ratioB * weight(700),
  c4: 0,
}

describe('E2SFCA accessibility', () => {
  it('matches the hand computation (2 reachable sites, 3 reached communities)', () => {
    // Rounded values worked out on paper, as a check on the check.
    expect(weight(750)).toBeCloseTo(0.3769, 4)
    expect(expected.c1).toBeCloseTo(420.71, 1)
    const result = computeAccessibility({ sites: deepFreeze(handSites()), communities: deepFreeze(handCommunities()), radiusMeters: 1000 })
    expect(result.map((entry) => entry.id)).toEqual(['c1', 'c2', 'c3', 'c4'])
    result.forEach((entry) => expect(entry.score).toBeCloseTo(expected[entry.id as keyof typeof expected], 9))
    expect(result.map((entry) => entry.desert)).toEqual([false, false, false, true])
  })

  it('gives the same scores from the incremental state', () => {
    const grid = createCoverageGrid({ zones: handZones() })
    const state = createCoverageState({ sites: handSites(), communities: handCommunities(), grid, radiusMeters: 1000 })
    // The index measures distance by chord length: equal to haversine within nanometres.
    state.accessibility().forEach((entry) => expect(entry.score).toBeCloseTo(expected[entry.id as keyof typeof expected], 6))
  })

  it('applies the desert thresholds as parameters', () => {
    const options = { sites: handSites(), communities: handCommunities(), radiusMeters: 1000 }
    // c3 scores ≈ 365: a desert once the bar is 400; c4 (60 children, score 0) stops being one at a 70-child minimum.
    const strict = computeAccessibility({ ...options, desertMaxScore: 400, desertMinUnder3: 70 })
    expect(strict.map((entry) => entry.desert)).toEqual([false, false, false, false])
    const high = computeAccessibility({ ...options, desertMaxScore: 400 })
    expect(high.map((entry) => entry.desert)).toEqual([false, false, true, true])
  })

  it('updates scores near a moved site only, and equals a fresh computation', () => {
    const grid = createCoverageGrid({ zones: handZones() })
    const state = createCoverageState({ sites: handSites(), communities: handCommunities(), grid, radiusMeters: 1000 })
    const before = state.accessibility()
    const c4 = handCommunities()[3]
    state.moveSite('C', c4.lng, c4.lat)
    expect(state.lastChanged()).toEqual([3])
    const after = state.accessibility()
    expect(after.slice(0, 3)).toEqual(before.slice(0, 3))
    expect(after[3].score).toBeCloseTo(1000 * (10 / 60), 9)
    const fresh = computeAccessibility({ sites: state.sites(), communities: handCommunities(), radiusMeters: 1000 })
    after.forEach((entry, index) => expect(entry.score).toBeCloseTo(fresh[index].score, 6))
  })
})
