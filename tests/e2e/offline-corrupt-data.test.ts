import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, openPage } from './browser'
import { institutionCount, renderedInstitutions } from './pwa-helpers'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser() })
afterAll(async () => { await browser?.close() })

const root = process.env.E2E_DIST ?? 'dist'

// Without a service worker, so the browser's own routing can serve a broken deployment to the page.
test('a corrupt or partial data file never blanks the app: the last good data stays', async () => {
  const total = institutionCount(root)
  const { page, context, errors } = await openPage(browser, inject('baseUrl'), { serviceWorkers: 'block' })
  await expect.poll(() => renderedInstitutions(page), { timeout: 60_000 }).toBe(total)
  // The last good copy is written in the background after the data is shown.
  await expect.poll(() => page.evaluate(async () => (await (await caches.open('zjg-data-last-good')).keys()).length)).toBeGreaterThan(3)

  await page.route('**/data/institutions.geojson', async (route) => {
    const response = await route.fetch()
    const body = await response.body()
    await route.fulfill({ response, body: body.subarray(0, Math.floor(body.length / 2)) })
  })
  await page.reload()
  await expect.poll(() => page.getByText('最新数据未能完整加载').isVisible(), { timeout: 30_000 }).toBe(true)
  await expect.poll(() => renderedInstitutions(page), { timeout: 60_000 }).toBe(total)
  expect(errors).toEqual([])
  await context.close()
})

test('with no data and nothing stored, the failure is explained and retry loads the data', async () => {
  const total = institutionCount(root)
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' })
  const page = await context.newPage()
  await page.route('**/data/manifest.json', (route) => route.fulfill({ status: 503, body: 'unavailable' }))
  await page.goto(inject('baseUrl'))
  const alert = page.getByRole('alert')
  // Plain words and a retry, never the technical reason.
  await expect.poll(() => alert.textContent(), { timeout: 30_000 }).toContain('机构数据没有加载成功')
  expect(await alert.textContent()).not.toMatch(/HTTP|Failed to fetch/)
  await page.unroute('**/data/manifest.json')
  await alert.getByRole('button', { name: '重试' }).click()
  await expect.poll(() => renderedInstitutions(page), { timeout: 60_000 }).toBe(total)
  expect(await page.getByRole('alert').count()).toBe(0)
  await context.close()
})
