import { afterEach, expect, test, vi } from 'vitest'
import { createEngineClient } from '../../src/planner/engine-client'
import { DEFAULT_DESERT_MAX_SCORE, DEFAULT_DESERT_MIN_UNDER3, toCoverageInputs } from '../../src/lib/coverage'
import type { EngineInput } from '../../src/planner/types'
import { fakePlannerWorkers } from '../fixtures/fake-planner-worker'
import { BASE_LAT, BASE_LNG, handCommunityCollection, handInstitutionCollection, handZones, north } from '../fixtures/coverage/hand-case'

afterEach(() => { vi.unstubAllGlobals() })

function handInput(): EngineInput {
  return {
    ...toCoverageInputs(handInstitutionCollection(), handCommunityCollection()),
    zones: handZones(), boundary: handZones(),
    settings: { radiusMeters: 1000, basis: 'all', desertMinUnder3: DEFAULT_DESERT_MIN_UNDER3, desertMaxScore: DEFAULT_DESERT_MAX_SCORE },
  }
}
const site = { id: 'h1', lng: BASE_LNG, lat: BASE_LAT - north(5000), capacity: 40, puhui: true, type: 'community' as const }

test('the worker engine answers typed calls: the hand case, then a what-if site that covers 四村', async () => {
  const { Worker, created } = fakePlannerWorkers()
  vi.stubGlobal('Worker', Worker)
  const client = createEngineClient()
  const first = await client.run((engine) => engine.init(handInput()))
  expect(first.metrics.city.coveredUnder3).toBe(190)
  const second = await client.run((engine) => engine.setSites([site]))
  expect(second.metrics.city.coveredUnder3).toBe(250)
  expect(second.uncovered).toEqual([])
  expect(created).toHaveLength(1)
  client.dispose()
})

test('without Worker support the same interface runs the engine in the page', async () => {
  vi.stubGlobal('Worker', undefined)
  const client = createEngineClient()
  const snapshot = await client.run((engine) => engine.init(handInput()))
  expect(snapshot.metrics.city.coveredUnder3).toBe(190)
  const suggestions = await client.run((engine) => engine.suggest(1, 40))
  expect(suggestions).toHaveLength(1)
  expect(suggestions[0].addedUnder3).toBeGreaterThan(0)
  client.dispose()
})

test('an error thrown in the engine rejects the call with its message', async () => {
  vi.stubGlobal('Worker', fakePlannerWorkers().Worker)
  const client = createEngineClient()
  await expect(client.run((engine) => engine.moveSite('nowhere', 0, 0))).rejects.toThrow('no hypothetical site nowhere')
  client.dispose()
})

test('dispose terminates the worker; pending and later calls reject instead of hanging', async () => {
  const { Worker, created } = fakePlannerWorkers()
  vi.stubGlobal('Worker', Worker)
  const client = createEngineClient()
  const pending = client.run((engine) => engine.init(handInput()))
  client.dispose()
  expect(created.map((worker) => worker.terminated)).toEqual([true])
  await expect(pending).rejects.toThrow('engine disposed')
  await expect(client.run((engine) => engine.suggest(1, 40))).rejects.toThrow('engine disposed')
})

test('a worker that fails (its script does not load) rejects the waiting call with the reason', async () => {
  const { Worker, created } = fakePlannerWorkers()
  vi.stubGlobal('Worker', Worker)
  const client = createEngineClient()
  const pending = client.run((engine) => engine.init(handInput()))
  created[0].crash('Failed to fetch a worker script')
  await expect(pending).rejects.toThrow('Failed to fetch a worker script')
  client.dispose()
})
