import { afterEach, expect, test, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import PlannerView from '../../src/components/planner/PlannerView.vue'
import { usePlannerStore } from '../../src/stores/planner'
import { BASE_LAT, BASE_LNG, north } from '../fixtures/coverage/hand-case'
import { fakePlannerWorkers } from '../fixtures/fake-planner-worker'
import { setupPlanner, showAllTabs, stubPlannerFiles } from './planner-setup'

afterEach(() => { vi.unstubAllGlobals() })

const coveredFigure = (view: ReturnType<typeof mount>) => view.find('[data-testid="covered-under3"]')
/** Waits (generously: the machine may be loaded) until the check passes after pending promises settle. */
const settled = (check: () => void) => vi.waitFor(async () => { await flushPromises(); check() }, { timeout: 15_000 })

test('the planner view owns the engine worker: unmounting terminates it, coming back starts a new one with the same what-if sites', async () => {
  stubPlannerFiles()
  const { Worker, created } = fakePlannerWorkers()
  vi.stubGlobal('Worker', Worker)
  const { pinia, i18n } = setupPlanner()
  const store = usePlannerStore()

  const first = mount(PlannerView, { global: { plugins: [pinia, i18n] } })
  await showAllTabs(first)
  await settled(() => expect(store.status).toBe('ready'))
  expect(coveredFigure(first).text()).toBe('190 / 250 人（76.0%）')
  store.addSite(BASE_LNG, BASE_LAT - north(5000))
  await settled(() => expect(coveredFigure(first).text()).toBe('250 / 250 人（100.0%）'))
  expect(created.map((worker) => worker.terminated)).toEqual([false])

  first.unmount()
  expect(created.map((worker) => worker.terminated)).toEqual([true])
  expect(store.status).toBe('idle')

  const second = mount(PlannerView, { global: { plugins: [pinia, i18n] } })
  await showAllTabs(second)
  await settled(() => expect(coveredFigure(second).text()).toBe('250 / 250 人（100.0%）'))
  expect(created.map((worker) => worker.terminated)).toEqual([true, false])
  expect(second.text()).toContain('假设站点 1')
  second.unmount()
  expect(created.map((worker) => worker.terminated)).toEqual([true, true])
})

test('a worker that fails to start shows the planner error with its reason', async () => {
  stubPlannerFiles()
  const { Worker, created } = fakePlannerWorkers()
  vi.stubGlobal('Worker', Worker)
  const { pinia, i18n } = setupPlanner()
  const view = mount(PlannerView, { global: { plugins: [pinia, i18n] } })
  await showAllTabs(view)
  await settled(() => expect(created).toHaveLength(1))
  created[0].crash('worker script failed to load')
  await settled(() => expect(view.get('[role="alert"]').text()).toContain('worker script failed to load'))
  view.unmount()
})

test('a site placed while the engine is still starting is counted once it is ready', async () => {
  stubPlannerFiles()
  vi.stubGlobal('Worker', fakePlannerWorkers().Worker)
  const { pinia, i18n } = setupPlanner()
  const store = usePlannerStore()
  const view = mount(PlannerView, { global: { plugins: [pinia, i18n] } })
  await showAllTabs(view)
  expect(store.status).toBe('loading')
  store.addSite(BASE_LNG, BASE_LAT - north(5000))
  await settled(() => expect(coveredFigure(view).text()).toBe('250 / 250 人（100.0%）'))
  view.unmount()
})
