import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openPage } from './browser'
import { loadInstitutions, waitForData } from './parents-helpers'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser() })
afterAll(async () => { await browser?.close() })

const target = loadInstitutions().features[0].properties

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

/** The first screen, the filter dialog, the menu, the list, the detail sheet and its route chooser: all checked. */
async function checkScreens(page: Page) {
  await waitForData(page)
  expect(await violations(page)).toEqual([])
  await page.getByRole('button', { name: /^(筛选|Filters)$/ }).click()
  const filterDialog = page.getByRole('dialog', { name: /^(筛选|Filters)$/ })
  await filterDialog.waitFor()
  expect(await violations(page)).toEqual([])
  await filterDialog.getByRole('button', { name: /^(完成|Done)$/ }).click()
  await filterDialog.waitFor({ state: 'hidden' })
  await page.getByRole('button', { name: /^(菜单|Menu)$/ }).click()
  await page.getByRole('button', { name: /^(列表|List)$/ }).click()
  expect(await violations(page)).toEqual([])
  await page.getByRole('region', { name: /^(机构列表|Institution list)$/ }).getByRole('listitem').first().getByRole('button').first().click()
  await page.getByRole('complementary').waitFor()
  await page.getByRole('complementary').getByRole('button', { name: /^(导航|Navigate)/ }).click()
  expect(await violations(page)).toEqual([])
}

/** The phone's results sheet at each of its heights (the handle cycles peek → half → full). */
test.each([
  ['zh', '', /^结果面板：(收起|半屏|全屏)/],
  ['elder', '?elder=1', /^结果面板：(收起|半屏|全屏)/],
  ['en', '?lang=en', /^Results panel: /],
])('axe: no violations in the phone\'s results sheet at peek, half and full (%s)', async (_, query, handleName) => {
  const { page, context } = await openPage(browser, `${inject('baseUrl')}${query}`, { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true })
  await waitForData(page)
  const handle = page.getByRole('button', { name: handleName })
  const seen = new Set<string>()
  for (let step = 0; step < 3; step += 1) {
    seen.add((await handle.getAttribute('aria-label')) ?? '')
    expect(await violations(page)).toEqual([])
    await handle.click()
  }
  expect(seen.size).toBe(3)
  await context.close()
})

test('axe: no violations in the normal mode', async () => {
  const { page, context } = await openPage(browser, `${inject('baseUrl')}?id=${target.id}`)
  await page.getByRole('complementary').waitFor()
  await page.getByRole('button', { name: '关闭详情' }).click()
  await checkScreens(page)
  await context.close()
})

test('axe: no violations in elder mode', async () => {
  const { page, context } = await openPage(browser, `${inject('baseUrl')}?elder=1`)
  await checkScreens(page)
  await context.close()
})

test('axe: no violations in English', async () => {
  const { page, context } = await openPage(browser, `${inject('baseUrl')}?lang=en`)
  await checkScreens(page)
  await context.close()
})
