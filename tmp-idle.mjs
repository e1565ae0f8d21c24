import { chromium } from 'playwright-core'
import { createStaticServer } from '/work/main/scripts/serve.mjs'
const server = createStaticServer('/work/main/dist')
await new Promise((r) => server.listen(0, '127.0.0.1', r))
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox', '--disable-background-networking'] })
const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 360, height: 740 }, isMobile: true, hasTouch: true })
const page = await context.newPage()
page.on('console', (m) => { if (!m.text().includes('GPU stall')) console.log('console', m.text()) })
await page.goto(`http://127.0.0.1:${server.address().port}/`)
await page.evaluate(() => { const c = document.querySelector('canvas'); window.__lost = 0; document.addEventListener('webglcontextlost', () => window.__lost++, true) })
await page.waitForTimeout(15000)
await page.screenshot({ path: '/tmp/idle.png' })
console.log('lost', await page.evaluate(() => window.__lost))
await browser.close(); server.close()
