import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { launchBrowser, openPage } from './browser'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser() })
afterAll(async () => { await browser?.close() })

const institutions = JSON.parse(readFileSync('dist/data/institutions.geojson', 'utf8')) as { features: unknown[] }

test('the built app draws every generated institution on the map', async () => {
  const { page, errors, context } = await openPage(browser, inject('baseUrl'))
  const map = page.getByRole('region', { name: '张家港托育机构地图' })
  await expect.poll(async () => Number(await map.getAttribute('data-rendered-institutions')), { timeout: 60_000 })
    .toBe(institutions.features.length)
  expect(institutions.features.length).toBeGreaterThan(100)
  await expect.poll(() => page.getByRole('note').textContent()).toContain('示例数据')
  expect(errors).toEqual([])
  await context.close()
})

test('the sample notice, the footer and the loading word are on the first paint; nothing moves down when the data arrives', async () => {
  const manifest = JSON.parse(readFileSync('dist/data/manifest.json', 'utf8')) as { sample: boolean; generatedAt: string }
  expect(manifest.sample).toBe(true)
  // Hold the manifest (and with it every data file) until the first screen has been looked at.
  let release = () => {}
  const held = new Promise<void>((resolve) => { release = resolve })
  const { page, context, errors } = await openPage(browser, inject('baseUrl'),
    { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
    (page) => page.route('**/data/manifest.json', async (route) => { await held; await route.continue() }))
  await expect.poll(() => page.getByTestId('result-count').textContent()).toBe('正在加载数据…')
  expect(await page.getByRole('note').textContent()).toContain('示例数据')
  expect(await page.getByRole('contentinfo').textContent()).toContain(`数据更新于 ${manifest.generatedAt.slice(0, 10)}`)
  const boxes = () => page.evaluate(() => ['.filter-bar', '.status-row', '.app-main', '.trust-footer'].map((selector) => {
    const box = document.querySelector(selector)?.getBoundingClientRect()
    return box ? [selector, Math.round(box.top), Math.round(box.height)] : [selector, 'missing']
  }))
  const before = await boxes()
  release()
  // The phone's list is built when first shown: the count is the sign that the data is in.
  await expect.poll(() => page.getByTestId('result-count').textContent()).toMatch(/^共 [1-9]\d* 家$/)
  expect(await boxes()).toEqual(before)
  expect(errors).toEqual([])
  await context.close()
})
