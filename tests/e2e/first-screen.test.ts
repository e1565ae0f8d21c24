import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import { launchBrowser, openPage } from './browser'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser() })
afterAll(async () => { await browser?.close() })

const institutions = JSON.parse(readFileSync(`${process.env.E2E_DIST ?? 'dist'}/data/institutions.geojson`, 'utf8')) as { features: unknown[] }

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

test('the one-line sample notice and the loading word in the sheet are on the first paint; nothing moves down when the data arrives', async () => {
  const manifest = JSON.parse(readFileSync(`${process.env.E2E_DIST ?? 'dist'}/data/manifest.json`, 'utf8')) as { sample: boolean; generatedAt: string }
  expect(manifest.sample).toBe(true)
  // Hold the manifest (and with it every data file) until the first screen has been looked at.
  let release = () => {}
  const held = new Promise<void>((resolve) => { release = resolve })
  const { page, context, errors } = await openPage(browser, inject('baseUrl'),
    { viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true },
    (page) => page.route('**/data/manifest.json', async (route) => { await held; await route.continue() }))
  const sheet = page.getByRole('region', { name: '搜索结果' })
  // The loading word stands in the count's place, inside the results sheet.
  await expect.poll(() => sheet.getByTestId('result-count').textContent()).toBe('正在加载数据…')
  const notice = page.getByRole('banner').getByRole('note')
  expect(await notice.textContent()).toContain('示例数据')
  // One line: the notice is no taller than a touch target plus its border.
  expect((await notice.boundingBox())?.height).toBeLessThanOrEqual(50)
  // The data's date lives in the menu now: no footer on the first screen.
  expect(await page.getByRole('contentinfo').count()).toBe(0)
  const parts = [
    page.getByRole('banner'), page.getByRole('region', { name: '筛选' }), page.getByRole('main'), sheet,
    page.getByRole('button', { name: '附近的机构' }),
  ]
  const boxes = () => Promise.all(parts.map(async (part) => {
    const box = await part.boundingBox()
    return box ? [Math.round(box.y), Math.round(box.height)] : 'missing'
  }))
  const before = await boxes()
  expect(before).not.toContain('missing')
  release()
  await expect.poll(() => sheet.getByTestId('result-count').textContent()).toMatch(/^共 [1-9]\d* 家$/)
  expect(await boxes()).toEqual(before)
  // The date arrived with the data, in the menu.
  await page.getByRole('button', { name: '菜单' }).click()
  await expect.poll(() => page.getByText(`数据更新于 ${manifest.generatedAt.slice(0, 10)}`).isVisible()).toBe(true)
  expect(errors).toEqual([])
  await context.close()
})
