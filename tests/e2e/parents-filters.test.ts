import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import type { Browser, Page } from 'playwright-core'
import { matchesFilters, NO_FILTERS, type InstitutionFilters } from '../../src/lib/filter-institutions'
import { launchBrowser, openPage } from './browser'
import { loadInstitutions, shownCount, waitForData } from './parents-helpers'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser() })
afterAll(async () => { await browser?.close() })

const institutions = loadInstitutions()
const expectedCount = (filters: Partial<InstitutionFilters>) =>
  institutions.features.filter((feature) => matchesFilters(feature.properties, { ...NO_FILTERS, ...filters })).length

const chip = (page: Page, name: string) => page.getByRole('button', { name, exact: true })

async function showWholeList(page: Page) {
  const more = page.getByRole('button', { name: /^显示更多/ })
  while (await more.count() > 0) await more.click()
}

test('each filter chip and combination changes 共 N 家 as the data says', async () => {
  const { page, context, errors } = await openPage(browser, inject('baseUrl'))
  await waitForData(page)
  expect(await shownCount(page)).toBe(institutions.features.length)
  await expect.poll(() => page.getByTestId('result-count').textContent()).toBe(`共 ${institutions.features.length} 家`)

  const steps: [string, Partial<InstitutionFilters>][] = [
    ['普惠', { puhui: true }],
    ['社区', { puhui: true, types: ['community'] }],
    ['幼儿园托班', { puhui: true, types: ['community', 'kindergarten'] }],
    ['普惠', { types: ['community', 'kindergarten'] }],
    ['用人单位', { types: ['community', 'kindergarten', 'employer'] }],
  ]
  for (const [name, filters] of steps) {
    await chip(page, name).click()
    await expect.poll(() => shownCount(page)).toBe(expectedCount(filters))
  }
  // The 筛选 dialog: the other types, age, service, price, 医育结合, 托育+康复, town; its live 显示 N 家 agrees.
  const openSheet = () => page.getByRole('button', { name: /^筛选/ }).click()
  const sheet = page.getByRole('dialog', { name: '筛选' })
  const closeSheet = () => sheet.getByRole('button', { name: '完成' }).click()
  await openSheet()
  await sheet.getByRole('button', { name: '清除', exact: true }).click()
  await expect.poll(() => shownCount(page)).toBe(institutions.features.length)
  const more: [() => Promise<unknown>, Partial<InstitutionFilters>][] = [
    [() => chip(page, '综合服务中心').click(), { types: ['center'] }],
    [() => chip(page, '其他机构').click(), { types: ['center', 'private'] }],
    [() => chip(page, '其他机构').click(), { types: ['center'] }],
    [() => chip(page, '综合服务中心').click(), {}],
    [() => page.getByLabel('孩子月龄').selectOption('18'), { ageMonths: 18 }],
    [() => page.getByLabel('服务形式').selectOption('fullDay'), { ageMonths: 18, service: 'fullDay' }],
    [() => page.getByLabel('全日托月费不超过').selectOption('1787'), { ageMonths: 18, service: 'fullDay', maxPrice: 1787 }],
    // 有空位 is a chip of the row behind the dialog: close it, press the chip, open it again.
    [async () => { await closeSheet(); await chip(page, '有空位').click(); await openSheet() },
      { ageMonths: 18, service: 'fullDay', maxPrice: 1787, hasVacancy: true }],
    [() => sheet.getByRole('button', { name: '清除', exact: true }).click(), {}],
    [() => chip(page, '医育结合').click(), { medical: true }],
    [() => chip(page, '托育+康复').click(), { medical: true, inclusive: true }],
    [() => chip(page, '医育结合').click(), { inclusive: true }],
    [() => chip(page, '托育+康复').click(), {}],
    [() => page.getByLabel('镇（区）', { exact: true }).selectOption('tangqiao'), { town: 'tangqiao' }],
    [async () => { await closeSheet(); await chip(page, '普惠').click() }, { town: 'tangqiao', puhui: true }],
  ]
  const counts = new Set<number>()
  for (const [act, filters] of more) {
    await act()
    const expected = expectedCount(filters)
    counts.add(expected)
    await expect.poll(() => shownCount(page)).toBe(expected)
    if (await sheet.isVisible()) expect(await sheet.getByRole('button', { name: /^显示 \d+ 家$/ }).textContent()).toContain(`显示 ${expected} 家`)
  }
  // The steps really narrowed things down (the data is not degenerate).
  expect(counts.size).toBeGreaterThan(4)
  expect(errors).toEqual([])
  await context.close()
})

