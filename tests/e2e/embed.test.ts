import { describe, expect, test } from 'vitest'
import { readFileSync } from 'node:fs'
import gcoord from 'gcoord'
import type { Page } from 'playwright-core'
import { launchBrowser, openPage } from './browser'
import {
  APP, HOST, OTHER, SUZHOUDAO_UA, browser, countMessages, institutions, manifest, openHost, received, send,
  useEmbedServers,
} from './embed-harness'

// The app, an allowlisted host and a host that may frame it but not talk to it: see embed-harness.ts.
useEmbedServers()

describe('embedded in an allowlisted host page', () => {
  test('ready arrives; setFilters changes the count; select opens the sheet and reports selected; navigate carries GCJ-02', async () => {
    const { page, frame, appFrame, context, errors } = await openHost(HOST)
    const version = (JSON.parse(readFileSync('package.json', 'utf8')) as { version: string }).version
    await expect.poll(() => received(page)).toContainEqual({ type: 'zjg-childcare/ready', version, dataVersion: manifest.dataVersion })
    expect(manifest.dataVersion).not.toBe('')

    const communityPuhui = institutions.filter((feature) => feature.properties.type === 'community' && feature.properties.puhui)
    expect(communityPuhui.length).toBeGreaterThan(0)
    expect(communityPuhui.length).toBeLessThan(institutions.length)
    await send(page, { type: 'zjg-childcare/setFilters', filters: { types: ['community'], puhui: true } })
    await expect.poll(() => frame.getByTestId('result-count').textContent()).toBe(`共 ${communityPuhui.length} 家`)

    const target = communityPuhui[communityPuhui.length - 1]
    await send(page, { type: 'zjg-childcare/select', id: target.properties.id })
    await expect.poll(() => frame.getByRole('heading', { level: 2, name: target.properties.name }).isVisible()).toBe(true)
    await expect.poll(() => received(page)).toContainEqual({ type: 'zjg-childcare/selected', id: target.properties.id, name: target.properties.name })

    await frame.getByRole('complementary').getByRole('button', { name: '导航' }).click()
    await expect.poll(async () => (await received(page)).filter((message) => message.type === 'zjg-childcare/navigate')).toHaveLength(1)
    const navigate = (await received(page)).find((message) => message.type === 'zjg-childcare/navigate') as unknown as
      { name: string; wgs84: [number, number]; gcj02: [number, number] }
    const [lng, lat] = target.geometry.coordinates
    const [gcjLng, gcjLat] = gcoord.transform([lng, lat], gcoord.WGS84, gcoord.GCJ02)
    expect(navigate.name).toBe(target.properties.name)
    expect(navigate.wgs84[0]).toBeCloseTo(lng, 6)
    expect(navigate.wgs84[1]).toBeCloseTo(lat, 6)
    expect(navigate.gcj02[0]).toBeCloseTo(gcjLng, 6)
    expect(navigate.gcj02[1]).toBeCloseTo(gcjLat, 6)

    await frame.getByRole('link', { name: /拨打电话/ }).click()
    await expect.poll(() => received(page)).toContainEqual({ type: 'zjg-childcare/call', phone: target.properties.phone })
    // The host dials; the frame did not follow the tel: link and says who took the call.
    expect(appFrame.url().startsWith(APP)).toBe(true)
    await expect.poll(() => frame.getByRole('status').filter({ hasText: `已请所在应用拨打：${target.properties.phone}` }).isVisible()).toBe(true)

    // resize reports the document height the host would size an iframe to.
    const height = await appFrame.evaluate(() => Math.ceil(document.documentElement.scrollHeight))
    await expect.poll(async () => (await received(page)).filter((message) => message.type === 'zjg-childcare/resize').at(-1))
      .toEqual({ type: 'zjg-childcare/resize', height })

    await send(page, { type: 'zjg-childcare/setView', view: 'list' })
    await expect.poll(() => frame.getByRole('region', { name: '机构列表' }).isVisible()).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  test('a message sent as soon as the frame loads, before ready, is not lost', async () => {
    const puhui = institutions.filter((feature) => feature.properties.puhui).length
    const { frame, context } = await openHost(HOST, {}, browser, () => {
      if (location.port !== '47181') return
      document.addEventListener('DOMContentLoaded', () => {
        const appFrame = document.getElementById('app-frame') as HTMLIFrameElement
        appFrame.addEventListener('load', () => {
          appFrame.contentWindow?.postMessage({ type: 'zjg-childcare/setFilters', filters: { puhui: true } }, 'http://127.0.0.1:47180')
        }, { once: true })
      })
    }, `共 ${puhui} 家`)
    expect(await frame.getByTestId('result-count').textContent()).toBe(`共 ${puhui} 家`)
    await context.close()
  })

  test('malformed messages change nothing; a valid one afterwards still works', async () => {
    const { page, frame, appFrame, context } = await openHost(HOST)
    await expect.poll(async () => (await received(page)).map((message) => message.type)).toContain('zjg-childcare/ready')
    const seen = await countMessages(appFrame)
    const someId = institutions[0].properties.id
    const malformed = [
      { type: 'zjg-childcare/setFilters', filters: { types: ['community', 'casino'] } },
      { type: 'zjg-childcare/setFilters', filters: { puhui: true, town: 'yangshe' } },
      { type: 'zjg-childcare/setFilters', filters: { age: 999 } },
      { type: 'zjg-childcare/setFilters', puhui: true },
      { type: 'zjg-childcare/select', id: someId, extra: 1 },
      { type: 'zjg-childcare/select', id: '<img src=x onerror=alert(1)>' },
      { type: 'zjg-childcare/setView', view: 'planner' },
      { type: 'select', id: someId },
      'zjg-childcare/select',
      null,
    ]
    for (const message of malformed) await send(page, message)
    await expect.poll(seen).toBe(malformed.length)
    expect(await frame.getByTestId('result-count').textContent()).toBe(`共 ${institutions.length} 家`)
    expect(await frame.getByRole('heading', { level: 2 }).count()).toBe(0)
    expect(new URL(appFrame.url()).searchParams.get('view')).toBeNull()

    const puhui = institutions.filter((feature) => feature.properties.puhui).length
    await send(page, { type: 'zjg-childcare/setFilters', filters: { puhui: 1 } })
    await expect.poll(() => frame.getByTestId('result-count').textContent()).toBe(`共 ${puhui} 家`)
    await context.close()
  })
})

test('a host that is not allowlisted can frame the app but neither drives it nor hears from it', async () => {
  const { page, frame, appFrame, context } = await openHost(OTHER)
  const seen = await countMessages(appFrame)
  const target = institutions[0].properties
  const messages = [
    { type: 'zjg-childcare/setFilters', filters: { puhui: true, types: ['kindergarten'] } },
    { type: 'zjg-childcare/select', id: target.id },
    { type: 'zjg-childcare/setView', view: 'list' },
    { type: 'zjg-childcare/setLocation', lng: 120.55, lat: 31.87 },
  ]
  for (const message of messages) await send(page, message)
  await expect.poll(seen).toBe(messages.length)
  expect(await frame.getByTestId('result-count').textContent()).toBe(`共 ${institutions.length} 家`)
  expect(await frame.getByRole('heading', { level: 2 }).count()).toBe(0)
  // The app is loaded (count shown) yet not even `ready` reached this host.
  expect(await received(page)).toEqual([])
  await context.close()
})

describe('the 苏周到 webview', () => {
  test('its user agent turns embed mode on; lng/lat become my place; no horizontal overflow from 320 to 430 px', async () => {
    const { page, context, errors } = await openPage(browser, `${APP}/?lng=120.5530&lat=31.8750`, {
      userAgent: SUZHOUDAO_UA, viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true,
    })
    await expect.poll(() => page.getByTestId('result-count').textContent(), { timeout: 60_000 }).toMatch(/^共 \d+ 家/)
    expect(await page.evaluate(() => document.documentElement.classList.contains('embed-mode'))).toBe(true)
    // The host shows the title: ours stays only for screen readers.
    const title = await page.getByRole('heading', { level: 1 }).boundingBox()
    expect(title === null || title.width <= 1).toBe(true)
    await expect.poll(() => page.getByText('我的位置').first().isVisible()).toBe(true)
    for (const width of [320, 375, 430]) {
      await page.setViewportSize({ width, height: 667 })
      const overflow = await page.evaluate(() => Math.max(document.documentElement.scrollWidth, document.body.scrollWidth) - window.innerWidth)
      expect(overflow, `${width} px`).toBeLessThanOrEqual(0)
    }
    expect(errors).toEqual([])
    await context.close()
  })

  test('embed=1 turns it on too and survives a reload while the URL follows the filters', async () => {
    const { page, context } = await openPage(browser, `${APP}/?embed=1&puhui=1`, { viewport: { width: 375, height: 667 } })
    const puhui = institutions.filter((feature) => feature.properties.puhui).length
    await expect.poll(() => page.getByTestId('result-count').textContent(), { timeout: 60_000 }).toBe(`共 ${puhui} 家`)
    expect(await page.evaluate(() => document.documentElement.classList.contains('embed-mode'))).toBe(true)
    await page.reload()
    await expect.poll(() => page.getByTestId('result-count').textContent(), { timeout: 60_000 }).toBe(`共 ${puhui} 家`)
    expect(await page.evaluate(() => document.documentElement.classList.contains('embed-mode'))).toBe(true)
    expect(new URL(page.url()).searchParams.get('embed')).toBe('1')
    await context.close()
  })

  test('an ordinary browser is not in embed mode and shows the title', async () => {
    // Wide enough for the title: on phones the top bar keeps only search and menu, embedded or not.
    const { page, context } = await openPage(browser, `${APP}/`, { viewport: { width: 1000, height: 667 } })
    await expect.poll(() => page.getByTestId('result-count').textContent(), { timeout: 60_000 }).toBe(`共 ${institutions.length} 家`)
    expect(await page.evaluate(() => document.documentElement.classList.contains('embed-mode'))).toBe(false)
    expect((await page.getByRole('heading', { level: 1 }).boundingBox())?.width).toBeGreaterThan(50)
    await context.close()
  })
})

describe('degraded webviews still list the institutions', () => {
  async function expectListed(frame: ReturnType<Page['frameLocator']>) {
    const list = frame.getByRole('region', { name: '机构列表' })
    // The list renders its first page (20 rows) and more on request.
    await expect.poll(() => list.getByRole('listitem').count(), { timeout: 30_000 }).toBe(Math.min(20, institutions.length))
    const first = (await list.getByRole('listitem').first().textContent()) ?? ''
    expect(institutions.some((feature) => first.startsWith(feature.properties.name))).toBe(true)
  }

  test('without service workers', async () => {
    const { page, frame, context, errors } = await openHost(HOST, { serviceWorkers: 'block' })
    await expect.poll(async () => (await received(page)).map((message) => message.type)).toContain('zjg-childcare/ready')
    await send(page, { type: 'zjg-childcare/setView', view: 'list' })
    await expectListed(frame)
    expect(errors).toEqual([])
    await context.close()
  })

  test('with storage that throws and no geolocation: the host location is used, preferences stay in memory', async () => {
    const { page, frame, appFrame, context, errors } = await openHost(HOST, {}, browser, () => {
      // What some webviews do: any storage access throws, and there is no geolocation API at all.
      for (const name of ['localStorage', 'sessionStorage', 'indexedDB', 'caches'] as const) {
        Object.defineProperty(window, name, { configurable: true, get() { throw new DOMException('blocked', 'SecurityError') } })
      }
      Reflect.deleteProperty(Navigator.prototype, 'geolocation')
    })
    await expect.poll(async () => (await received(page)).map((message) => message.type)).toContain('zjg-childcare/ready')
    await frame.getByRole('button', { name: '附近的机构' }).click()
    // Near me asks the host first; a host that does not answer leaves the app to the browser (none here).
    await expect.poll(async () => (await received(page)).map((message) => message.type)).toContain('zjg-childcare/requestLocation')
    await expect.poll(() => frame.getByText('此设备无法获取位置').isVisible(), { timeout: 10_000 }).toBe(true)
    expect(await frame.getByLabel('选择所在镇（区）').isVisible()).toBe(true)
    const [lng, lat] = institutions[0].geometry.coordinates
    await send(page, { type: 'zjg-childcare/setLocation', lng, lat })
    await expect.poll(() => frame.getByText('我的位置').first().isVisible()).toBe(true)
    await send(page, { type: 'zjg-childcare/setView', view: 'list' })
    await expect.poll(() => frame.getByRole('region', { name: '机构列表' }).getByRole('listitem').count()).toBeGreaterThan(0)
    await frame.getByRole('button', { name: '菜单' }).click()
    await frame.getByLabel('适老化模式（大字）').check()
    await expect.poll(() => appFrame.evaluate(() => document.documentElement.classList.contains('elder'))).toBe(true)
    expect(errors).toEqual([])
    await context.close()
  })

  test('without WebGL', async () => {
    const noWebgl = await launchBrowser(['--disable-webgl', '--disable-webgl2', '--disable-3d-apis'])
    try {
      const { frame, context } = await openHost(HOST, {}, noWebgl)
      // No message needed: the list replaces the map by itself, with a short notice.
      await expectListed(frame)
      await expect.poll(() => frame.getByText('此设备无法显示地图，已改为列表。').isVisible()).toBe(true)
      await context.close()
    } finally {
      await noWebgl.close()
    }
  })
})
