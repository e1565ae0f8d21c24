import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { readFileSync } from 'node:fs'
import Papa from 'papaparse'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import {
  buildCandidates, createCoverageGrid, createCoverageState, suggestSites, toCoverageInputs,
} from '../../src/lib/coverage'
import type { IndicatorsFile } from '../../src/lib/types'
import { launchBrowser, openPage } from './browser'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser() })
afterAll(async () => { await browser?.close() })

const WIDE = { viewport: { width: 1200, height: 900 }, acceptDownloads: true }
const read = (name: string) => JSON.parse(readFileSync(`${process.env.E2E_DIST ?? 'dist'}/data/${name}`, 'utf8'))
const institutions = read('institutions.geojson')
const communities = read('communities.geojson')
const zones = read('zones.geojson')
const boundary = read('boundary.geojson')
const indicators = read('indicators.json') as IndicatorsFile
/** The default under-3 basis's name (规划推算), as exports name it. */
const PLAN_NAME = indicators.demand?.find((entry) => entry.id === 'plan')?.name ?? 'plan'

/** The same engine the app runs, on the built data, at the planner's defaults (radius 1,000 m, all sites). */
function engineState() {
  const { sites, communities: points } = toCoverageInputs(institutions, communities)
  const grid = createCoverageGrid({ zones, boundary })
  return { state: createCoverageState({ sites, communities: points, grid }), points }
}

const coveredText = (page: Page) => page.getByTestId('covered-under3').textContent()
/** The covered-children count shown on screen ("21,598 / 27,166 人（79.5%）" → 21598). */
async function coveredCount(page: Page): Promise<number> {
  const match = /^\s*([\d,]+)/.exec((await coveredText(page)) ?? '')
  if (!match) throw new Error('no covered figure')
  return Number(match[1].replace(/,/g, ''))
}

/** The planner's tabs: 指标 (shown first), 覆盖, 选址, 导出 — or their English names. */
const showTab = (page: Page, name: string | RegExp) => page.getByRole('tab', { name }).click()

/** Opens the planner and waits for the coverage figure (on the 覆盖 tab), then shows `tab`. */
async function openPlanner(query = '', tab: string | RegExp = '覆盖') {
  const opened = await openPage(browser, `${inject('baseUrl')}?view=planner${query}`, WIDE)
  await expect.poll(() => opened.page.getByRole('tab', { selected: true }).textContent(), { timeout: 60_000 }).toMatch(/^\s*(指标|Indicators)\s*$/)
  await showTab(opened.page, /^(覆盖|Coverage)$/)
  await opened.page.getByTestId('covered-under3').waitFor({ timeout: 60_000 })
  await showTab(opened.page, tab)
  return opened
}

test('the planner view shows the coverage figure, the indicator table with met words and reasons, and charts', async () => {
  const { page, context, errors } = await openPlanner('', '指标')
  const { state } = engineState()
  expect(await coveredCount(page)).toBe(state.metrics().city.coveredUnder3)

  const indicatorSection = page.getByRole('region', { name: '全市：方案指标' })
  const table = indicatorSection.getByRole('table')
  await expect.poll(() => table.locator('tbody tr').count()).toBe(indicators.city.length)
  expect(indicators.city.length).toBeGreaterThan(20)
  const metCount = indicators.city.filter((indicator) => indicator.met === true).length
  expect(await table.getByText('✓ 达标').count()).toBe(metCount)
  expect(await table.getByText('✗ 未达标').count()).toBe(indicators.city.filter((indicator) => indicator.met === false).length)
  const withReason = indicators.city.find((indicator) => indicator.value === null && indicator.reason)
  if (!withReason?.reason) throw new Error('the data has no null KPI with a reason')
  await expect.poll(() => table.getByText(withReason.reason as string).count()).toBe(1)

  // One area: its own rows.
  await page.getByLabel('范围').selectOption('yangshe')
  const areaTable = page.getByRole('region', { name: '杨舍镇：方案指标' }).getByRole('table')
  await expect.poll(() => areaTable.locator('tbody tr').count()).toBe(indicators.areas.yangshe.length)

  // Charts: nine bars each, with a table alternative of the same nine rows.
  const places = page.getByRole('figure', { name: '各片区托位数与目标' })
  await expect.poll(() => places.locator('svg[role="img"] rect').count()).toBe(9)
  await places.getByText('以表格查看').click()
  const placesTable = places.getByRole('table', { name: '各片区托位数与目标' })
  await expect.poll(() => placesTable.locator('tbody tr').count()).toBe(9)
  const baoshui = indicators.areas.baoshui.find((indicator) => indicator.id === 'capacityTotal')
  expect(await placesTable.locator('tbody tr').first().locator('td').first().textContent()).toBe(baoshui?.value?.toLocaleString('zh-CN'))
  const covered = page.getByRole('figure', { name: '各片区 15 分钟覆盖率（3 岁以下婴幼儿）' })
  await expect.poll(() => covered.locator('svg[role="img"] rect').count()).toBe(9)
  expect(errors).toEqual([])
  await context.close()
})

