import { afterAll, beforeAll, expect, inject, test } from 'vitest'
import { readFileSync } from 'node:fs'
import type { Browser } from 'playwright-core'
import type { DemandBasis, IndicatorsFile } from '../../src/lib/types'
import { launchBrowser, openPage } from './browser'

let browser: Browser
beforeAll(async () => { browser = await launchBrowser() })
afterAll(async () => { await browser?.close() })

const indicators = JSON.parse(readFileSync(`${process.env.E2E_DIST ?? 'dist'}/data/indicators.json`, 'utf8')) as IndicatorsFile
const PER_1000_UNDER3 = 'placesPer1000Under3'

/** The built file's per-1,000-under-3 value of the city on one basis, as the table writes it (two decimals at most). */
function expectedValue(basis: DemandBasis): string {
  const row = indicators.byBasis?.[basis]?.city.find((indicator) => indicator.id === PER_1000_UNDER3)
  if (!row || row.value === null) throw new Error(`indicators.json has no ${PER_1000_UNDER3} on ${basis}`)
  return `${row.value.toLocaleString('zh-CN', { maximumFractionDigits: 2 })} ${row.unit}`.trim()
}
const demandOf = (basis: DemandBasis) => {
  const entry = indicators.demand?.find((candidate) => candidate.id === basis)
  if (!entry) throw new Error(`indicators.json has no demand entry ${basis}`)
  return entry
}

test('switching the under-3 basis changes the KPI table to the births-based figures and names the basis', async () => {
  const { page, context, errors } = await openPage(browser, `${inject('baseUrl')}?view=planner`, { viewport: { width: 1200, height: 900 } })
  const births = demandOf('births')
  const plan = demandOf('plan')
  expect(expectedValue('births')).not.toBe(expectedValue('plan'))
  const row = page.getByRole('region', { name: '全市：方案指标' }).getByRole('row', { name: new RegExp(`^${indicators.city.find((indicator) => indicator.id === PER_1000_UNDER3)?.name}`) })
  await expect.poll(() => row.getByRole('cell').nth(1).textContent(), { timeout: 60_000 }).toBe(expectedValue('plan'))
  const picker = page.getByLabel('3 岁以下人数口径')
  await expect.poll(() => picker.locator('option:checked').textContent()).toContain(plan.name)

  await picker.selectOption('births')
  await expect.poll(() => row.getByRole('cell').nth(1).textContent()).toBe(expectedValue('births'))
  const note = page.getByTestId('demand-note')
  await expect.poll(() => note.textContent()).toContain(births.name)
  expect(await note.textContent()).toContain(births.total.toLocaleString('zh-CN'))
  expect(await note.textContent()).toContain(births.formula)

  // The coverage figures follow: the city's under-3 total is now the births basis's.
  await page.getByRole('tab', { name: '覆盖' }).click()
  await expect.poll(() => page.getByTestId('covered-under3').textContent(), { timeout: 60_000 }).toContain(`/ ${births.total.toLocaleString('zh-CN')} 人`)
  // The printed report names the basis in its meta line.
  expect(await page.locator('.planner-report').textContent()).toContain(`3 岁以下：${births.name}`)
  expect(errors).toEqual([])
  await context.close()
})
