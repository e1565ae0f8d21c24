import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'

/** Launches the system Chromium (Debian package; CHROME_PATH overrides). WebGL works headless via SwiftShader. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
      '--disable-quic',
      ...extraArgs,
    ],
  })
}

/**
 * Opens a page with console errors collected, so tests can assert that none happened.
 * `beforeGoto` runs on the new page before it navigates (routes that must catch the first requests).
 */
export async function openPage(
  browser: Browser, url: string, options: BrowserContextOptions = {}, beforeGoto?: (page: Page) => Promise<unknown>,
) {
  const context = await browser.newContext({ locale: 'zh-CN', ...options })
  const page: Page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()) })
  await beforeGoto?.(page)
  await page.goto(url)
  return { context, page, errors }
}
