import { afterAll, beforeAll, expect, test } from 'vitest'
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { spawnSync } from 'node:child_process'
import type { Browser } from 'playwright-core'
import { launchBrowser, openPage } from './browser'
import { institutionCount, renderedInstitutions, startServer, waitForServiceWorker } from './pwa-helpers'

const v1 = process.env.E2E_DIST ?? 'dist'
const work = 'tmp/e2e-update'
const v2 = `${work}/dist`
let browser: Browser

function run(command: string, args: string[], env: Record<string, string> = {}) {
  const result = spawnSync(command, args, { encoding: 'utf8', env: { ...process.env, ...env } })
  if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} failed:\n${result.stdout}\n${result.stderr}`)
}

// Version 2 = the same app with different data: the registry without its last ten rows, built into a copy of
// public/ and then into its own dist with its own precache manifest, as a data-only deployment would be.
beforeAll(async () => {
  rmSync(work, { recursive: true, force: true })
  mkdirSync(work, { recursive: true })
  cpSync('public', `${work}/public`, { recursive: true, filter: (source) => !source.replace(/\\/g, '/').includes('public/data') })
  const rows = readFileSync('data/sources/registry-sample.csv', 'utf8').trimEnd().split('\n')
  writeFileSync(`${work}/registry.csv`, rows.slice(0, -10).join('\n') + '\n')
  run('npx', ['tsx', 'scripts/build-data.ts', '--registry', `${work}/registry.csv`, '--out', `${work}/public/data`])
  run('npx', ['vite', 'build', '--outDir', v2, '--emptyOutDir'], { ZJG_PUBLIC_DIR: `${work}/public`, VITE_TEST_HOOKS: '1' })
  browser = await launchBrowser()
})
afterAll(async () => {
  await browser?.close()
  rmSync(work, { recursive: true, force: true })
})

test('a new deployment shows the update prompt, reloads only when asked, then shows the new data', async () => {
  const oldTotal = institutionCount(v1)
  const newTotal = institutionCount(v2)
  expect(newTotal).toBe(oldTotal - 10)

  const first = await startServer(v1)
  const { page, context, errors } = await openPage(browser, first.url)
  await expect.poll(() => renderedInstitutions(page), { timeout: 60_000 }).toBe(oldTotal)
  await waitForServiceWorker(page)
  await first.stop()

  // Same origin, new version deployed.
  const second = await startServer(v2, first.port)
  await page.reload()
  const prompt = page.getByRole('status').filter({ hasText: '有新版本' })
  await expect.poll(() => prompt.isVisible(), { timeout: 60_000 }).toBe(true)
  // clientsClaim does not apply to updates: the new worker waits, and the old one keeps the page.
  expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.waiting !== null)).toBe(true)
  // Nothing reloaded under the user: the old data is still shown until they choose.
  await expect.poll(() => renderedInstitutions(page), { timeout: 60_000 }).toBe(oldTotal)
  expect(await page.getByText('数据已更新').count()).toBe(0)

  await prompt.getByRole('button', { name: '刷新' }).click()
  await expect.poll(() => renderedInstitutions(page), { timeout: 60_000 }).toBe(newTotal)
  await expect.poll(() => page.getByText(/数据已更新/).isVisible()).toBe(true)
  expect(await page.getByText('有新版本').count()).toBe(0)
  expect(errors).toEqual([])
  await context.close()
  await second.stop()
})
