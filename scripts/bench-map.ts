/**
 * Map filter benchmark (issue 3): the built app in headless Chromium with 10,000 synthetic institutions served in
 * place of data/institutions.geojson. Toggles the 普惠 chip several times and, for each toggle, records a Chromium
 * trace from the click until the map is idle with the new count, then prints:
 *   - map setFilter: the map controller's own main-thread cost of the change (performance.measure in src/map),
 *   - main thread total / longest task: every task on the page's main thread in that window (Vue, list, MapLibre),
 *   - whether `共 N 家`, the drawn features and matchesFilters agree.
 * Budget: the map's filter change ≤ 16 ms (one frame). Exit code 1 when the counts disagree or the budget is missed.
 *
 * Usage: npm run data && npx tsx scripts/bench-map.ts. It builds the app with VITE_TEST_HOOKS=1 (the drawn count and
 * the measure exist only in test builds) into tmp/bench-map-dist; BENCH_DIST=dir uses another such build instead.
 */
import { spawnSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { chromium, type Page } from 'playwright-core'
import { sha256Hex } from '../src/lib/hash'
import { matchesFilters, NO_FILTERS } from '../src/lib/filter-institutions'
import type { ManifestFile } from '../src/lib/types'
import { createStaticServer } from './serve.mjs'
import { syntheticInstitutions } from './bench-map-data'

const COUNT = Number(process.env.BENCH_INSTITUTIONS ?? 10_000)
const TOGGLES = 6
const BUDGET_MS = 16
const root = process.env.BENCH_DIST ?? 'tmp/bench-map-dist'

interface TraceEvent { name: string; ph: string; tid: number; pid: number; ts: number; dur?: number; args?: { name?: string } }

/** Sum and maximum of the top-level tasks on the renderer's main thread. */
function mainThreadTasks(trace: Buffer): { total: number; longest: number } {
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents
  const main = events.find((event) => event.name === 'thread_name' && event.args?.name === 'CrRendererMain')
  if (!main) return { total: NaN, longest: NaN }
  const tasks = events.filter((event) => event.pid === main.pid && event.tid === main.tid && event.ph === 'X' && event.name === 'RunTask')
  const durations = tasks.map((event) => (event.dur ?? 0) / 1000)
  return { total: durations.reduce((sum, value) => sum + value, 0), longest: Math.max(0, ...durations) }
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

async function shown(page: Page): Promise<number> {
  return Number(/(\d+)/.exec((await page.getByTestId('result-count').textContent()) ?? '')?.[1] ?? NaN)
}
async function drawn(page: Page): Promise<number> {
  return Number(await page.locator('[data-rendered-institutions]').getAttribute('data-rendered-institutions'))
}
async function waitFor(page: Page, expected: number) {
  const deadline = Date.now() + 60_000
  while (Date.now() < deadline) {
    if (await shown(page) === expected && await drawn(page) === expected) return
    await page.waitForTimeout(50)
  }
  throw new Error(`timed out: count ${await shown(page)}, drawn ${await drawn(page)}, expected ${expected}`)
}

async function main() {
  if (!process.env.BENCH_DIST) {
    if (!existsSync('public/data/manifest.json')) throw new Error('public/data/manifest.json missing: run `npm run data` first')
    const build = spawnSync('npx', ['vite', 'build', '--outDir', root, '--emptyOutDir'], { stdio: 'inherit', env: { ...process.env, VITE_TEST_HOOKS: '1' } })
    if (build.status !== 0) throw new Error('vite build failed')
  }
  if (!existsSync(`${root}/index.html`)) throw new Error(`${root}/index.html missing: build it with VITE_TEST_HOOKS=1 first`)
  const data = syntheticInstitutions(COUNT)
  const body = Buffer.from(JSON.stringify(data))
  const manifest = JSON.parse(readFileSync(`${root}/data/manifest.json`, 'utf8')) as ManifestFile
  manifest.files['institutions.geojson'] = { hash: await sha256Hex(new Uint8Array(body)), bytes: body.byteLength }
  manifest.dataVersion = `bench-${COUNT}`
  const everything = data.features.length
  const puhui = data.features.filter((feature) => matchesFilters(feature.properties, { ...NO_FILTERS, puhui: true })).length

  const server = createStaticServer(root)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] })
  try {
    // No service worker: the routes below must answer every data request.
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1100, height: 800 }, serviceWorkers: 'block' })
    await context.route('**/data/institutions.geojson', (route) => route.fulfill({ body, contentType: 'application/geo+json' }))
    await context.route('**/data/manifest.json', (route) => route.fulfill({ json: manifest }))
    const page = await context.newPage()
    await page.goto(`http://127.0.0.1:${port}/?view=map`)
    await page.locator('[data-map-generation="1"]').waitFor({ timeout: 60_000 })
    if (await page.locator('[data-rendered-institutions]').count() === 0) throw new Error(`${root} was built without VITE_TEST_HOOKS=1`)
    await waitFor(page, everything)

    const rows: Array<{ setFilter: number; total: number; longest: number; expected: number; agree: boolean }> = []
    for (let toggle = 0; toggle < TOGGLES; toggle += 1) {
      const expected = toggle % 2 === 0 ? puhui : everything
      await page.evaluate(() => performance.clearMeasures('map:setFilter'))
      await browser.startTracing(page, { categories: ['toplevel', 'disabled-by-default-devtools.timeline'] })
      await page.getByRole('button', { name: '普惠', exact: true }).click()
      await waitFor(page, expected)
      const trace = await browser.stopTracing()
      const setFilter = await page.evaluate(() => performance.getEntriesByName('map:setFilter').reduce((sum, entry) => sum + entry.duration, 0))
      const tasks = mainThreadTasks(trace)
      const agree = await shown(page) === expected && await drawn(page) === expected
      rows.push({ setFilter, ...tasks, expected, agree })
      console.log(`toggle ${toggle + 1}: 共 ${expected} 家 drawn ${await drawn(page)} | map setFilter ${setFilter.toFixed(2)} ms | main thread total ${tasks.total.toFixed(1)} ms, longest task ${tasks.longest.toFixed(1)} ms`)
    }
    const mapCost = median(rows.map((row) => row.setFilter))
    const allAgree = rows.every((row) => row.agree)
    console.log(`map filter toggle with ${COUNT} institutions: median map setFilter ${mapCost.toFixed(2)} ms (budget ${BUDGET_MS} ms), `
      + `median main-thread total ${median(rows.map((row) => row.total)).toFixed(1)} ms, median longest task ${median(rows.map((row) => row.longest)).toFixed(1)} ms; `
      + `count text and drawn features ${allAgree ? 'agree' : 'DISAGREE'}`)
    process.exitCode = allAgree && mapCost <= BUDGET_MS ? 0 : 1
  } finally {
    await browser.close()
    server.close()
  }
}

await main()