test('placing a hypothetical site and dragging it on the map canvas changes the covered-children figure', async () => {
  const { state, points } = engineState()
  const target = state.uncoveredCommunities()[0]
  const point = points.find((community) => community.id === target.id)
  if (!point) throw new Error('no uncovered community')
  const { page, context, errors } = await openPlanner(`&lng=${point.lng}&lat=${point.lat}&z=14`)
  const before = await coveredCount(page)
  const mapRegion = page.getByRole('region', { name: '张家港托育机构地图' })
  await page.waitForFunction(() => document.querySelector('.maplibregl-canvas') !== null)
  const box = await mapRegion.boundingBox()
  if (!box) throw new Error('map has no box')
  const center = { x: box.x + box.width / 2, y: box.y + box.height / 2 }

  await showTab(page, '选址')
  await page.getByRole('button', { name: '在地图上放置' }).click()
  await page.mouse.click(center.x, center.y)
  await expect.poll(() => page.getByText('假设站点 1').count()).toBe(1)
  await expect.poll(() => coveredCount(page)).toBeGreaterThanOrEqual(before + target.under3)
  const placed = await coveredCount(page)
  await showTab(page, '覆盖')
  const uncoveredTable = page.getByRole('region', { name: '未覆盖的村居' }).getByRole('table').first()
  await expect.poll(() => uncoveredTable.getByRole('rowheader', { name: target.name, exact: true }).count()).toBe(0)

  // Drag the site ~1.2 km east (300 px at zoom 14): the community falls out of its circle again.
  await page.mouse.move(center.x, center.y)
  await page.mouse.down()
  for (let step = 1; step <= 15; step++) await page.mouse.move(center.x + step * 20, center.y)
  // Still holding the button: the figures follow the drag, not just the drop.
  await expect.poll(() => uncoveredTable.getByRole('rowheader', { name: target.name, exact: true }).count(), { timeout: 20_000 }).toBe(1)
  await page.mouse.up()
  const dragged = await coveredCount(page)
  expect(dragged).not.toBe(placed)
  // Reset returns to the data.
  await showTab(page, '选址')
  await page.getByRole('button', { name: '重置为真实数据' }).click()
  await expect.poll(() => coveredCount(page)).toBe(before)
  expect(errors).toEqual([])
  await context.close()
})

test('suggested sites are ranked by added coverage and one click adds them all as hypothetical sites', async () => {
  const { state } = engineState()
  const expected = suggestSites(state, buildCandidates({ communities: state.communities, boundary }), { count: 10, capacity: 40 })
  expect(expected.length).toBe(10)
  const { page, context, errors } = await openPlanner('', '选址')
  const before = await coveredCount(page)
  await page.getByRole('button', { name: '计算建议' }).click()
  const table = page.getByRole('region', { name: '建议新增站点' }).getByRole('table')
  await expect.poll(() => table.locator('tbody tr').count(), { timeout: 30_000 }).toBe(10)
  // Read the column by its header, not its position.
  const headers = (await table.getByRole('columnheader').allTextContents()).map((text) => text.trim())
  const column = headers.indexOf('新增覆盖婴幼儿')
  const rows = await table.locator('tbody tr').all()
  const added = await Promise.all(rows.map(async (row) => Number(((await row.getByRole('cell').nth(column - 1).textContent()) ?? '').replace(/,/g, ''))))
  expect(added).toEqual(expected.map((suggestion) => suggestion.addedUnder3))
  // Each suggestion is named by its nearest 村/社区 and town, with the distance and the gain in percentage points.
  const names = new Set(communities.features.map((feature: { properties: { name: string } }) => feature.properties.name))
  for (const row of rows) {
    const place = (await row.getByRole('cell').first().textContent()) ?? ''
    const match = /^(.+)附近（(.+)）\s*距村居点 [\d,]+ 米$/.exec(place.trim())
    expect(match && names.has(match[1])).toBe(true)
    expect(await row.getByText(/个百分点$/).count()).toBe(1)
  }
  await page.getByRole('button', { name: '全部添加为假设站点' }).click()
  await expect.poll(() => page.getByText(/^假设站点 \d+$/).count()).toBe(10)
  const total = expected.reduce((sum, suggestion) => sum + suggestion.addedUnder3, 0)
  await expect.poll(() => coveredCount(page)).toBe(before + total)
  await expect.poll(() => page.getByText('含 10 个假设站点（非真实数据）').count()).toBe(1)
  expect(errors).toEqual([])
  await context.close()
})

