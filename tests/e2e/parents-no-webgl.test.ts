import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { matchesFilters, NO_FILTERS } from '../../src/lib/filter-institutions'
import { launchBrowser, openPage } from './browser'
import { loadInstitutions, shownCount, waitForData } from './parents-helpers'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser(['--disable-webgl', '--disable-webgl2', '--disable-3d-apis']) })
afterAll(async () => { await browser?.close() })

const institutions = loadInstitutions()

test('without WebGL the list view works: filter, select, details', async () => {
  const { page, context } = await openPage(browser, inject('baseUrl'))
  expect(await page.evaluate(() => document.createElement('canvas').getContext('webgl2') ?? document.createElement('canvas').getContext('webgl'))).toBeNull()
  await waitForData(page)
  await page.getByText('此设备无法显示地图，已改为列表。').waitFor()
  const list = page.getByRole('region', { name: '机构列表' })
  await list.waitFor()
  await page.getByRole('button', { name: '普惠', exact: true }).click()
  const expected = institutions.features.filter((feature) => matchesFilters(feature.properties, { ...NO_FILTERS, puhui: true })).length
  await expect.poll(() => shownCount(page)).toBe(expected)
  const first = list.locator('.list-item button').first()
  const name = (await first.locator('.name').textContent()) ?? ''
  await first.click()
  await page.getByRole('complementary', { name }).waitFor()
  await context.close()
})

test('without WebGL the planner view still shows its figures and the indicator table', async () => {
  const { page, context } = await openPage(browser, `${inject('baseUrl')}?view=planner`)
  // The planner has no parents' list or count: its own figures are the sign that the data is in.
  const indicatorSection = page.getByRole('region', { name: '全市：方案指标' })
  await expect.poll(() => indicatorSection.getByRole('table').locator('tbody tr').count(), { timeout: 60_000 }).toBeGreaterThan(10)
  expect(await page.getByRole('region', { name: '机构列表' }).count()).toBe(0)
  // The coverage figure is on the 覆盖 tab, computed without a map.
  await page.getByRole('tab', { name: '覆盖' }).click()
  const summary = page.getByRole('region', { name: '覆盖概况：全市' })
  await expect.poll(() => summary.getByTestId('covered-under3').textContent(), { timeout: 60_000 }).toMatch(/\d[\d,]* \/ \d[\d,]* 人（[\d.]+\s?%）/)
  await context.close()
})
