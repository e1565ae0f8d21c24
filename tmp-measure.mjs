import { chromium } from 'playwright-core'
import { createStaticServer } from '/work/main/scripts/serve.mjs'
const [w, h, q = ''] = process.argv.slice(2)
const server = createStaticServer('/work/main/dist')
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] })
const context = await browser.newContext({ locale: process.argv[6] ?? 'zh-CN', viewport: { width: +w, height: +h }, isMobile: true, hasTouch: true, geolocation: { longitude: 120.555, latitude: 31.872 }, permissions: ['geolocation'] })
const page = await context.newPage()
await page.goto(`http://127.0.0.1:${server.address().port}/${q}`)
await page.waitForTimeout(2500)
await page.getByRole('button', { name: process.argv[5] ?? '附近的机构', exact: true }).click()
await page.waitForTimeout(3000)
console.log(await page.evaluate(() => {
  const r = (sel) => { const e = document.querySelector(sel); if (!e) return sel + ' none'; const b = e.getBoundingClientRect(); return `${sel} y=${Math.round(b.y)} h=${Math.round(b.height)}` }
  return ['header', '.sample-notice, [class*=sample]', '.filter-bar, [class*=filter-bar]', '.app-main', '[data-results-sheet]', '.handle', '.result-count', '.near-me', '.institution-list', '.list-item', '.list-item + .list-item'].map(r).join('\n')
}))
await page.screenshot({ path: '/tmp/m.png', clip: { x: 0, y: 0, width: +w, height: +h - 1 } }); await page.locator('.list-item').first().evaluate((e) => e.scrollIntoView()); await page.screenshot({ path: '/tmp/m2.png', clip: { x: 0, y: 0, width: +w, height: +h - 1 } })
await browser.close(); server.close()
