import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { readFileSync } from 'node:fs'
import iconv from 'iconv-lite'
import type { Browser, Download, Page } from 'playwright-core'
import { areaOfTown, parsePlanningAreas } from '../../src/lib/planning-areas'
import { parseCsv } from '../../src/lib/registry/parse-csv'
import { readRegistryTable } from '../../src/lib/registry/read-registry-table'
import { validateRegistry } from '../../src/lib/registry/validate-registry'
import { makeXlsx } from '../fixtures/registry/make-xlsx'
import { syntheticRegistry } from '../fixtures/registry/synthetic-registry'
import { launchBrowser, openPage } from './browser'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser() })
afterAll(async () => { await browser?.close() })

const source = (name: string) => readFileSync(`data/sources/${name}`, 'utf8')
const dist = (name: string) => JSON.parse(readFileSync(`${process.env.E2E_DIST ?? 'dist'}/data/${name}`, 'utf8'))
const outline = JSON.parse(source('boundary.geojson'))
const areas = parsePlanningAreas(JSON.parse(source('planning-areas.json')))
const sampleLines = source('registry-sample.csv').replace(/^\uFEFF/, '').split(/\r?\n/).filter((line) => line !== '')

/** The sample registry cut to `rows` rows, with a row outside the city and one without an id, so both counts show. */
function registryText(rows: number): string {
  const [header, first] = sampleLines
  const broken = [first.replace(/^[^,]+/, ''), first.replace(/^([^,]+)/, '$1-X').replace(/120\.\d+/, '121.4700').replace(/31\.\d+/, '31.2300')]
  return [header, ...sampleLines.slice(1, rows + 1), ...broken].join('\r\n') + '\r\n'
}
/** What the build script's functions make of the same text: the figures the planner must show. */
function expected(text: string) {
  const table = readRegistryTable(parseCsv(text))
  const validated = validateRegistry(table.rows, { boundary: outline.features?.[0] ?? outline, areaOfTown: (town) => areaOfTown(areas, town) })
  const capacity = validated.institutions.reduce((sum, feature) => sum + feature.properties.capacity, 0)
  return { read: table.rows.length, kept: validated.institutions.length, rejected: validated.rejected.length, capacity }
}

const WIDE = { viewport: { width: 1200, height: 900 }, acceptDownloads: true }
const showTab = (page: Page, name: RegExp) => page.getByRole('tab', { name }).click()
const digits = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''))
/** The city's 辖区总托位数 as the indicator table shows it (现状 column). */
async function capacityShown(page: Page): Promise<number> {
  await showTab(page, /^指标$/)
  const row = page.getByRole('region', { name: '全市：方案指标' }).getByRole('row', { name: /辖区总托位数/ })
  return digits(await row.locator('td').nth(1).textContent())
}
/** The city's under-3 total from the coverage summary ("a / b 人（x%）" → b). */
async function under3Shown(page: Page): Promise<number> {
  await showTab(page, /^覆盖$/)
  const text = (await page.getByTestId('covered-under3').textContent({ timeout: 60_000 })) ?? ''
  return digits(text.split('/')[1]?.split('人')[0] ?? '')
}
async function importFile(page: Page, label: string, file: { name: string; mimeType: string; buffer: Buffer }) {
  await showTab(page, /^数据$/)
  await page.getByLabel(label).setInputFiles(file)
}
const basisText = (page: Page) => page.getByTestId('data-basis').textContent()
/** Institutions the map draws in its view (test builds count clusters' points and single points at idle). */
const drawn = async (page: Page) => Number(await page.getByRole('region', { name: '张家港托育机构地图' }).getAttribute('data-rendered-institutions'))
/** Town names on the map as [approximate (labelled 示意), all]. */
const zoneLabels = async (page: Page) => ((await page.getByRole('region', { name: '张家港托育机构地图' }).getAttribute('data-zone-labels')) ?? '0/0').split('/').map(Number)

