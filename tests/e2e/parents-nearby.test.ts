import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { FeatureCollection, Point } from 'geojson'
import type { Browser, Page } from 'playwright-core'
import { distanceMeters } from '../../src/lib/distance-meters'
import type { CommunityProperties } from '../../src/lib/types'
import { launchBrowser, openPage } from './browser'
import { loadInstitutions, waitForData } from './parents-helpers'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser() })
afterAll(async () => { await browser?.close() })

const PHONE = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true }
const institutions = loadInstitutions()
const WALK_TEXT = /直线 ([\d.]+) (米|公里) · 约 (\d+) 分钟/

/** A spot a little off the institution with the most neighbours within 1 km, so the answer has several results. */
function busiestSpot(): [number, number] {
  const points = institutions.features.map((feature) => feature.geometry.coordinates as [number, number])
  const best = points
    .map((point) => ({ point, around: points.filter((other) => distanceMeters(point, other) <= 1000).length }))
    .sort((a, b) => b.around - a.around)[0]
  return [best.point[0] + 0.0012, best.point[1] + 0.0007]
}

const mapRegion = (page: Page) => page.getByRole('region', { name: '张家港托育机构地图' })

/** The map's centre once it has settled after the near-me flight (test builds mark the visible bounds at idle). */
async function mapCentreNear(page: Page, home: [number, number]) {
  await expect.poll(async () => {
    // The camera's centre, which is the centre of the map left visible above the results sheet.
    const center = (await mapRegion(page).getAttribute('data-view-center')) ?? ''
    if (!center) return Infinity
    const [lng, lat] = center.split(',').map(Number)
    return distanceMeters(home, [lng, lat])
  }, { timeout: 60_000, interval: 500 }).toBeLessThan(2000)
}

/** The URL must never carry the position: no lng/lat/z, and none of the place's digits. */
function expectPrivateUrl(url: string, home: [number, number]) {
  const params = new URL(url).searchParams
  for (const key of ['lng', 'lat', 'z']) expect(params.has(key)).toBe(false)
  expect(url).not.toContain(home[0].toFixed(3))
  expect(url).not.toContain(home[1].toFixed(3))
}

/** On a phone the list may sit behind the view switch; show it the way a user would. */
async function showList(page: Page) {
  const list = page.getByRole('region', { name: '机构列表' })
  if (!(await list.isVisible())) await page.getByRole('group', { name: '视图' }).getByRole('button', { name: '列表' }).click()
  await list.locator('.list-item').first().waitFor()
  return list
}

