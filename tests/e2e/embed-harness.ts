import { afterAll, beforeAll, expect } from 'vitest'
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { createServer, type Server } from 'node:http'
import type { Browser, BrowserContext, Frame, Page } from 'playwright-core'
import { createStaticServer } from '../../scripts/serve.mjs'
import type { InstitutionProperties, ManifestFile } from '../../src/lib/types'
import { launchBrowser, openPage } from './browser'

// Three origins on 127.0.0.1: the app, an allowlisted host and a host that may frame the app but not talk to it.
export const APP = 'http://127.0.0.1:47180'
export const HOST = 'http://127.0.0.1:47181'
export const OTHER = 'http://127.0.0.1:47182'
const OUT_DIR = process.env.E2E_EMBED_DIST ?? 'dist-embed'
export const SUZHOUDAO_UA = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) AppleWebKit/605.1.15 Mobile/15E148 szd_SZGov/3.5.0'

export interface Institution { geometry: { coordinates: [number, number] }; properties: InstitutionProperties }
interface DemoWindow { embedDemo: { received: { type: string; [key: string]: unknown }[]; send(message: unknown): void } }

export let browser: Browser
const servers: Server[] = []
export let institutions: Institution[] = []
export let manifest: ManifestFile

function listen(server: Server, origin: string) {
  servers.push(server)
  return new Promise<void>((resolve) => server.listen(Number(new URL(origin).port), '127.0.0.1', resolve))
}

/** A government page: serves the demo host files with its own CSP that may frame the app's origin only. */
function hostServer() {
  const files: Record<string, string> = {
    '/embed-demo.html': 'text/html; charset=utf-8', '/embed-demo.js': 'text/javascript; charset=utf-8',
    '/embed-demo.css': 'text/css; charset=utf-8', '/favicon.ico': 'image/x-icon',
  }
  return createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://localhost').pathname
    if (!files[path]) return void response.writeHead(404).end()
    response.writeHead(200, {
      'content-type': files[path],
      'content-security-policy': `default-src 'self'; script-src 'self'; style-src 'self'; frame-src ${APP}`,
    })
    response.end(readFileSync(`public${path}`))
  })
}

/** Builds the embed app (unless E2E_EMBED_DIST names one), starts the three servers and the browser; stops them after. */
export function useEmbedServers() {
  beforeAll(async () => {
    if (!process.env.E2E_EMBED_DIST) {
      execFileSync('npx', ['vite', 'build', '--outDir', OUT_DIR, '--emptyOutDir', '--logLevel', 'warn'], {
        env: { ...process.env, VITE_EMBED_ORIGINS: HOST }, stdio: 'inherit',
      })
    }
    institutions = (JSON.parse(readFileSync(`${OUT_DIR}/data/institutions.geojson`, 'utf8')) as { features: Institution[] }).features
    manifest = JSON.parse(readFileSync(`${OUT_DIR}/data/manifest.json`, 'utf8')) as ManifestFile
    // Both hosts may frame the app (CSP frame-ancestors); only HOST is in the build's message allowlist.
    const previous = process.env.EMBED_FRAME_ANCESTORS
    process.env.EMBED_FRAME_ANCESTORS = `${HOST},${OTHER}`
    const app = createStaticServer(OUT_DIR)
    if (previous === undefined) delete process.env.EMBED_FRAME_ANCESTORS
    else process.env.EMBED_FRAME_ANCESTORS = previous
    await Promise.all([listen(app, APP), listen(hostServer(), HOST), listen(hostServer(), OTHER)])
    browser = await launchBrowser()
  }, 240_000)

  afterAll(async () => {
    await browser?.close()
    await Promise.all(servers.map((server) => new Promise((resolve) => server.close(resolve))))
  })
}

/** The demo host page on `origin`, framing the app, once the app has loaded its data. */
export async function openHost(
  origin: string, options: Parameters<typeof openPage>[2] = {}, using: Browser = browser, initScript?: () => void,
  loadedCount = `共 ${institutions.length} 家`,
) {
  const url = `${origin}/embed-demo.html?app=${encodeURIComponent(`${APP}/?embed=1`)}`
  const context = await using.newContext({ locale: 'zh-CN', viewport: { width: 1000, height: 800 }, ...options })
  // An init script runs in every frame, the app's included, before any of its code.
  if (initScript) await context.addInitScript(initScript)
  const opened = await openContextPage(context, url)
  const frame = opened.page.frameLocator('#app-frame')
  await expect.poll(() => frame.getByTestId('result-count').textContent(), { timeout: 60_000 }).toBe(loadedCount)
  return { ...opened, frame, appFrame: opened.page.frames().find((candidate) => candidate.url().startsWith(APP)) as Frame }
}

/** Like openPage, on a context prepared by the caller. */
async function openContextPage(context: BrowserContext, url: string) {
  const page = await context.newPage()
  const errors: string[] = []
  page.on('pageerror', (error) => errors.push(error.message))
  page.on('console', (message) => { if (message.type() === 'error') errors.push(message.text()) })
  await page.goto(url)
  return { context, page, errors }
}

export const received = (page: Page) => page.evaluate(() => (window as unknown as DemoWindow).embedDemo.received)
export const send = (page: Page, message: unknown) => page.evaluate((data) => (window as unknown as DemoWindow).embedDemo.send(data), message)

/** Counts message events in the app frame, so a test can wait until the app has seen what the host sent. */
export async function countMessages(appFrame: Frame) {
  await appFrame.evaluate(() => {
    const counter = window as unknown as { seen: number }
    counter.seen = 0
    window.addEventListener('message', () => { counter.seen++ })
  })
  return () => appFrame.evaluate(() => (window as unknown as { seen: number }).seen)
}