test('pinyin initials and full pinyin find the 杨舍镇 institutions', async () => {
  const { page, context } = await openPage(browser, inject('baseUrl'))
  await waitForData(page)
  const yangshe = institutions.features.filter(({ properties: p }) => `${p.name}${p.address}${p.town}`.includes('杨舍镇'))
  expect(yangshe.length).toBeGreaterThan(5)
  for (const query of ['ysz', 'yangshe']) {
    await page.getByRole('searchbox').fill(query)
    await expect.poll(() => shownCount(page)).toBeGreaterThanOrEqual(yangshe.length)
    await page.getByRole('button', { name: '列表', exact: true }).click()
    await showWholeList(page)
    const shownIds = await page.locator('.list-item').evaluateAll((items) => items.map((item) => item.getAttribute('data-id')))
    for (const feature of yangshe) expect(shownIds).toContain(feature.properties.id)
    expect(shownIds.length).toBe(await shownCount(page))
    await page.getByRole('button', { name: '地图', exact: true }).click()
  }
  await page.getByRole('searchbox').fill('梁丰')
  await expect.poll(() => shownCount(page)).toBe(institutions.features.filter(({ properties: p }) => `${p.name}${p.address}${p.town}`.includes('梁丰')).length)
  await context.close()
})

test('a deep link with id opens that sheet; the state survives a reload; invalid values are ignored', async () => {
  const target = institutions.features[Math.floor(institutions.features.length / 2)].properties
  const url = `${inject('baseUrl')}?types=community,kindergarten,bogus&puhui=1&age=999&id=${target.id}&view=list&lang=xx`
  const { page, context, errors } = await openPage(browser, url)
  await waitForData(page)
  const sheet = page.getByRole('complementary', { name: target.name })
  await sheet.waitFor()
  await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('institution-sheet-title')
  await expect.poll(() => sheet.textContent()).toContain(target.address)
  const expected = expectedCount({ puhui: true, types: ['community', 'kindergarten'] })
  await expect.poll(() => shownCount(page)).toBe(expected)
  expect(await chip(page, '普惠').getAttribute('aria-pressed')).toBe('true')
  await page.getByRole('button', { name: '用人单位', exact: true }).click()
  await expect.poll(() => shownCount(page)).toBe(expectedCount({ puhui: true, types: ['community', 'kindergarten', 'employer'] }))
  await expect.poll(() => page.url()).toContain('employer')
  expect(page.url()).not.toContain('bogus')

  await page.reload()
  await waitForData(page)
  await sheet.waitFor()
  expect(await shownCount(page)).toBe(expectedCount({ puhui: true, types: ['community', 'kindergarten', 'employer'] }))
  expect(await chip(page, '用人单位').getAttribute('aria-pressed')).toBe('true')
  expect(await page.getByRole('button', { name: '列表', exact: true }).getAttribute('aria-pressed')).toBe('true')

  // Closing moves focus back into the page, and the id leaves the URL.
  await sheet.getByRole('button', { name: '关闭详情' }).click()
  await expect.poll(() => page.url()).not.toContain('id=')
  expect(errors).toEqual([])
  await context.close()
})

test('English and elder mode work and are remembered', async () => {
  const { page, context } = await openPage(browser, `${inject('baseUrl')}?lang=en&elder=1`)
  await waitForData(page)
  await expect.poll(() => page.getByTestId('result-count').textContent()).toBe(`${institutions.features.length} institutions`)
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('en')
  await page.getByRole('button', { name: 'Affordable (普惠)', exact: true }).click()
  await expect.poll(() => shownCount(page)).toBe(expectedCount({ puhui: true }))
  // Elder mode: every text ≥ 20 px (MIIT 2021: main text ≥ 18 dp/pt, the unit CSS px maps to) and every button at least 60 × 60.
  await page.getByRole('button', { name: 'List', exact: true }).click()
  const smallText = await page.evaluate(() => [...document.querySelectorAll('.app *')]
    .filter((element) => (element as HTMLElement).offsetParent !== null && !element.closest('.map-pane')
      && [...element.childNodes].some((node) => node.nodeType === Node.TEXT_NODE && node.textContent?.trim()))
    .map((element) => ({ text: element.textContent?.trim().slice(0, 20), size: parseFloat(getComputedStyle(element).fontSize) }))
    .filter(({ size }) => size < 20))
  expect(smallText).toEqual([])
  expect(await page.locator('.list-item').count()).toBeGreaterThan(0)
  const small = await page.evaluate(() => [...document.querySelectorAll('button, select, a[href], input[type="search"]')]
    .filter((element) => (element as HTMLElement).offsetParent !== null && !element.closest('.map-pane'))
    .map((element) => ({ text: element.textContent?.trim(), box: element.getBoundingClientRect() }))
    .filter(({ box }) => box.width < 60 || box.height < 60)
    .map(({ text, box }) => `${text} ${box.width}×${box.height}`))
  expect(small).toEqual([])
  // Remembered without the URL.
  await page.goto(inject('baseUrl'))
  await waitForData(page)
  await expect.poll(() => page.getByTestId('result-count').textContent()).toMatch(/institutions$/)
  expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true)
  await page.getByRole('button', { name: 'Menu' }).click()
  await page.getByRole('checkbox', { name: /elder-friendly/ }).uncheck()
  await page.getByRole('radio', { name: '中文' }).check()
  await expect.poll(() => page.getByTestId('result-count').textContent()).toMatch(/^共 \d+ 家$/)
  expect(await page.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(false)
  await context.close()
})