test('near me at 390×844: the map fits the user, the list sorts by distance with walking times, cards call and navigate', async () => {
  const home = busiestSpot()
  const { page, context, errors } = await openPage(browser, inject('baseUrl'), {
    ...PHONE, permissions: ['geolocation', 'clipboard-read', 'clipboard-write'],
    geolocation: { longitude: home[0], latitude: home[1], accuracy: 20 },
  })
  await page.getByTestId('result-count').waitFor()
  await page.getByRole('button', { name: '附近的机构' }).click()
  await mapCentreNear(page, home)
  expectPrivateUrl(page.url(), home)

  const list = await showList(page)
  const cards = list.getByRole('listitem')
  const expectedOrder = institutions.features
    .map((feature) => ({ id: feature.properties.id, meters: distanceMeters(home, feature.geometry.coordinates as [number, number]) }))
    .sort((a, b) => a.meters - b.meters || a.id.localeCompare(b.id))
  const shownIds = await list.locator('.list-item').evaluateAll((items) => items.slice(0, 5).map((item) => item.getAttribute('data-id')))
  expect(shownIds).toEqual(expectedOrder.slice(0, 5).map((entry) => entry.id))
  for (let index = 0; index < 5; index += 1) {
    const card = cards.nth(index)
    const match = WALK_TEXT.exec((await card.textContent()) ?? '')
    const meters = Number(match?.[1]) * (match?.[2] === '公里' ? 1000 : 1)
    expect(Math.abs(meters - expectedOrder[index].meters)).toBeLessThanOrEqual(50)
    expect(Number(match?.[3])).toBe(Math.max(1, Math.round(expectedOrder[index].meters / 80)))
    expect(await card.getByRole('link', { name: /^拨打/ }).getAttribute('href')).toMatch(/^tel:[\d+-]+$/)
    expect(await card.getByRole('button', { name: /^导航到/ }).count()).toBe(1)
  }

  // 导航 opens walking routes.
  await cards.first().getByRole('button', { name: /^导航到/ }).click()
  const amap = cards.first().getByRole('link', { name: '高德地图' })
  expect(new URL((await amap.getAttribute('href')) ?? '').searchParams.get('mode')).toBe('walk')

  // The detail sheet gives the same distance and walking time.
  const firstWalk = WALK_TEXT.exec((await cards.first().textContent()) ?? '')?.[0]
  await cards.first().getByRole('button').first().click()
  const sheet = page.getByRole('complementary', { name: institutions.features.find((feature) => feature.properties.id === shownIds[0])?.properties.name })
  await expect.poll(() => sheet.textContent()).toContain(firstWalk)
  expectPrivateUrl(page.url(), home)
  expect(new URL(page.url()).searchParams.get('id')).toBe(shownIds[0])

  // The share link names the institution only.
  await sheet.getByRole('button', { name: '分享' }).click()
  await expect.poll(() => sheet.getByRole('status').textContent()).toMatch(/链接已复制|无法自动复制/)
  const shared = await page.evaluate(() => navigator.clipboard.readText()).catch(() => '')
    || ((await sheet.getByRole('textbox').inputValue().catch(() => '')))
  expect(new URL(shared).searchParams.get('id')).toBe(shownIds[0])
  expectPrivateUrl(shared, home)
  expectPrivateUrl(page.url(), home)
  // Clearing my place leaves the camera on the user's home: it still stays out of the URL.
  await page.getByRole('button', { name: '关闭详情' }).click()
  await page.getByRole('button', { name: '清除我的位置' }).click()
  await expect.poll(() => list.locator('.list-item').first().textContent()).not.toMatch(WALK_TEXT)
  expectPrivateUrl(page.url(), home)
  expect(errors).toEqual([])
  await context.close()
})

test('in embed mode with the host\'s lng/lat, near me never calls the browser\'s geolocation', async () => {
  const home = busiestSpot()
  const { page, context, errors } = await openPage(browser, `${inject('baseUrl')}?embed=1&lng=${home[0].toFixed(6)}&lat=${home[1].toFixed(6)}`, PHONE, (page) =>
    page.addInitScript(() => {
      const calls: unknown[] = []
      Object.assign(window, { geolocationCalls: calls })
      const geolocation = navigator.geolocation as Geolocation | undefined
      if (geolocation) geolocation.getCurrentPosition = (...args: unknown[]) => { calls.push(args) }
    }))
  await page.getByTestId('result-count').waitFor()
  await page.getByRole('button', { name: '附近的机构' }).click()
  await mapCentreNear(page, home)
  await showList(page)
  expect(await page.getByRole('region', { name: '机构列表' }).locator('.list-item').first().textContent()).toMatch(WALK_TEXT)
  expect(await page.evaluate(() => (window as unknown as { geolocationCalls: unknown[] }).geolocationCalls.length)).toBe(0)
  expectPrivateUrl(page.url(), home)
  expect(errors).toEqual([])
  await context.close()
})

