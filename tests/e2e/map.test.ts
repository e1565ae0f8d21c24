import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { matchesFilters, NO_FILTERS, type InstitutionFilters } from '../../src/lib/filter-institutions'
import { launchBrowser, openPage } from './browser'
import { loadInstitutions, shownCount } from './parents-helpers'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser() })
afterAll(async () => { await browser?.close() })

const institutions = loadInstitutions()
const WIDE = { viewport: { width: 1100, height: 800 } }

const mapRegion = (page: Page) => page.getByRole('region', { name: /^(张家港托育机构地图|Map of childcare institutions in Zhangjiagang)$/ })
const rendered = async (page: Page) => Number(await mapRegion(page).getAttribute('data-rendered-institutions'))

/** Waits for the map to settle: the same non-empty bounds and count on two reads in a row. */
async function settled(page: Page) {
  let previous = ''
  await expect.poll(async () => {
    const now = `${await mapRegion(page).getAttribute('data-view-bounds')}|${await rendered(page)}`
    const stable = now === previous && !now.startsWith('|')
    previous = now
    return stable
  }, { timeout: 60_000, interval: 700 }).toBe(true)
  const [west, south, east, north] = ((await mapRegion(page).getAttribute('data-view-bounds')) ?? '').split(',').map(Number)
  return { west, south, east, north }
}

function matchingInView(filters: Partial<InstitutionFilters>, box: { west: number; south: number; east: number; north: number }, margin = 0) {
  return institutions.features.filter((feature) => {
    const [lng, lat] = feature.geometry.coordinates
    return matchesFilters(feature.properties, { ...NO_FILTERS, ...filters })
      && lng >= box.west - margin && lng <= box.east + margin && lat >= box.south - margin && lat <= box.north + margin
  }).length
}

test('clustered at city zoom, the drawn institutions add up to the whole dataset and follow a filter', async () => {
  const { page, context, errors } = await openPage(browser, inject('baseUrl'), WIDE)
  await expect.poll(() => rendered(page), { timeout: 60_000 }).toBe(institutions.features.length)
  await page.getByRole('button', { name: '普惠', exact: true }).click()
  const puhui = matchingInView({ puhui: true }, { west: -180, south: -90, east: 180, north: 90 })
  expect(puhui).toBeLessThan(institutions.features.length)
  await expect.poll(() => rendered(page), { timeout: 30_000 }).toBe(puhui)
  expect(await shownCount(page)).toBe(puhui)
  await page.getByRole('button', { name: '社区', exact: true }).click()
  const puhuiCommunity = matchingInView({ puhui: true, types: ['community'] }, { west: -180, south: -90, east: 180, north: 90 })
  await expect.poll(() => rendered(page), { timeout: 30_000 }).toBe(puhuiCommunity)
  expect(await shownCount(page)).toBe(puhuiCommunity)
  expect(errors).toEqual([])
  await context.close()
})

test('zoomed in (no clusters), the drawn points are the data in view, filtered by expression', async () => {
  // The densest institution's neighbourhood, at a zoom above the clusters.
  const [lng, lat] = institutions.features[0].geometry.coordinates
  const { page, context, errors } = await openPage(browser, `${inject('baseUrl')}?lng=${lng}&lat=${lat}&z=12.5&view=map`, WIDE)
  let box = await settled(page)
  // A point just outside the edge can still show part of its circle: allow a ~15 px margin.
  const margin = (box.east - box.west) * 0.03
  let count = await rendered(page)
  expect(count).toBeGreaterThanOrEqual(matchingInView({}, box))
  expect(count).toBeLessThanOrEqual(matchingInView({}, box, margin))
  expect(count).toBeGreaterThan(0)
  await page.getByRole('button', { name: '幼儿园托班', exact: true }).click()
  await expect.poll(() => shownCount(page)).toBe(matchingInView({ types: ['kindergarten'] }, { west: -180, south: -90, east: 180, north: 90 }))
  box = await settled(page)
  count = await rendered(page)
  expect(count).toBeGreaterThanOrEqual(matchingInView({ types: ['kindergarten'] }, box))
  expect(count).toBeLessThanOrEqual(matchingInView({ types: ['kindergarten'] }, box, margin))
  expect(count).toBeLessThan(matchingInView({}, box))
  expect(errors).toEqual([])
  await context.close()
})

