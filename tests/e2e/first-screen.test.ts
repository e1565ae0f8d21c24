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
