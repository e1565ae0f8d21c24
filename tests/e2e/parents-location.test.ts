import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { distanceMeters } from '../../src/lib/distance-meters'
import { launchBrowser, openPage } from './browser'
import { loadInstitutions, waitForData } from './parents-helpers'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser() })
afterAll(async () => { await browser?.close() })

const institutions = loadInstitutions()

async function listedIds(page: Page) {
  const more = page.getByRole('button', { name: /^显示更多/ })
  while (await more.count() > 0) await more.click()
  return page.locator('.list-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-id')))
}

test('near me with a granted location lists the institutions within 1,000 m', async () => {
  // Stand next to the institution with the most neighbours, so the circle holds several.
  const home = institutions.features
    .map((feature) => feature.geometry.coordinates as [number, number])
    .map((point) => ({ point, around: institutions.features.filter((other) => distanceMeters(point, other.geometry.coordinates as [number, number]) <= 1000).length }))
    .sort((a, b) => b.around - a.around)[0]
  const [longitude, latitude] = [home.point[0] + 0.001, home.point[1] + 0.0005]
  const inside = institutions.features
    .filter((feature) => distanceMeters([longitude, latitude], feature.geometry.coordinates as [number, number]) <= 1000)
    .map((feature) => feature.properties.id)
  expect(inside.length).toBeGreaterThan(1)
  expect(inside.length).toBeLessThan(institutions.features.length)

  const { page, context, errors } = await openPage(browser, `${inject('baseUrl')}?view=list`, {
    permissions: ['geolocation'], geolocation: { longitude, latitude, accuracy: 20 },
  })
  await waitForData(page)
  // Nothing is asked before the button press.
  expect(await page.getByText(/步行 15 分钟/).count()).toBe(0)
  await page.getByRole('button', { name: '附近的机构' }).click()
  await expect.poll(() => page.getByRole('region', { name: '附近的机构' }).textContent())
    .toContain(`步行 15 分钟（1000 米）内有 ${inside.length} 家机构`)
  // The header and the list agree: everything is listed, nearest first, with how many are within the walk.
  await expect.poll(() => page.getByTestId('result-count').textContent()).toBe(`共 ${institutions.features.length} 家 · 15 分钟内 ${inside.length} 家`)
  expect((await listedIds(page)).length).toBe(institutions.features.length)
  const firstDistance = await page.locator('.list-item').first().textContent()
  expect(firstDistance).toMatch(/直线 \d+ 米 · 约 \d+ 分钟/)
  // Only the circle, when the user asks for it (never ticked for them).
  const onlyInside = page.getByRole('checkbox', { name: '只看步行 15 分钟圈内' })
  expect(await onlyInside.isChecked()).toBe(false)
  await onlyInside.check()
  expect((await listedIds(page)).sort()).toEqual([...inside].sort())
  expect(errors).toEqual([])
  await context.close()
})

test('a denied location says so and offers a town or a tap on the map', async () => {
  const { page, context } = await openPage(browser, inject('baseUrl'), { permissions: [] })
  await waitForData(page)
  await page.getByRole('button', { name: '附近的机构' }).click()
  await expect.poll(() => page.getByRole('region', { name: '附近的机构' }).textContent()).toContain('您拒绝了位置权限')
  await page.getByRole('button', { name: '在地图上点选我的位置' }).waitFor()
  await page.getByLabel('选择所在镇（区）').selectOption('tangqiao')
  await expect.poll(() => page.getByRole('region', { name: '附近的机构' }).textContent()).toMatch(/我的位置（大约：塘桥.*）.*内有 \d+ 家机构/)
  await context.close()
})

test.each([['zh', ''], ['elder', '?elder=1']] as const)('on a 360×740 phone (%s), a denied location raises the sheet: the reason and every way to give a place are on screen', async (_mode, query) => {
  const { page, context, errors } = await openPage(browser, `${inject('baseUrl')}${query}`, {
    viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true, permissions: [],
  })
  await waitForData(page)
  await page.getByRole('button', { name: '附近的机构', exact: true }).click()
  const reason = page.getByText(/^您拒绝了位置权限/)
  const controls = [reason, page.getByLabel('选择所在镇（区）'), page.getByLabel('或搜索村/社区'), page.getByRole('button', { name: '在地图上点选我的位置' })]
  const inView = async () => {
    for (const control of controls) {
      const box = await control.boundingBox()
      if (box === null || box.y < 0 || box.y + box.height > 740 || box.x < 0 || box.x + box.width > 360) return false
    }
    return true
  }
  // The sheet's height animates: poll until it has settled.
  await expect.poll(inView, { timeout: 10_000 }).toBe(true)
  expect(await page.getByRole('button', { name: /^结果面板/ }).getAttribute('aria-label')).toMatch(/^结果面板：半屏/)
  expect(errors).toEqual([])
  await context.close()
})
