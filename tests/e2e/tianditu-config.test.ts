import { afterAll, beforeAll, expect, test } from 'vitest'
import { cpSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openPage } from './browser'
import { startServer, waitForServiceWorker } from './pwa-helpers'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser() })
afterAll(async () => { await browser?.close() })

const TOKEN = 'fake-token-e2e'
/** A 1×1 PNG: what the routed Tianditu host answers with (no request ever leaves the machine). */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQIAX8jx0gAAAABJRU5ErkJggg==', 'base64')
const MAP = '张家港托育机构地图'
const generation = (page: Page) => page.getByRole('region', { name: MAP }).getAttribute('data-map-generation').then(Number)
const drawn = (page: Page) => page.getByRole('region', { name: MAP }).getAttribute('data-rendered-institutions').then(Number)

test('with a token in config.json (no rebuild) the map draws Tianditu online, and offline falls back to the local basemap with a notice', async () => {
  // The deployed build with config.json set at deploy time: serve.mjs reads it and allows Tianditu's hosts.
  const root = mkdtempSync(join(tmpdir(), 'zjg-tianditu-'))
  cpSync(process.env.E2E_DIST ?? 'dist', root, { recursive: true })
  writeFileSync(join(root, 'config.json'), JSON.stringify({ tiandituToken: TOKEN }))
  const server = await startServer(root)
  const tiles: string[] = []
  const { page, context, errors } = await openPage(browser, `${server.url}?map=eager`, {}, async (opened) => {
    await opened.context().route(/tianditu\.gov\.cn/, async (route) => {
      tiles.push(route.request().url())
      await route.fulfill({ status: 200, contentType: 'image/png', body: PNG })
    })
  })
  try {
    await expect.poll(() => tiles.length, { timeout: 60_000 }).toBeGreaterThan(0)
    for (const url of tiles) expect(url).toMatch(new RegExp(`^https://t[0-7]\\.tianditu\\.gov\\.cn/(vec|cva)_w/wmts\\?.*&tk=${TOKEN}$`))
    await expect.poll(() => page.getByText('天地图 审图号：GS(2024)0568号').isVisible()).toBe(true)
    expect(await page.getByText(/离线：天地图不可用/).count()).toBe(0)
    await waitForServiceWorker(page) // the app's own files (map worker, glyphs, data) are precached for offline

    // Offline: a new map on the local land-and-water basemap, a notice, no 审图号, and no request to Tianditu.
    const before = await generation(page)
    await context.setOffline(true)
    await expect.poll(() => page.getByRole('status').filter({ hasText: '离线：天地图不可用' }).isVisible()).toBe(true)
    await expect.poll(() => generation(page)).toBe(before + 1)
    const requestedOnline = tiles.length
    await expect.poll(() => drawn(page), { timeout: 60_000 }).toBeGreaterThan(0)
    expect(tiles.length).toBe(requestedOnline)
    expect(await page.getByText(/审图号/).count()).toBe(0)

    // Online again: Tianditu comes back.
    await context.setOffline(false)
    await expect.poll(() => tiles.length, { timeout: 60_000 }).toBeGreaterThan(requestedOnline)
    await expect.poll(() => page.getByText(/离线：天地图不可用/).count()).toBe(0)
    expect(errors).toEqual([])
  } finally {
    await context.close()
    await server.stop()
    rmSync(root, { recursive: true, force: true })
  }
})