test('the uncovered-communities CSV downloads with a BOM and parses back to the same rows; the GeoJSON matches them', async () => {
  const { state } = engineState()
  const uncovered = state.uncoveredCommunities()
  const scores = new Map(state.accessibility().map((entry) => [entry.id, entry]))
  const { page, context, errors } = await openPlanner('', '导出')
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出未覆盖村居（CSV）' }).click(),
  ])
  // The file and the under-3 column name the basis of the counts (plan-implied by default).
  expect(download.suggestedFilename()).toMatch(new RegExp(`-${PLAN_NAME}-示例数据\\.csv$`))
  const path = await download.path()
  const bytes = readFileSync(path)
  expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  const parsed = Papa.parse<Record<string, string>>(bytes.toString('utf8').slice(1), { header: true, skipEmptyLines: true })
  expect(parsed.errors).toEqual([])
  const under3Header = `3岁以下婴幼儿数 (${PLAN_NAME})`
  expect(parsed.meta.fields).toEqual(['编码', '村居', '片区', under3Header, '距最近机构（米）', '可达托位（每千名）', '托育荒漠'])
  expect(parsed.data.map((row) => [row['编码'], row['村居'], Number(row[under3Header]), row['距最近机构（米）']])).toEqual(
    uncovered.map((community) => [community.id, community.name, community.under3, community.nearestSiteMeters === null ? '' : String(community.nearestSiteMeters)]))
  expect(parsed.data.map((row) => row['托育荒漠'])).toEqual(uncovered.map((community) => (scores.get(community.id)?.desert ? '是' : '否')))

  // The GeoJSON export: the covered area, then the same uncovered communities at their places.
  const [geojsonDownload] = await Promise.all([
    page.waitForEvent('download'),
    page.getByRole('button', { name: '导出覆盖范围（GeoJSON）' }).click(),
  ])
  const collection = JSON.parse(readFileSync(await geojsonDownload.path(), 'utf8')) as {
    features: { geometry: { type: string; coordinates: unknown }; properties: Record<string, unknown> }[]
  }
  expect(collection.features[0].properties).toMatchObject({ kind: 'coveredArea', radiusMeters: 1000, basis: 'all', hypotheticalSites: 0, under3Basis: 'plan', under3BasisName: PLAN_NAME })
  expect(collection.features[0].geometry.type).toBe('MultiPolygon')
  const exported = collection.features.slice(1)
  expect(exported.map((feature) => feature.properties.id)).toEqual(uncovered.map((community) => community.id))
  const byId = new Map(communities.features.map((feature: { properties: { id: string }; geometry: { coordinates: number[] } }) =>
    [feature.properties.id, feature.geometry.coordinates]))
  for (const feature of exported) expect(feature.geometry.coordinates).toEqual(byId.get(feature.properties.id as string))
  expect(errors).toEqual([])
  await context.close()
})

test('printing gives a one-page report of the chosen area: data basis, column headers, units, a map, nothing else', async () => {
  const { page, context, errors } = await openPlanner()
  await page.getByLabel('范围').selectOption('yangshe')
  await page.emulateMedia({ media: 'print' })
  const report = page.getByRole('heading', { name: '杨舍镇 托育服务覆盖报告' })
  await expect.poll(() => report.isVisible()).toBe(true)
  expect(await page.getByRole('region', { name: '张家港托育机构地图' }).isVisible()).toBe(false)
  expect(await page.getByText('覆盖设置').isVisible()).toBe(false)
  const article = page.locator('.planner-report')
  // The sample data says so on paper too.
  expect(await article.getByText(/^数据：示例数据/).isVisible()).toBe(true)
  const reportTable = article.getByRole('table', { name: '杨舍镇：方案指标' })
  expect((await reportTable.getByRole('columnheader').allTextContents()).map((text) => text.trim())).toEqual(['指标', '目标', '现状', '是否达标'])
  expect(await reportTable.getByRole('cell', { name: '≥ 6,520 个' }).count() + await reportTable.getByRole('cell', { name: /^≥ [\d,.]+ 个$/ }).count()).toBeGreaterThan(0)
  expect(await article.getByRole('img', { name: '杨舍镇覆盖示意图' }).isVisible()).toBe(true)
  const reportRows = reportTable.locator('tbody tr')
  await expect.poll(() => reportRows.count()).toBe(indicators.areas.yangshe.length)
  const pdf = await page.pdf({ format: 'A4' })
  const pages = pdf.toString('latin1').match(/\/Type\s*\/Page(?![s\w])/g) ?? []
  expect(pages.length).toBe(1)
  expect(errors).toEqual([])
  await context.close()
})

