import { afterEach, expect, test, vi } from 'vitest'
import { DEFAULT_DESERT_MAX_SCORE, DEFAULT_DESERT_MIN_UNDER3, toCoverageInputs } from '../../src/lib/coverage'
import { PlannerSession } from '../../src/planner/planner-session'
import type { EngineInput, PlannerSnapshot } from '../../src/planner/types'
import { fakePlannerWorkers } from '../fixtures/fake-planner-worker'
import { BASE_LAT, BASE_LNG, handCommunityCollection, handInstitutionCollection, handZones, north } from '../fixtures/coverage/hand-case'

afterEach(() => { vi.unstubAllGlobals() })

const handInput = async (): Promise<EngineInput> => ({
  ...toCoverageInputs(handInstitutionCollection(), handCommunityCollection()),
  zones: handZones(), boundary: handZones(),
  settings: { radiusMeters: 1000, basis: 'all', desertMinUnder3: DEFAULT_DESERT_MIN_UNDER3, desertMaxScore: DEFAULT_DESERT_MAX_SCORE },
})
const atFourthVillage = { id: 'h1', lng: BASE_LNG, lat: BASE_LAT - north(5000), capacity: 40, puhui: true, type: 'community' as const }

/** A session over fake workers that records every snapshot and failure. */
function recordedSession() {
  const workers = fakePlannerWorkers()
  vi.stubGlobal('Worker', workers.Worker)
  const snapshots: PlannerSnapshot[] = []
  const failures: string[] = []
  const hooks = { onSnapshot: (_: PlannerSnapshot) => {} }
  const session = new PlannerSession({
    snapshot: (next) => { snapshots.push(next); hooks.onSnapshot(next) },
    failed: (message) => { failures.push(message) },
  })
  const covered = () => snapshots.at(-1)?.metrics.city.coveredUnder3
  return { session, snapshots, failures, hooks, covered, created: workers.created }
}

test('a site placed while the engine starts (after its first answer) is sent once it is ready', async () => {
  const { session, hooks, covered } = recordedSession()
  hooks.onSnapshot = () => {
    hooks.onSnapshot = () => {}
    session.setSites([atFourthVillage])
  }
  expect(await session.start(handInput)).toBe(true)
  await vi.waitFor(() => expect(covered()).toBe(250))
  session.dispose()
})

test('drag frames are coalesced: the move in flight, then only the latest position', async () => {
  const { session, snapshots, covered } = recordedSession()
  session.setSites([{ ...atFourthVillage, lat: BASE_LAT - north(9000) }])
  await session.start(handInput)
  const before = snapshots.length
  for (let frame = 1; frame <= 10; frame++) session.moveSite('h1', BASE_LNG, BASE_LAT - north(9000 - frame * 400))
  await vi.waitFor(() => expect(covered()).toBe(250))
  expect(snapshots.length - before).toBe(2)
  session.dispose()
})

test('an engine that fails is ended with the reason, and the next start runs a new worker', async () => {
  const { session, failures, created, covered } = recordedSession()
  await session.start(handInput)
  session.setSites([atFourthVillage])
  created[0].crash('out of memory')
  await vi.waitFor(() => expect(failures).toEqual(['out of memory']))
  expect(created.map((worker) => worker.terminated)).toEqual([true])
  expect(await session.start(handInput)).toBe(true)
  await vi.waitFor(() => expect(covered()).toBe(250))
  expect(created.map((worker) => worker.terminated)).toEqual([true, false])
  session.dispose()
})

test('answers of a disposed session are dropped, and suggestions wait for a ready engine', async () => {
  const { session, snapshots, failures } = recordedSession()
  const starting = session.start(handInput)
  expect(await session.suggest(1, 40)).toBeNull()
  session.dispose()
  expect(await starting).toBe(false)
  expect(snapshots).toEqual([])
  expect(failures).toEqual([])
})

test('new under-3 counts (another demand basis) recompute the figures and keep the hypothetical sites', async () => {
  const { session, snapshots, covered } = recordedSession()
  expect(await session.start(handInput)).toBe(true)
  session.setSites([atFourthVillage])
  await vi.waitFor(() => expect(covered()).toBe(250))
  const { communities } = toCoverageInputs(handInstitutionCollection(), handCommunityCollection())
  const doubled = communities.map((community) => ({ ...community, under3: community.under3 * 2 }))
  session.setCommunities(doubled)
  await vi.waitFor(() => expect(snapshots.at(-1)?.metrics.city.under3).toBe(2 * communities.reduce((sum, community) => sum + community.under3, 0)))
  expect(covered()).toBe(500)
  session.dispose()
})
