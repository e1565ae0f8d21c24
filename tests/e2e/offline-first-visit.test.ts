import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openPage } from './browser'
import { institutionCount, institutionNames, renderedInstitutions, startServer } from './pwa-helpers'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser() })
afterAll(async () => { await browser?.close() })

/** Whether the page has fetched a script whose name starts with `chunk` (the lazy chunks are named by component). */
const fetched = (page: Page, chunk: string) => page.evaluate((prefix) => performance.getEntriesByType('resource')
  .some((entry) => new URL(entry.name).pathname.split('/').pop()?.startsWith(prefix) === true), chunk)

test('the first visit is offline-safe: the worker takes control without a reload, then lazy chunks load offline', async () => {
  const root = process.env.E2E_DIST ?? 'dist'
  const total = institutionCount(root)
  const server = await startServer(root)
  const { page, context, errors } = await openPage(browser, server.url)
  await expect.poll(() => renderedInstitutions(page), { timeout: 60_000 }).toBe(total)
  // clientsClaim: the worker that installed during this visit controls it, with no navigation in between.
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: 60_000 })
  expect(await page.evaluate(() => performance.getEntriesByType('navigation').length)).toBe(1)
  // Neither chunk was needed yet, so only the service worker can provide them below.
  expect(await fetched(page, 'InstitutionSheet')).toBe(false)
  expect(await fetched(page, 'PlannerView')).toBe(false)

  await server.stop()
  await context.setOffline(true)

  const name = institutionNames(root)[0]
  await page.getByRole('searchbox').fill(name)
  // The card's own button (its name starts with the institution's), not its 导航 or 拨打.
  await page.getByRole('region', { name: '机构列表' }).locator('.list-item .open').filter({ hasText: name }).first().click()
  const sheet = page.getByRole('complementary', { name })
  await sheet.getByRole('heading', { level: 2, name, exact: true }).waitFor({ timeout: 30_000 })
  await sheet.getByRole('button', { name: '关闭详情' }).click()

  await page.getByRole('button', { name: '菜单' }).click()
  await page.getByRole('button', { name: '规划', exact: true }).click()
  await page.getByRole('region', { name: '全市：方案指标' }).getByRole('table').waitFor({ timeout: 60_000 })
  expect(await fetched(page, 'InstitutionSheet')).toBe(true)
  expect(await fetched(page, 'PlannerView')).toBe(true)

  expect(errors).toEqual([])
  await context.close()
})
