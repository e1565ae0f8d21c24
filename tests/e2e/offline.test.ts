import { afterAll, beforeAll, expect, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, openPage } from './browser'
import { institutionCount, institutionNames, renderedInstitutions, startServer, waitForServiceWorker } from './pwa-helpers'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser() })
afterAll(async () => { await browser?.close() })

test('after one online visit the app works with the network off and the server stopped', async () => {
  const root = process.env.E2E_DIST ?? 'dist'
  const total = institutionCount(root)
  const server = await startServer(root)
  const { page, context, errors } = await openPage(browser, server.url)
  await expect.poll(() => renderedInstitutions(page), { timeout: 60_000 }).toBe(total)
  await waitForServiceWorker(page)

  await server.stop()
  await context.setOffline(true)
  await page.reload()

  expect(await page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true)
  await expect.poll(() => renderedInstitutions(page), { timeout: 60_000 }).toBe(total)
  const count = page.getByTestId('result-count')
  await expect.poll(() => count.textContent()).toBe(`共 ${total} 家`)

  // Search and a filter still narrow the list offline.
  const firstName = institutionNames(root)[0]
  await page.getByRole('searchbox').fill(firstName)
  await expect.poll(async () => Number((await count.textContent())?.match(/\d+/)?.[0])).toBeLessThan(total)
  await expect.poll(() => page.getByRole('region', { name: '机构列表' }).getByText(firstName).count()).toBeGreaterThan(0)
  await page.getByRole('searchbox').fill('')
  await page.getByRole('button', { name: '普惠', exact: true }).click()
  await expect.poll(async () => Number((await count.textContent())?.match(/\d+/)?.[0])).toBeLessThan(total)

  expect(errors).toEqual([])
  await context.close()
})
