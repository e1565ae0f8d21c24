// `npm run lighthouse`: builds the data and the app, serves dist/ with scripts/serve.mjs, runs Lighthouse 12
// (mobile, simulated throttling) in headless Chromium, and prints the four category scores, LCP and TBT, then the
// dist checks (first-screen JS without MapLibre ≤ 80 kB gzip, data ≤ 150 kB gzip, precache list).
// Flags: --no-build (use the existing build), --dist=DIR (serve and check DIR instead of dist/; implies --no-build),
// --runs=N (median of N runs, default 1). CHROME_PATH picks the browser.
import { spawnSync } from 'node:child_process'
import { writeFileSync, mkdirSync } from 'node:fs'
import lighthouse from 'lighthouse'
import { launch } from 'chrome-launcher'
import { createStaticServer } from './serve.mjs'
import { checkDist } from './check-dist.mjs'

const args = process.argv.slice(2)
const runs = Number(args.find((arg) => arg.startsWith('--runs='))?.split('=')[1] ?? 1)
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

const results = []
try {
  for (let run = 0; run < runs; run++) {
    const { lhr } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error' })
    mkdirSync('tmp', { recursive: true })
    writeFileSync('tmp/lighthouse.json', JSON.stringify(lhr))
    results.push({
      performance: lhr.categories.performance.score * 100,
      accessibility: lhr.categories.accessibility.score * 100,
      'best-practices': lhr.categories['best-practices'].score * 100,
      seo: lhr.categories.seo.score * 100,
      lcpMs: lhr.audits['largest-contentful-paint'].numericValue,
      tbtMs: lhr.audits['total-blocking-time'].numericValue,
      failed: Object.values(lhr.categories).flatMap((category) => category.auditRefs
        .filter((ref) => ref.weight > 0 && lhr.audits[ref.id].score !== null && lhr.audits[ref.id].score < 1)
        .map((ref) => `${category.id}: ${ref.id} (${lhr.audits[ref.id].displayValue ?? lhr.audits[ref.id].score})`)),
    })
  }
} finally {
  await chrome.kill()
  server.close()
}

const median = (key) => results.map((result) => result[key]).sort((a, b) => a - b)[Math.floor(results.length / 2)]
console.log(`Lighthouse ${url} (mobile, simulated throttling, ${runs} run${runs > 1 ? 's, median' : ''})`)
console.log(`performance ${median('performance')}  accessibility ${median('accessibility')}  best-practices ${median('best-practices')}  seo ${median('seo')}`)
console.log(`LCP ${(median('lcpMs') / 1000).toFixed(2)} s  TBT ${Math.round(median('tbtMs'))} ms`)
const failed = [...new Set(results.flatMap((result) => result.failed))]
if (failed.length) console.log(`below 100: ${failed.join(', ')}`)
console.log('full report of the last run: tmp/lighthouse.json')
let ok = true
for (const check of checkDist(dist)) {
  console.log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`)
  ok &&= check.ok
}
process.exit(ok ? 0 : 1)
