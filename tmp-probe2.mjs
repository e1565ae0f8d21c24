import { chromium } from 'playwright-core'
import { createStaticServer } from '/work/main/scripts/serve.mjs'
const [w, h] = process.argv.slice(2)
const server = createStaticServer('/work/main/dist')
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] })
const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: +w, height: +h }, isMobile: true, hasTouch: true, geolocation: { longitude: 120.555, latitude: 31.872 }, permissions: ['geolocation'] })
const page = await context.newPage()
await page.goto(`http://127.0.0.1:${server.address().port}/`)
await page.waitForTimeout(3000)
await page.getByRole('button', { name: /附近的机构|Near me/ }).first().click()
for (let i = 0; i < 6; i++) { await page.waitForTimeout(2000); await page.screenshot({ path: `/tmp/p${i}.png`, clip: { x: 0, y: 150, width: +w, height: 300 } }) }
await page.waitForTimeout(3000)
await page.screenshot({ path: `/tmp/p6.png`, clip: { x: 0, y: 150, width: +w, height: 300 } })
await page.getByRole('button', { name: '放大' }).click().catch((e) => console.log(e.message))
await page.waitForTimeout(1500)
await page.screenshot({ path: `/tmp/p7.png`, clip: { x: 0, y: 150, width: +w, height: 300 } })
await browser.close(); server.close()
