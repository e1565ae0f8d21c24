/**
 * 我的数据 benchmark (issue 13): imports a 20,000-row registry CSV into the built app's planner in headless Chromium
 * and times it from choosing the file until the kept and rejected counts are shown (read, parse and validate in the
 * import worker), then until the planner's 托位 total is the file's (indicators and coverage recomputed).
 * Budget: the import ≤ 5 s. Exit code 1 when it is missed or the counts disagree with the rows written.
 *
 * Usage: npm run data && npx vite build && npx tsx scripts/bench-my-data.ts (BENCH_DIST=dir for another build,
 * BENCH_ROWS=n for another size). The rows are the sample registry's, repeated with new ids, names and small offsets.
 */
import { existsSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { chromium, type Page } from 'playwright-core'
import { syntheticRegistry } from '../tests/fixtures/registry/synthetic-registry'
import { createStaticServer } from './serve.mjs'

const ROWS = Number(process.env.BENCH_ROWS ?? 20_000)
const BUDGET_MS = 5_000
const root = process.env.BENCH_DIST ?? 'dist'

const countsText = (page: Page) => page.getByTestId('my-data-counts').textContent()

async function main() {
  if (!existsSync(`${root}/index.html`)) throw new Error(`${root}/index.html missing: run \`npm run data && npx vite build\` first`)
  const csv = Buffer.from(syntheticRegistry(ROWS))
  const server = createStaticServer(root)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  const browser = await chromium.launch({ executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium', args: ['--no-sandbox'] })
  try {
    const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1200, height: 900 }, serviceWorkers: 'block' })
    const page = await context.newPage()
    await page.goto(`http://127.0.0.1:${port}/?view=planner`)
    await page.getByRole('row', { name: /辖区总托位数/ }).waitFor({ timeout: 60_000 })
    await page.getByRole('tab', { name: '数据' }).click()
    const started = performance.now()
    await page.getByLabel('选择文件（机构登记数据）').setInputFiles({ name: `registry-${ROWS}.csv`, mimeType: 'text/csv', buffer: csv })
    await page.getByTestId('my-data-counts').waitFor({ timeout: 120_000 })
    const imported = performance.now() - started
    const counts = (await countsText(page)) ?? ''
    const [read, kept, rejected] = (/读取 ([\d,]+) 行：保留 ([\d,]+) 行，拒绝 ([\d,]+) 行/.exec(counts) ?? []).slice(1).map((value) => Number(value.replace(/,/g, '')))
    const places = (await page.getByText(/^机构登记：/).textContent() ?? '').match(/([\d,]+) 个托位/)?.[1] ?? ''
    await page.getByRole('tab', { name: '指标' }).click()
    const row = page.getByRole('region', { name: '全市：方案指标' }).getByRole('row', { name: /辖区总托位数/ })
    while (!(await row.locator('td').nth(1).textContent() ?? '').startsWith(places)) await page.waitForTimeout(50)
    const recomputed = performance.now() - started
    const agree = read === ROWS && kept + rejected === read
    console.log(`import ${ROWS} rows (${(csv.byteLength / 1e6).toFixed(1)} MB CSV): ${read} read, ${kept} kept, ${rejected} rejected `
      + `in ${(imported / 1000).toFixed(2)} s (budget ${BUDGET_MS / 1000} s); planner recomputed on it (${places} 托位) after ${(recomputed / 1000).toFixed(2)} s`
      + `${agree ? '' : ' — COUNTS DISAGREE'}`)
    process.exitCode = agree && imported <= BUDGET_MS ? 0 : 1
  } finally {
    await browser.close()
    server.close()
  }
}

await main()
