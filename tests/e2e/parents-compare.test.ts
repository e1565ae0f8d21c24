import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser } from 'playwright-core'
import { launchBrowser, openPage } from './browser'
import { waitForData } from './parents-helpers'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser() })
afterAll(async () => { await browser?.close() })

test('favourites are kept, three institutions compare side by side, share copies a link with the id', async () => {
  const { page, context, errors } = await openPage(browser, `${inject('baseUrl')}?view=list`, {
    permissions: ['clipboard-read', 'clipboard-write'],
  })
  await waitForData(page)
  // Headless Chromium has no share sheet: the copy-link fallback is used.
  await page.evaluate(() => { Object.defineProperty(navigator, 'share', { value: undefined }) })
  const items = page.locator('.list-item')
  const names: string[] = []
  for (let index = 0; index < 4; index++) {
    const name = (await items.nth(index).locator('.name').textContent()) ?? ''
    await items.nth(index).getByRole('button').first().click()
    const sheet = page.getByRole('complementary')
    // The sheet is a lazy chunk and re-renders on selection: wait for this institution's heading.
    await sheet.getByRole('heading', { level: 2, name, exact: true }).waitFor()
    names.push(name)
    if (index === 0) {
      await sheet.getByRole('button', { name: '收藏' }).click()
      await sheet.getByRole('button', { name: '分享' }).click()
      await sheet.getByText('链接已复制').waitFor()
      const copied = await page.evaluate(() => navigator.clipboard.readText())
      const id = await items.nth(0).getAttribute('data-id')
      expect(new URL(copied).searchParams.get('id')).toBe(id)
    }
    const compare = sheet.getByRole('button', { name: index < 3 ? '加入对比' : '最多对比 3 家' })
    if (index < 3) await compare.click()
    else expect(await compare.isDisabled()).toBe(true)
  }
  await page.getByRole('button', { name: '关闭详情' }).click()
  await page.getByRole('button', { name: '查看对比' }).click()
  // The compare table is a lazy chunk: poll until it has rendered.
  const table = page.getByRole('table')
  await expect.poll(() => table.locator('thead th .name').allTextContents()).toEqual(names.slice(0, 3))
  await expect.poll(() => table.locator('tbody tr').first().locator('td').count()).toBe(3)
  // The favourite survives a reload and can be listed alone.
  await page.reload()
  await waitForData(page)
  await page.getByRole('checkbox', { name: '只看收藏' }).check()
  await expect.poll(() => items.count()).toBe(1)
  await expect.poll(() => items.first().locator('.name').textContent()).toBe(names[0])
  expect(errors).toEqual([])
  await context.close()
})
