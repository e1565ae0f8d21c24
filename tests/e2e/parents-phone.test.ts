import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import AxeBuilder from '@axe-core/playwright'
import type { Browser, Page } from 'playwright-core'
import { launchBrowser, openPage } from './browser'
import { waitForData } from './parents-helpers'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser() })
afterAll(async () => { await browser?.close() })

const PHONES = [[360, 740], [390, 844], [430, 932]] as const
const MODES = [['zh', ''], ['en', '?lang=en'], ['elder', '?elder=1'], ['embed', '?embed=1']] as const
const CASES = PHONES.flatMap(([width, height]) => MODES.map(([mode, query]) => [width, height, mode, query] as const))

async function openPhone(width: number, height: number, query: string) {
  const opened = await openPage(browser, `${inject('baseUrl')}${query}`, { viewport: { width, height }, hasTouch: true, isMobile: true })
  await waitForData(opened.page)
  return opened
}

/** Short labels (chips, the header's and the sheet's buttons) whose text runs over more than one line. */
function brokenLabels(page: Page) {
  return page.evaluate(() => [...document.querySelectorAll('.filter-bar button, .top-bar button, .results-sheet .head button, .sample-notice summary')]
    .filter((element) => element instanceof HTMLElement && element.offsetParent !== null && element.textContent?.trim())
    .filter((element) => {
      const range = document.createRange()
      range.selectNodeContents(element)
      // An element's box and its text's box on one line differ in top by the half-leading (2 px at 20 px text and a
      // line height of 1.4); a second line starts a whole line lower. So: two tops more than half the font size apart.
      const tops = [...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => rect.top)
      return Math.max(...tops) - Math.min(...tops) > parseFloat(getComputedStyle(element).fontSize) / 2
    })
    .map((element) => element.textContent?.trim() ?? ''))
}

async function violations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze()
  return result.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)
}

test.each(CASES)('%i×%i %s: nothing scrolls sideways, the sheet shows the count at peek, labels stay whole', async (width, height, mode, query) => {
  const { page, context, errors } = await openPhone(width, height, query)
  const widths = await page.evaluate(() => [document.documentElement.scrollWidth, window.innerWidth])
  expect(widths[0]).toBeLessThanOrEqual(widths[1])
  const handle = page.getByRole('button', { name: /^(结果面板|Results panel)/ })
  expect(await handle.getAttribute('aria-expanded')).toBe('false')
  const count = page.getByTestId('result-count')
  expect(await count.isVisible()).toBe(true)
  expect(await count.textContent()).toMatch(/\d+/)
  const box = await count.boundingBox()
  expect((box?.y ?? height) + (box?.height ?? 0)).toBeLessThanOrEqual(height)
  if (mode === 'elder') expect(await brokenLabels(page)).toEqual([])
  expect(errors).toEqual([])
  await context.close()
})

test.each([['zh', ''], ['elder', '?elder=1']] as const)('axe finds nothing at peek, half, full and with the filter sheet open (%s)', async (_mode, query) => {
  const { page, context } = await openPhone(390, 844, query)
  const handle = page.getByRole('button', { name: /^(结果面板|Results panel)/ })
  expect(await violations(page)).toEqual([])
  await handle.click()
  await page.locator('.results-sheet--half').waitFor()
  expect(await violations(page)).toEqual([])
  await handle.press('ArrowUp')
  await page.locator('.results-sheet--full').waitFor()
  expect(await violations(page)).toEqual([])
  await page.keyboard.press('Escape')
  await page.locator('.results-sheet--half').waitFor()
  await page.getByRole('button', { name: /^筛选/ }).click()
  const dialog = page.getByRole('dialog', { name: '筛选' })
  await dialog.waitFor()
  expect(await violations(page)).toEqual([])
  await page.keyboard.press('Escape')
  await dialog.waitFor({ state: 'hidden' })
  await context.close()
})

test('the filter sheet narrows the results live and 显示 N 家 closes it', async () => {
  const { page, context } = await openPhone(390, 844, '')
  await page.getByRole('button', { name: /^筛选/ }).click()
  const dialog = page.getByRole('dialog', { name: '筛选' })
  await dialog.getByLabel('全日托月费不超过').selectOption({ index: 1 })
  const show = dialog.getByRole('button', { name: /^显示 \d+ 家$/ })
  const shown = Number(/\d+/.exec((await show.textContent()) ?? '')?.[0])
  expect(await page.getByTestId('result-count').textContent()).toBe(`共 ${shown} 家`)
  await show.click()
  await dialog.waitFor({ state: 'hidden' })
  expect(await page.getByRole('button', { name: '筛选（1）' }).isVisible()).toBe(true)
  await context.close()
})

test('wide screens put the list left of the map and first in Tab order', async () => {
  const { page, context } = await openPage(browser, `${inject('baseUrl')}`, { viewport: { width: 1280, height: 800 } })
  await waitForData(page)
  const list = await page.getByRole('region', { name: '搜索结果' }).boundingBox()
  const map = await page.locator('.map-pane').boundingBox()
  expect((list?.x ?? 1e9) + (list?.width ?? 0)).toBeLessThanOrEqual(map?.x ?? 0)
  const order = await page.evaluate(() => {
    const sheet = document.querySelector('[data-results-sheet]')
    const mapPane = document.querySelector('.map-pane')
    return sheet && mapPane ? sheet.compareDocumentPosition(mapPane) & Node.DOCUMENT_POSITION_FOLLOWING : 0
  })
  expect(order).toBeGreaterThan(0)
  await context.close()
})
