import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { createHash } from 'node:crypto'
import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { launchBrowser } from './browser'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser() })
afterAll(async () => { await browser?.close() })

const hostile = readFileSync('tests/fixtures/hostile/institutions.geojson')

test('names and fields with HTML or script render as text and run nothing', async () => {
  // The service worker is blocked so that page.route sees the data request.
  const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' })
  const page = await context.newPage()
  const dialogs: string[] = []
  page.on('dialog', (dialog) => { dialogs.push(dialog.message()); void dialog.dismiss() })
  await page.route('**/data/institutions.geojson', (route) => route.fulfill({ body: hostile, contentType: 'application/geo+json' }))
  // The manifest vouches for the hostile file, as a manifest built from a hostile registry would.
  await page.route('**/data/manifest.json', async (route) => {
    const manifest = await (await route.fetch()).json()
    manifest.files['institutions.geojson'] = { hash: createHash('sha256').update(hostile).digest('hex'), bytes: hostile.byteLength }
    manifest.counts.institutions = 2
    await route.fulfill({ json: manifest })
  })
  await page.goto(`${inject('baseUrl')}?view=list`)
  const first = page.locator('.list-item[data-id="HOSTILE1"]').getByRole('button').first()
  await first.waitFor()
  expect(await page.getByTestId('result-count').textContent()).toBe('共 2 家')
  expect(await first.textContent()).toContain('<img src=x onerror="window.__pwned=1">恶意托育点')
  await first.click()
  const sheet = page.getByRole('complementary')
  await sheet.waitFor()
  const text = await sheet.textContent()
  for (const fragment of ['<script>window.__pwned=2</script>', '"><svg onload="window.__pwned=3"></svg>', "{{ constructor.constructor('window.__pwned=7')() }}",
    '<iframe src="javascript:window.__pwned=6"></iframe>', '<b onmouseover="window.__pwned=5">8-17</b>']) {
    expect(text).toContain(fragment)
  }
  // The javascript: "phone" becomes no link at all.
  expect(await sheet.locator('a[href^="javascript"]').count()).toBe(0)
  // No element from the data's markup; the map placeholder's own picture is the only image allowed before MapLibre starts.
  expect(await page.locator('.app img:not(.map-placeholder), .app svg, .app iframe, .app script, .app b').count()).toBe(0)
  await sheet.getByRole('button', { name: '导航', exact: true }).click()
  await page.locator('.list-item[data-id="HOSTILE2"]').getByRole('button').first().click()
  await expect.poll(() => sheet.textContent()).toContain('{{ 7*7 }} <script>window.__pwned=9</script>')
  expect(await sheet.textContent()).toContain('杨舍镇 ${alert(1)} @{x} | 托育')
  await page.getByRole('searchbox').fill('script')
  await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('共 2 家')
  expect(await page.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined()
  expect(dialogs).toEqual([])
  await context.close()
})