test('my data: GBK and XLSX registries and a population table recompute the planner, stay over a reload, print and go', async () => {
  const { page, context, errors } = await openPage(browser, `${inject('baseUrl')}?view=planner`, WIDE)
  const methods: string[] = []
  context.on('request', (request) => methods.push(`${request.method()} ${request.url()}`))
  const shipped = dist('indicators.json').city.find((indicator: { id: string }) => indicator.id === 'capacityTotal').value as number
  await expect.poll(() => capacityShown(page), { timeout: 60_000 }).toBe(shipped)
  const sampleUnder3 = await under3Shown(page)
  await expect.poll(() => drawn(page), { timeout: 60_000 }).toBeGreaterThan(100)
  const drawnShipped = await drawn(page)
  // The shipped outlines are approximate: every town name drawn says 示意.
  await expect.poll(async () => { const [approximate, all] = await zoneLabels(page); return all > 0 && approximate === all }, { timeout: 30_000 }).toBe(true)
  expect(await basisText(page)).toContain('示例数据')

  // A GBK CSV: the counts of the build script's rules, the rejected lines, the 托位 total of the file.
  const gbkText = registryText(sampleLines.length - 21)
  const gbk = expected(gbkText)
  expect(gbk.rejected).toBe(2)
  expect(gbk.capacity).not.toBe(shipped)
  await importFile(page, '选择文件（机构登记数据）', { name: '登记导出-gbk.csv', mimeType: 'text/csv', buffer: iconv.encode(gbkText, 'gbk') })
  await expect.poll(() => page.getByTestId('my-data-counts').textContent(), { timeout: 60_000 })
    .toContain(`读取 ${gbk.read} 行：保留 ${gbk.kept} 行，拒绝 ${gbk.rejected} 行`)
  const rejectedTable = page.getByRole('table', { name: '被拒绝的行' })
  expect(await rejectedTable.locator('tbody tr').count()).toBe(gbk.rejected)
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: '下载被拒绝的行（CSV）' }).click()]) as [Download, unknown]
  const rejectedCsv = readFileSync(await download.path(), 'utf8')
  expect(rejectedCsv.split('\r\n')[0]).toMatch(/^\uFEFF行号,原因代码,原因,原始行,机构编号/)
  expect(rejectedCsv).toContain('outside-city')
  await expect.poll(() => basisText(page)).toContain('你的数据')
  await expect.poll(() => capacityShown(page), { timeout: 60_000 }).toBe(gbk.capacity)

  // The same columns in an .xlsx: another file, its own total.
  const xlsxText = registryText(60)
  const xlsx = expected(xlsxText)
  const rows = parseCsv(xlsxText).filter((record) => record.cells.length > 1).map((record) => record.cells)
  await importFile(page, '选择文件（机构登记数据）', { name: '登记导出.xlsx', mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', buffer: makeXlsx(rows) })
  await expect.poll(() => page.getByTestId('my-data-counts').textContent(), { timeout: 60_000 })
    .toContain(`读取 ${xlsx.read} 行：保留 ${xlsx.kept} 行，拒绝 ${xlsx.rejected} 行`)
  await expect.poll(() => capacityShown(page), { timeout: 60_000 }).toBe(xlsx.capacity)
  // The map draws what the engine counts: the file's institutions, not the shipped ones.
  expect(xlsx.kept).toBeLessThan(drawnShipped / 2)
  await expect.poll(() => drawn(page), { timeout: 30_000 }).toBeLessThanOrEqual(xlsx.kept)
  expect(await drawn(page)).toBeGreaterThan(0)

  // A population table by code: the under-3 total becomes the table's where it gives one.
  const communities = dist('communities.geojson').features.slice(0, 20) as { properties: { id: string; under3: number } }[]
  const table = ['村居代码,3岁以下婴幼儿数', ...communities.map((community) => `${community.properties.id},500`)].join('\n')
  await importFile(page, '选择文件（村居 3 岁以下婴幼儿与人口）', { name: '村居人口.csv', mimeType: 'text/csv', buffer: Buffer.from(table) })
  await expect.poll(() => page.getByTestId('my-data-counts').textContent(), { timeout: 60_000 }).toContain('保留 20 行，拒绝 0 行')
  const replaced = communities.reduce((sum, community) => sum + community.properties.under3, 0)
  await expect.poll(() => under3Shown(page), { timeout: 60_000 }).toBe(sampleUnder3 - replaced + 20 * 500)

  // Town outlines as GeoJSON: the shipped zones without their approximate flag stand for a measured file.
  const zones = dist('zones.geojson') as { features: { properties: Record<string, unknown> }[] }
  const measured = { ...zones, features: zones.features.map((zone) => ({ ...zone, properties: { ...zone.properties, approximate: undefined } })) }
  await importFile(page, '选择文件（镇（区）边界（可选））', { name: '镇界.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(measured)) })
  await expect.poll(() => page.getByTestId('my-data-counts').textContent(), { timeout: 60_000 }).toContain('读取 9 行：保留 9 行，拒绝 0 行')
  await expect.poll(() => page.getByText(/^镇（区）边界：镇界\.geojson，覆盖 9 \/ 9 个镇（区）/).isVisible()).toBe(true)
  await expect.poll(() => basisText(page)).toContain('村居人口.csv、镇界.geojson')
  await expect.poll(() => under3Shown(page), { timeout: 60_000 }).toBe(sampleUnder3 - replaced + 20 * 500)
  // Measured outlines: the town names on the map lose their 示意.
  await expect.poll(async () => { const [approximate, all] = await zoneLabels(page); return all > 0 && approximate === 0 }, { timeout: 30_000 }).toBe(true)

  // The switch shows the shipped data again without forgetting mine.
  await page.getByRole('switch', { name: '使用你的数据' }).uncheck()
  await expect.poll(() => capacityShown(page), { timeout: 60_000 }).toBe(shipped)
  await page.getByRole('switch', { name: '使用你的数据' }).check()
  await expect.poll(() => capacityShown(page), { timeout: 60_000 }).toBe(xlsx.capacity)

  // A reload keeps it (IndexedDB), and print media says whose data the figures are.
  await page.reload()
  await expect.poll(() => capacityShown(page), { timeout: 60_000 }).toBe(xlsx.capacity)
  expect(await basisText(page)).toContain('你的数据')
  await page.emulateMedia({ media: 'print' })
  const report = page.getByRole('article')
  await expect.poll(() => report.getByText(/^数据：你的数据（登记导出\.xlsx、村居人口\.csv/).isVisible()).toBe(true)
  for (const header of ['指标', '目标', '现状', '是否达标']) expect(await report.getByRole('columnheader', { name: header, exact: true }).isVisible()).toBe(true)
  await page.emulateMedia({ media: 'screen' })

  // Removing it brings the sample back.
  await showTab(page, /^数据$/)
  await page.getByRole('button', { name: '删除我的数据' }).click()
  await expect.poll(() => capacityShown(page), { timeout: 60_000 }).toBe(shipped)
  expect(await under3Shown(page)).toBe(sampleUnder3)
  expect(await basisText(page)).toContain('示例数据')
  await expect.poll(() => drawn(page), { timeout: 30_000 }).toBe(drawnShipped)
  await expect.poll(async () => { const [approximate, all] = await zoneLabels(page); return all > 0 && approximate === all }, { timeout: 30_000 }).toBe(true)

  expect(methods.length).toBeGreaterThan(0)
  expect(methods.filter((entry) => !entry.startsWith('GET '))).toEqual([])
  expect(errors).toEqual([])
  await context.close()
}, 240_000)

test('my data: a large import shows its progress and can be cancelled; nothing of it is kept', async () => {
  const { page, context, errors } = await openPage(browser, `${inject('baseUrl')}?view=planner`, WIDE)
  const shipped = dist('indicators.json').city.find((indicator: { id: string }) => indicator.id === 'capacityTotal').value as number
  await expect.poll(() => capacityShown(page), { timeout: 60_000 }).toBe(shipped)
  const big = Buffer.from(syntheticRegistry(20_000))
  await importFile(page, '选择文件（机构登记数据）', { name: '登记导出-全年.csv', mimeType: 'text/csv', buffer: big })
  // While it runs: a progress bar with counts, the file inputs disabled, and 取消导入.
  await page.getByRole('progressbar').waitFor()
  expect(await page.getByLabel('选择文件（机构登记数据）').isDisabled()).toBe(true)
  await page.getByRole('button', { name: '取消导入' }).click()
  await expect.poll(() => page.getByText('已取消导入，未保存任何内容。').isVisible()).toBe(true)
  expect(await page.getByRole('progressbar').count()).toBe(0)
  expect(await page.getByTestId('my-data-counts').count()).toBe(0)
  expect(await page.getByLabel('选择文件（机构登记数据）').isEnabled()).toBe(true)
  expect(await basisText(page)).toContain('示例数据')
  expect(await capacityShown(page)).toBe(shipped)
  // Nothing was stored: a reload still computes on the shipped data.
  await page.reload()
  await expect.poll(() => capacityShown(page), { timeout: 60_000 }).toBe(shipped)
  expect(await basisText(page)).toContain('示例数据')
  expect(errors).toEqual([])
  await context.close()
}, 120_000)
