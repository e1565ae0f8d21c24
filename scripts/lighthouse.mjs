// `npm run lighthouse`: builds the data and the app, serves dist/ with scripts/serve.mjs, runs Lighthouse 12
// (mobile, simulated throttling) in headless Chromium, and prints the four category scores, LCP and TBT, then the
// dist checks (first-screen JS without MapLibre ≤ 80 kB gzip, data ≤ 150 kB gzip, precache list).
// Two pages are measured: the default one (a static map picture built from the data paints first; MapLibre starts
// at the first touch, or by itself once the page has been quiet — no request, no long task — for 4 s after load,
// which is after Lighthouse's trace ends; "MapLibre started in the trace" says whether it did) and `?map=eager`,
// where MapLibre starts at the first idle moment after load, so its whole start-up (code, worker, style, data,
// first frames) lies inside the trace.
// Flags: --no-build (use the existing build), --dist=DIR (serve and check DIR instead of dist/; implies --no-build),
// --runs=N (N runs per page: prints the median and each run), --with-map (only the page with the map),
// --without-map (only the default page). CHROME_PATH picks the browser. Reports (last run):
// tmp/lighthouse.json, tmp/lighthouse-map.json. This machine's CPU load moves the simulated numbers: measure alone.
import { spawnSync } from 'node:child_process'
import { writeFileSync, mkdirSync } from 'node:fs'
import lighthouse from 'lighthouse'
import { launch } from 'chrome-launcher'
import { createStaticServer } from './serve.mjs'
import { checkDist } from './check-dist.mjs'

const args = process.argv.slice(2)
const runs = Number(args.find((arg) => arg.startsWith('--runs='))?.split('=')[1] ?? 1)
const pages = [
  { name: 'default page (map starts at first touch or when idle)', query: '', report: 'tmp/lighthouse.json' },
  { name: 'with the map (?map=eager: MapLibre starts inside the trace)', query: '?map=eager', report: 'tmp/lighthouse-map.json' },
].filter((page) => !(args.includes('--with-map') && !page.query) && !(args.includes('--without-map') && page.query))
const dist = args.find((arg) => arg.startsWith('--dist='))?.slice('--dist='.length) ?? 'dist'

if (!args.includes('--no-build') && dist === 'dist') {
  for (const [command, commandArgs] of [['npm', ['run', '--silent', 'data']], ['npx', ['vite', 'build']]]) {
    const result = spawnSync(command, commandArgs, { stdio: ['ignore', 'ignore', 'inherit'] })
    if (result.status !== 0) process.exit(result.status ?? 1)
  }
}

const server = createStaticServer(dist)
await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve))
const url = `http://127.0.0.1:${server.address().port}/`
const chrome = await launch({
  chromePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu-sandbox'],
})

/** Did MapLibre really start inside the trace? Its chunk, its worker and the glyphs show in the network log. */
function mapStarted(lhr) {
  const urls = (lhr.audits['network-requests'].details?.items ?? []).map((item) => item.url)
  return ['maplibre', 'worker', 'glyphs/'].every((part) => urls.some((url) => url.includes(part)))
}

/** The main-thread tasks that cost most (bootup-time per script, long tasks), for finding what to make cheaper. */
function costliest(lhr) {
  const scripts = (lhr.audits['bootup-time'].details?.items ?? []).slice(0, 4)
    .map((item) => `${item.url.replace(/^.*\//, '')} ${Math.round(item.scripting)} ms`)
  const longTasks = (lhr.audits['long-tasks']?.details?.items ?? []).slice(0, 5).map((item) => Math.round(item.duration))
  return `script time: ${scripts.join(', ')}; longest tasks (ms): ${longTasks.join(', ') || 'none'}`
}

const measured = []
try {
  for (const page of pages) {
    const results = []
    for (let run = 0; run < runs; run++) {
      const { lhr } = await lighthouse(url + page.query, { port: chrome.port, output: 'json', logLevel: 'error' })
      mkdirSync('tmp', { recursive: true })
      writeFileSync(page.report, JSON.stringify(lhr))
      results.push({
        performance: Math.round(lhr.categories.performance.score * 100),
        accessibility: Math.round(lhr.categories.accessibility.score * 100),
        'best-practices': Math.round(lhr.categories['best-practices'].score * 100),
        seo: Math.round(lhr.categories.seo.score * 100),
        lcpMs: lhr.audits['largest-contentful-paint'].numericValue,
        tbtMs: lhr.audits['total-blocking-time'].numericValue,
        mapStarted: mapStarted(lhr),
        costliest: costliest(lhr),
        failed: Object.values(lhr.categories).flatMap((category) => category.auditRefs
          .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
          .map((ref) => `${category.id}: ${ref.id} (${lhr.audits[ref.id].displayValue ?? lhr.audits[ref.id].score})`)),
      })
    }
    measured.push({ page, results })
  }
} finally {
  await chrome.kill()
  server.close()
}

console.log(`Lighthouse ${url} (mobile, simulated throttling, ${runs} run${runs > 1 ? 's per page, median' : ' per page'})`)
for (const { page, results } of measured) {
  const median = (key) => results.map((result) => result[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)]
  console.log(`\n${page.name}: ${url}${page.query}`)
  console.log(`performance ${median('performance')}  accessibility ${median('accessibility')}  best-practices ${median('best-practices')}  seo ${median('seo')}`)
  console.log(`LCP ${(median('lcpMs') / 1000).toFixed(2)} s  TBT ${Math.round(median('tbtMs'))} ms  MapLibre started in the trace: ${results.map((result) => (result.mapStarted ? 'yes' : 'no')).join('/')}`)
  if (results.length > 1) {
    results.forEach((result, index) => console.log(`  run ${index + 1}: performance ${result.performance}  accessibility ${result.accessibility}  best-practices ${result['best-practices']}  seo ${result.seo}  LCP ${(result.lcpMs / 1000).toFixed(2)} s  TBT ${Math.round(result.tbtMs)} ms  MapLibre in the trace: ${result.mapStarted ? 'yes' : 'no'}`))
  }
  console.log(results.at(-1).costliest)
  const failed = [...new Set(results.flatMap((result) => result.failed))]
  if (failed.length) console.log(`below 100: ${failed.join(', ')}`)
  console.log(`full report of the last run: ${page.report}`)
}
console.log('')
let ok = true
for (const check of checkDist(dist)) {
  console.log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`)
  ok &&= check.ok
}
process.exit(ok ? 0 : 1)
