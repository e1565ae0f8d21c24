import { chromium } from 'playwright-core'
import { createStaticServer } from '/work/main/scripts/serve.mjs'
const server = createStaticServer('/work/main/dist')
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-webgl', '--disable-webgl2', '--disable-3d-apis'] })
const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: +process.argv[2], height: 700 } })
const page = await context.newPage()
page.on('pageerror', (e) => console.log('pageerror', e.message))
await page.goto(`http://127.0.0.1:${server.address().port}/?embed=1`)
await page.waitForTimeout(4000)
console.log(await page.evaluate(() => { const n = document.querySelector('.notice'); return n ? [n.textContent, JSON.stringify(n.getBoundingClientRect()), getComputedStyle(n).display, getComputedStyle(n).visibility] : 'none' }))
await page.screenshot({ path: '/tmp/nowebgl.png' })
await browser.close(); server.close()