test('denied: a 村/社区 found by pinyin becomes an approximate "my place", and the answer follows', async () => {
  const communities = JSON.parse(readFileSync(`${process.env.E2E_DIST ?? 'dist'}/data/communities.geojson`, 'utf8')) as FeatureCollection<Point, CommunityProperties>
  const community = communities.features.find((feature) => feature.properties.name.startsWith('中港社区'))
  expect(community).toBeDefined()
  const { page, context } = await openPage(browser, `${inject('baseUrl')}?view=list`, { ...PHONE, permissions: [] })
  await waitForData(page)
  await page.getByRole('button', { name: '附近的机构' }).click()
  await page.getByLabel('或搜索村/社区').fill('zhonggang')
  await page.getByRole('button', { name: '以 中港社区 为我的位置' }).click()
  await expect.poll(() => page.getByRole('region', { name: '附近的机构' }).textContent()).toContain('我的位置（大约：中港社区）')
  expect(await page.locator('.list-item').first().textContent()).toMatch(WALK_TEXT)
  // Without a place there are no distances and no distance order.
  await page.getByRole('button', { name: '清除我的位置' }).click()
  await expect.poll(() => page.locator('.list-item').first().textContent()).not.toMatch(WALK_TEXT)
  expect(await page.getByRole('option', { name: /距离/ }).count()).toBe(0)
  await context.close()
})

test.each([
  ['normal', 44, ''],
  ['elder', 60, '&elder=1'],
])('%s mode: every card\'s 拨打 and 导航 are at least %d px tall, and their labels stay on one line', async (_, minimum, query) => {
  const { page, context } = await openPage(browser, `${inject('baseUrl')}?view=list${query}`, PHONE)
  await waitForData(page)
  const cards = page.getByRole('region', { name: '机构列表' }).getByRole('listitem')
  for (const card of [cards.first(), cards.nth(1)]) {
    for (const control of [card.getByRole('link', { name: /^拨打/ }), card.getByRole('button', { name: /^导航到/ })]) {
      expect((await control.boundingBox())?.height).toBeGreaterThanOrEqual(minimum)
      // One line: the label's words are less than two font sizes tall (a broken "拨 / 打" would be two lines). The icon
      // is not part of the label: in elder mode it stands above the word by design.
      expect(await control.evaluate((element) => {
        const walker = document.createTreeWalker(element, NodeFilter.SHOW_TEXT)
        const words: Text[] = []
        for (let node = walker.nextNode(); node; node = walker.nextNode()) {
          if (node.textContent?.trim() && !node.parentElement?.closest('[aria-hidden="true"]')) words.push(node as Text)
        }
        const range = document.createRange()
        range.setStart(words[0], 0)
        range.setEnd(words[words.length - 1], words[words.length - 1].length)
        return range.getBoundingClientRect().height / parseFloat(getComputedStyle(element).fontSize)
      })).toBeLessThan(2)
    }
  }
  await context.close()
})

/** Whether an element lies wholly inside the viewport and is the topmost thing at its centre (not covered). */
function whollyOnFirstScreen(element: Element) {
  const box = element.getBoundingClientRect()
  const inside = box.width > 0 && box.height > 0 && box.top >= 0 && box.left >= 0
    && box.bottom <= window.innerHeight && box.right <= window.innerWidth
  const top = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2)
  return inside && top !== null && element.contains(top)
}

/** How each mode names what the test looks for (en is the English interface; embed takes the host's lng/lat). */
const MODES = {
  zh: { query: '', nearMe: '附近的机构', handle: /^结果面板：半屏/, list: '机构列表', sheet: '搜索结果', map: '张家港托育机构地图', call: /^拨打/, navigate: /^导航到/, walk: WALK_TEXT },
  en: { query: 'lang=en', nearMe: 'Near me', handle: /^Results panel: half screen/, list: 'Institution list', sheet: 'Results', map: 'Map of childcare institutions in Zhangjiagang', call: /^Call /, navigate: /^Directions to /, walk: /[\d.]+ (m|km) straight line · about \d+ min walk/ },
  elder: { query: 'elder=1', nearMe: '附近的机构', handle: /^结果面板：半屏/, list: '机构列表', sheet: '搜索结果', map: '张家港托育机构地图', call: /^拨打/, navigate: /^导航到/, walk: WALK_TEXT },
  embed: { query: 'embed=1', nearMe: '附近的机构', handle: /^结果面板：半屏/, list: '机构列表', sheet: '搜索结果', map: '张家港托育机构地图', call: /^拨打/, navigate: /^导航到/, walk: WALK_TEXT },
} as const
const SIZES = [[360, 740], [390, 844], [430, 932]] as const
const casesFor = (modes: readonly (keyof typeof MODES)[]) => SIZES.flatMap(([width, height]) => modes.map((mode) => [width, height, mode] as const))

