import { chromium } from 'playwright-core'
import { createStaticServer } from '/work/main/scripts/serve.mjs'
const [w, h, wait] = process.argv.slice(2)
const server = createStaticServer('/work/main/dist')
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] })
const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: +w, height: +h }, isMobile: true, hasTouch: true, geolocation: { longitude: 120.555, latitude: 31.872 }, permissions: ['geolocation'] })
const page = await context.newPage()
page.on('pageerror', (e) => console.log('pageerror', e.message))
page.on('console', (m) => { if (!m.text().includes('GPU stall')) console.log('console', m.text()) })
await page.goto(`http://127.0.0.1:${server.address().port}/`)
await page.waitForTimeout(+wait)
console.log('before', await page.evaluate(() => document.querySelector('.map')?.dataset.viewBounds + " n=" + document.querySelector("[data-view-bounds]")?.dataset.renderedInstitutions))
await page.getByRole('button', { name: /附近的机构|Near me/ }).first().click()
for (let i = 0; i < 2; i++) { await page.waitForTimeout(i ? 500 : +(process.argv[5] ?? 1500)); console.log(i, await page.evaluate(() => document.querySelector('[data-view-bounds]')?.dataset.viewBounds + " n=" + document.querySelector("[data-view-bounds]")?.dataset.renderedInstitutions)); await page.screenshot({ path: `/tmp/q${i}.png`, clip: { x: 0, y: 0, width: +w, height: +h } }) }
await browser.close(); server.close()
