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

/** The first screen, the list with every "more" filter open, and the detail sheet: all checked. */
async function checkScreens(page: Page) {
  await waitForData(page)
  expect(await violations(page)).toEqual([])
  await page.getByRole('button', { name: /^(更多筛选|More filters)/ }).click()
  await page.getByRole('button', { name: /^(菜单|Menu)$/ }).click()
  await page.getByRole('button', { name: /^(列表|List)$/ }).click()
  expect(await violations(page)).toEqual([])
  await page.locator('.list-item button').first().click()
  await page.getByRole('complementary').waitFor()
  await page.getByRole('complementary').getByRole('button', { name: /^(导航|Navigate)/ }).click()
  expect(await violations(page)).toEqual([])
}

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
