import { readFileSync } from 'node:fs'
import type { FeatureCollection, Point } from 'geojson'
import type { Page } from 'playwright-core'
import type { InstitutionProperties } from '../../src/lib/types'

export type Institutions = FeatureCollection<Point, InstitutionProperties>

/** The dataset of the build under test (the same files the app fetches). */
export function loadInstitutions(): Institutions {
  return JSON.parse(readFileSync(`${process.env.E2E_DIST ?? 'dist'}/data/institutions.geojson`, 'utf8')) as Institutions
}

/** The always-visible count as a number; accepts `共 N 家` and `N institutions`. */
export async function shownCount(page: Page): Promise<number> {
  const text = (await page.getByTestId('result-count').textContent()) ?? ''
  const match = /(\d+)/.exec(text)
  if (!match) throw new Error(`no count in "${text}"`)
  return Number(match[1])
}

/** Waits until the data has loaded (the count is no longer 0 for a non-empty dataset). */
export async function waitForData(page: Page) {
  await page.getByTestId('result-count').waitFor()
  await page.waitForFunction(() => ![...document.querySelectorAll('[role="status"]')].some((element) => element.textContent?.includes('正在加载')))
  await page.locator('.list-item').first().waitFor({ state: 'attached' })
}
