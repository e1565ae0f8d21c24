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
await page.waitForTimeout(3000)
console.log(await page.evaluate(() => [200, 300, 400].map((y) => { let e = document.elementFromPoint(100, y); const chain = []; while (e) { chain.push(e.tagName + '.' + [...e.classList].join('.') + ' bg=' + getComputedStyle(e).backgroundColor); e = e.parentElement } return y + ': ' + chain.slice(0, 5).join(' < ') }).join('\n')))
await browser.close(); server.close()