test('tapping an institution on the map selects it and opens its sheet', async () => {
  const target = institutions.features[3]
  const [lng, lat] = target.geometry.coordinates
  const { page, context, errors } = await openPage(browser, `${inject('baseUrl')}?lng=${lng}&lat=${lat}&z=16&view=map`, WIDE)
  await settled(page)
  const box = await mapRegion(page).boundingBox()
  if (!box) throw new Error('map has no box')
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2)
  await expect.poll(() => page.locator('#institution-sheet-title').textContent()).toBe(target.properties.name)
  await expect.poll(() => new URL(page.url()).searchParams.get('id')).toBe(target.properties.id)
  expect(errors).toEqual([])
  await context.close()
})

test('a lost WebGL context rebuilds the map with everything on it', async () => {
  const { page, context, errors } = await openPage(browser, inject('baseUrl'), WIDE)
  await expect.poll(() => rendered(page), { timeout: 60_000 }).toBe(institutions.features.length)
  expect(await mapRegion(page).getAttribute('data-map-generation')).toBe('1')
  await page.evaluate(() => {
    const canvas = document.querySelector<HTMLCanvasElement>('.maplibregl-canvas')
    canvas?.getContext('webgl2')?.getExtension('WEBGL_lose_context')?.loseContext()
  })
  await expect.poll(() => mapRegion(page).getAttribute('data-map-generation'), { timeout: 30_000 }).toBe('2')
  await expect.poll(() => rendered(page), { timeout: 60_000 }).toBe(institutions.features.length)
  await expect(page.locator('.maplibregl-canvas').count()).resolves.toBe(1)
  expect(errors).toEqual([])
  await context.close()
})

test('without WebGL the map is never built and the list is shown, with no error', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', ...WIDE })
  await context.addInitScript(() => {
    const original = HTMLCanvasElement.prototype.getContext
    HTMLCanvasElement.prototype.getContext = function (this: HTMLCanvasElement, type: string, ...rest: unknown[]) {
      return type.startsWith('webgl') ? null : (original as (...args: unknown[]) => unknown).call(this, type, ...rest)
    } as typeof original
  })
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  await page.goto(`${inject('baseUrl')}?view=map`)
  await expect.poll(() => page.locator('.list-item').count(), { timeout: 60_000 }).toBeGreaterThan(0)
  await expect.poll(() => page.locator('.maplibregl-canvas').count()).toBe(0)
  expect(errors).toEqual([])
  await context.close()
})

test('the default build makes no third-party request: map, glyphs, data, clusters and zoom are all same-origin', async () => {
  const context = await browser.newContext({ locale: 'zh-CN', ...WIDE })
  const page = await context.newPage()
  const requests: string[] = []
  context.on('request', (request) => requests.push(request.url()))
  const base = inject('baseUrl')
  await page.goto(base)
  await expect.poll(() => rendered(page), { timeout: 60_000 }).toBe(institutions.features.length)
  // Zoom in far enough for community names and institution names (local CJK, shipped Latin glyphs).
  const [lng, lat] = institutions.features[0].geometry.coordinates
  await page.goto(`${base}?lng=${lng}&lat=${lat}&z=15&view=map&lang=en`)
  await settled(page)
  expect(requests.some((url) => url.includes('/glyphs/NotoSans-Regular/0-255.pbf'))).toBe(true)
  const origin = new URL(base).origin
  const foreign = requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:') && !url.startsWith('blob:'))
  expect(foreign).toEqual([])
  await context.close()
})

test('a deep link naming one institution centers the map on it at street level', async () => {
  const target = institutions.features[7]
  const [lng, lat] = target.geometry.coordinates
  const { page, context, errors } = await openPage(browser, `${inject('baseUrl')}?id=${target.properties.id}`, WIDE)
  await page.mouse.move(600, 500) // the first interaction starts MapLibre at once
  const box = await settled(page)
  expect(lng).toBeGreaterThan(box.west)
  expect(lng).toBeLessThan(box.east)
  expect(lat).toBeGreaterThan(box.south)
  expect(lat).toBeLessThan(box.north)
  // Street level: the view spans a few kilometres, not the whole city (~0.55° wide).
  expect(box.east - box.west).toBeLessThan(0.1)
  expect(errors).toEqual([])
  await context.close()
})
