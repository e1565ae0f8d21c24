import { chromium } from 'playwright-core'
import { createStaticServer } from '/work/main/scripts/serve.mjs'
const [w, h, out, q = ''] = process.argv.slice(2)
const server = createStaticServer('/work/main/dist')
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] })
const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: +w, height: +h }, isMobile: true, hasTouch: true, geolocation: { longitude: 120.555, latitude: 31.872 }, permissions: ['geolocation'] })
const page = await context.newPage()
page.on('pageerror', (e) => console.log('pageerror', e.message))
page.on('console', (m) => console.log('console', m.text()))
await page.goto(`http://127.0.0.1:${server.address().port}/${q}`)
await page.waitForTimeout(3000)
await page.screenshot({ path: out.replace('.png', '-before.png') })
await page.getByRole('button', { name: /附近的机构|Near me/ }).first().click()
for (const t of [300, 1000, 3000, 8000]) {
  await page.waitForTimeout(t)
  console.log(t, page.url(), await page.evaluate(() => { const c = document.querySelector('.maplibregl-canvas'); const m = document.querySelector('.map-view, .map'); return JSON.stringify({ canvas: c?.getBoundingClientRect(), w: c?.width, h: c?.height }) }))
}
await page.screenshot({ path: out })
await page.getByRole('button', { name: /^结果面板/ }).press('Home')
await page.waitForTimeout(1500)
await page.screenshot({ path: out.replace('.png', '-peek.png') })
await browser.close(); server.close()