// Elder mode too: its cards stand 拨打 and 导航 beside the text, so two whole cards fit at 360 × 740 with 20 px text.
test.each(casesFor(['zh', 'en', 'elder', 'embed']))('at %d×%d (%s), after near me with a granted position, at least two results with call and navigate are wholly on the first screen and the map centre is within 2 km', async (width, height, mode) => {
  await nearMeFirstScreen(width, height, mode)
})

async function nearMeFirstScreen(width: number, height: number, mode: keyof typeof MODES) {
  const home = busiestSpot()
  const names = MODES[mode]
  // Embed mode: the host gives the position (no browser prompt); elsewhere the browser's, granted.
  const query = mode === 'embed' ? `${names.query}&lng=${home[0].toFixed(6)}&lat=${home[1].toFixed(6)}` : names.query
  const { page, context, errors } = await openPage(browser, `${inject('baseUrl')}${query ? `?${query}` : ''}`, {
    viewport: { width, height }, isMobile: true, hasTouch: true, locale: mode === 'en' ? 'en-US' : 'zh-CN',
    permissions: ['geolocation'], geolocation: { longitude: home[0], latitude: home[1], accuracy: 20 },
  })
  await waitForData(page)
  await page.getByRole('button', { name: names.nearMe, exact: true }).click()
  await expect.poll(async () => {
    const center = (await page.getByRole('region', { name: names.map }).getAttribute('data-view-center')) ?? ''
    return center ? distanceMeters(home, center.split(',').map(Number) as [number, number]) : Infinity
  }, { timeout: 60_000, interval: 500 }).toBeLessThan(2000)
  // Near me opens the results sheet at half height, over the map.
  await expect.poll(() => page.getByRole('button', { name: /^(结果面板|Results panel)/ }).getAttribute('aria-label')).toMatch(names.handle)
  const cards = page.getByRole('region', { name: names.list }).getByRole('listitem')
  await expect.poll(() => cards.first().textContent()).toMatch(names.walk)
  const sheet = page.getByRole('region', { name: names.sheet, exact: true })
  const onScreen = async () => {
    const sheetTop = (await sheet.boundingBox())?.y ?? height
    let count = 0
    for (const card of await cards.all()) {
      const call = card.getByRole('link', { name: names.call })
      const navigate = card.getByRole('button', { name: names.navigate })
      if (await call.count() !== 1 || await navigate.count() !== 1) continue
      if (!(await call.getAttribute('href'))?.startsWith('tel:')) continue
      // The buttons must be reachable (topmost); the whole card must lie in the sheet, above the viewport's bottom edge.
      const [callShown, navigateShown] = await Promise.all([call, navigate].map((part) => part.evaluate(whollyOnFirstScreen)))
      const cardBox = await card.boundingBox()
      const cardInside = cardBox !== null && cardBox.y >= sheetTop && cardBox.y + cardBox.height <= height
      if (cardInside && callShown && navigateShown) count += 1
    }
    return count
  }
  // The sheet's height animates: poll until it has settled with the results in view.
  await expect.poll(onScreen, { timeout: 10_000 }).toBeGreaterThanOrEqual(2)
  expect(await page.evaluate(() => window.innerHeight)).toBe(height)
  expectPrivateUrl(page.url(), home)
  expect(errors).toEqual([])
  await context.close()
}
