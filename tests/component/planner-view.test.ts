import { afterEach, beforeEach, expect, test, vi } from 'vitest'
import { flushPromises, mount } from '@vue/test-utils'
import PlannerView from '../../src/components/planner/PlannerView.vue'
import { usePlannerStore } from '../../src/stores/planner'
import { BASE_LAT, BASE_LNG, north } from '../fixtures/coverage/hand-case'
import { setupPlanner, showAllTabs, stubPlannerFiles } from './planner-setup'

beforeEach(() => {
  stubPlannerFiles()
  // happy-dom runs no workers: the engine runs in the page, behind the same Comlink interface.
  vi.stubGlobal('Worker', undefined)
})
afterEach(() => { vi.unstubAllGlobals() })

async function mountReady() {
  const { pinia, i18n } = setupPlanner()
  const view = mount(PlannerView, { global: { plugins: [pinia, i18n] } })
  const store = usePlannerStore()
  // Every tab once, so that each panel is built (they stay mounted); the test reads them all.
  await showAllTabs(view)
  await vi.waitFor(async () => {
    await flushPromises()
    expect(store.status).toBe('ready')
    expect(view.find('[data-testid="covered-under3"]').exists()).toBe(true)
  }, { timeout: 15_000 })
  const covered = () => view.find('[data-testid="covered-under3"]').text()
  const settle = () => vi.waitFor(async () => { await flushPromises() })
  return { view, store, covered, settle }
}

test('the planner shows the hand case: 190 of 250 children covered, 四村 uncovered with its distance', async () => {
  const { view, covered } = await mountReady()
  expect(covered()).toBe('190 / 250 人（76.0%）')
  const text = view.text()
  expect(text).toContain('四村')
  // 四村 is 5,000 m south of site A.
  expect(text).toContain('5,000 米')
  view.unmount()
})

test('a hypothetical site covers 四村, moving it away uncovers it again, and reset returns to the data', async () => {
  const { view, store, covered, settle } = await mountReady()
  const c4 = { lng: BASE_LNG, lat: BASE_LAT - north(5000) }
  store.addSite(c4.lng, c4.lat)
  await settle()
  await vi.waitFor(() => expect(covered()).toBe('250 / 250 人（100.0%）'))
  expect(view.text()).toContain('含 1 个假设站点（非真实数据）')
  expect(view.text()).toContain('假设站点 1')
  // The keyboard's drag: ten presses of "south" move the site 2,000 m away from 四村.
  const south = view.findAll('button').find((button) => button.attributes('aria-label') === '假设站点 1：向南移 200 米')
  for (let press = 0; press < 10; press++) await south?.trigger('click')
  await vi.waitFor(async () => { await flushPromises(); expect(covered()).toBe('190 / 250 人（76.0%）') })
  const [site] = store.hypothetical
  expect(site.lng).toBeCloseTo(c4.lng, 9)
  expect(site.lat).toBeCloseTo(c4.lat - north(2000), 9)
  store.reset()
  await vi.waitFor(async () => { await flushPromises(); expect(view.text()).not.toContain('假设站点 1') })
  expect(covered()).toBe('190 / 250 人（76.0%）')
  view.unmount()
})

test('basis 普惠 only leaves 三村 (reached only by the private site) uncovered; a tighter desert threshold clears the deserts', async () => {
  const { view, store, covered } = await mountReady()
  await view.find('input[type="radio"][value="puhui"]').setValue(true)
  await vi.waitFor(async () => { await flushPromises(); expect(covered()).toBe('150 / 250 人（60.0%）') })
  expect(view.text()).toContain('三村')
  const desertFigure = () => view.findAll('dt').find((term) => term.text() === '托育荒漠村居')?.element.nextElementSibling?.textContent?.trim()
  expect(Number(desertFigure())).toBeGreaterThan(0)
  store.desertMaxScore = 0
  await vi.waitFor(async () => { await flushPromises(); expect(desertFigure()).toBe('0') })
  view.unmount()
})

test('the indicator table says met / not met / not computable in words, with the reason; the chart has a table alternative', async () => {
  const { view } = await mountReady()
  const table = view.findAll('table').find((candidate) => candidate.text().includes('辖区总托位数') && candidate.text().includes('是否达标'))
  expect(table?.findAll('tbody tr')).toHaveLength(3)
  const text = table?.text() ?? ''
  for (const word of ['✗ 未达标', '✓ 达标', '? 无法计算', '原因：满意度需要入托家庭问卷调查', '≥ 120 个']) expect(text).toContain(word)
  const chart = view.findAll('figure').find((figure) => figure.text().includes('各片区托位数与目标'))
  expect(chart?.find('svg[role="img"]').exists()).toBe(true)
  expect(chart?.findAll('svg rect')).toHaveLength(9)
  expect(chart?.findAll('details table tbody tr')).toHaveLength(9)
  view.unmount()
})

test('the planner opens on the indicators tab; arrow keys move between the five tabs and show their panels', async () => {
  const { pinia, i18n } = setupPlanner()
  const view = mount(PlannerView, { attachTo: document.body, global: { plugins: [pinia, i18n] } })
  const tabs = () => view.findAll('[role="tab"]')
  expect(tabs().map((tab) => tab.text())).toEqual(['指标', '覆盖', '选址', '导出', '数据'])
  const selected = () => tabs().find((tab) => tab.attributes('aria-selected') === 'true')?.text()
  const panel = (name: string) => view.find(`#planner-panel-${name}`)
  expect(selected()).toBe('指标')
  expect(panel('indicators').isVisible()).toBe(true)
  await tabs()[0].trigger('keydown', { key: 'ArrowRight' })
  expect(selected()).toBe('覆盖')
  expect(document.activeElement?.textContent?.trim()).toBe('覆盖')
  expect(panel('indicators').isVisible()).toBe(false)
  expect(panel('coverage').isVisible()).toBe(true)
  await tabs()[1].trigger('keydown', { key: 'End' })
  expect(selected()).toBe('数据')
  expect(panel('data').isVisible()).toBe(true)
  await tabs()[4].trigger('keydown', { key: 'ArrowRight' })
  expect(selected()).toBe('指标')
  view.unmount()
})
