import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser } from './browser'
import { institutionCount, institutionNames, renderedInstitutions, waitForServiceWorker } from './pwa-helpers'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser() })
afterAll(async () => { await browser?.close() })

test('a full session makes only same-origin requests in the default build', async () => {
  const root = process.env.E2E_DIST ?? 'dist'
  const base = new URL(inject('baseUrl'))
  const context = await browser.newContext({ locale: 'zh-CN' })
  const requested: string[] = []
  // Context-level: page, worker and service-worker requests alike.
  context.on('request', (request) => requested.push(request.url()))
  const page = await context.newPage()
  await page.goto(base.href)
  await expect.poll(() => renderedInstitutions(page), { timeout: 60_000 }).toBe(institutionCount(root))
  await waitForServiceWorker(page)

  // Use the app: pan and zoom the map, search, filter, open an institution.
  const map = page.getByRole('region', { name: '张家港托育机构地图' })
  const box = await map.boundingBox()
  if (box) {
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.wheel(0, -600)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2 + 80, box.y + box.height / 2 + 40, { steps: 5 })
    await page.mouse.up()
  }
  await page.getByRole('searchbox').fill(institutionNames(root)[1])
  await page.getByRole('searchbox').fill('')
  await page.getByRole('button', { name: '普惠', exact: true }).click()
  await page.getByRole('region', { name: '机构列表' }).getByRole('listitem').first().getByRole('button').first().click()
  await page.reload()
  await expect.poll(() => renderedInstitutions(page), { timeout: 60_000 }).toBeGreaterThan(0)

  expect(requested.length).toBeGreaterThan(10)
  expect(requested.some((url) => url.includes('maplibre-gl-worker'))).toBe(true)
  expect(requested.some((url) => url.includes('/glyphs/'))).toBe(true)
  const foreign = requested.filter((url) => !url.startsWith('data:') && !url.startsWith('blob:') && new URL(url).origin !== base.origin)
  expect(foreign).toEqual([])
  await context.close()
})