test('axe: no violations in the planner view, in Chinese and in English, with suggestions and a what-if site shown', async () => {
  for (const lang of ['zh-CN', 'en']) {
    const { page, context, errors } = await openPlanner(`&lang=${lang}`, /^(选址|Sites)$/)
    await page.getByRole('button', { name: /^(计算建议|Suggest)$/ }).click()
    await page.getByRole('button', { name: /^(全部添加为假设站点|Add all as hypothetical sites)$/ }).click()
    await expect.poll(() => page.getByText(/^(假设站点|Hypothetical site) 10$/).count()).toBe(1)
    for (const tab of [/^(选址|Sites)$/, /^(指标|Indicators)$/, /^(覆盖|Coverage)$/, /^(导出|Export)$/]) {
      await showTab(page, tab)
      for (const summary of await page.locator('.planner [role="tabpanel"]:visible details summary').all()) await summary.click()
      const result = await new AxeBuilder({ page }).include('.planner').analyze()
      expect(result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([])
    }
    expect(errors).toEqual([])
    await context.close()
  }
})

test('on a phone, a hypothetical site placed at the map center can be dragged with one finger', async () => {
  const { state, points } = engineState()
  const target = state.uncoveredCommunities()[0]
  const point = points.find((community) => community.id === target.id)
  if (!point) throw new Error('no uncovered community')
  const { page, context, errors } = await openPage(browser, `${inject('baseUrl')}?view=planner&lng=${point.lng}&lat=${point.lat}&z=13`, {
    viewport: { width: 390, height: 800 }, hasTouch: true, isMobile: true,
  })
  await showTab(page, '覆盖')
  await page.getByTestId('covered-under3').waitFor({ timeout: 60_000 })
  await page.waitForFunction(() => document.querySelector('.maplibregl-canvas') !== null)
  const uncoveredTable = page.getByRole('region', { name: '未覆盖的村居' }).getByRole('table').first()
  await showTab(page, '选址')
  await page.getByRole('button', { name: '在地图中心放置' }).click()
  await showTab(page, '覆盖')
  await expect.poll(() => uncoveredTable.getByRole('rowheader', { name: target.name, exact: true }).count()).toBe(0)
  const box = await page.getByRole('region', { name: '张家港托育机构地图' }).boundingBox()
  if (!box) throw new Error('map has no box')
  const center = { x: box.x + box.width / 2, y: box.y + box.height / 2 }
  const cdp = await context.newCDPSession(page)
  const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', x: number, y: number) =>
    cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x, y }] })
  await touch('touchStart', center.x, center.y)
  // 100 px right and 100 px down at zoom 13 (~8.1 m per px here) is ~1,150 m: out of the 1,000 m circle.
  for (let step = 1; step <= 10; step++) await touch('touchMove', center.x + step * 10, center.y + step * 10)
  await touch('touchEnd', center.x + 100, center.y + 100)
  await expect.poll(() => uncoveredTable.getByRole('rowheader', { name: target.name, exact: true }).count(), { timeout: 20_000 }).toBe(1)
  expect(errors).toEqual([])
  await context.close()
})

test.each([360, 390])('on a %d px phone the indicator table stacks: no sideways scroll, every figure on one line with its label', async (width) => {
  const { page, context, errors } = await openPage(browser, `${inject('baseUrl')}?view=planner`, { viewport: { width, height: 800 }, hasTouch: true, isMobile: true })
  const table = page.getByRole('region', { name: '全市：方案指标' }).getByRole('table')
  await table.waitFor({ timeout: 60_000 })
  // Still a table to assistive technology, with its four column headers.
  for (const header of ['指标', '目标', '现状', '是否达标']) expect(await table.getByRole('columnheader', { name: header, exact: true }).count()).toBe(1)
  const fits = await table.evaluate((element) => {
    const wrap = element.parentElement
    return wrap !== null && wrap.scrollWidth <= wrap.clientWidth
  })
  expect(fits).toBe(true)
  // Each cell reads "目标 ≥ 10 个", "现状 …", "是否达标 …" on one line (no character-per-line columns).
  const cells = await table.getByRole('cell').evaluateAll((elements) => elements.map((cell) => {
    // Lines of its text: distinct tops of the text's boxes.
    const range = document.createRange()
    range.selectNodeContents(cell)
    const lines = new Set([...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.bottom))).size
    return { label: cell.getAttribute('data-label'), text: cell.textContent ?? '', lines }
  }))
  expect(cells.length).toBeGreaterThan(6)
  for (const cell of cells) {
    expect(['目标', '现状', '是否达标']).toContain(cell.label)
    expect(cell.lines, cell.text).toBeLessThanOrEqual(1)
  }
  expect(errors).toEqual([])
  await context.close()
})
