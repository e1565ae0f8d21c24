import { expect, test } from 'vitest'
import { readFileSync, readdirSync } from 'node:fs'
import { checkDist, precacheUrls } from '../../scripts/check-dist.mjs'

const root = process.env.E2E_DIST ?? 'dist'

test('the precache list holds the MapLibre worker, the data, the basemap, the glyphs and every shipped file', () => {
  const urls = precacheUrls(root)
  expect(urls).toContain('index.html')
  expect(urls.some((url) => /^assets\/maplibre-gl-worker-[\w-]+\.mjs$/.test(url))).toBe(true)
  for (const name of readdirSync(`${root}/data`).filter((file) => /\.(json|geojson)$/.test(file))) {
    expect(urls).toContain(`data/${name}`)
  }
  expect(urls.filter((url) => /^glyphs\/.+\.pbf$/.test(url)).length).toBeGreaterThan(0)
  for (const check of checkDist(root).filter((check) => check.name.includes('precached'))) {
    expect(check, check.detail).toMatchObject({ ok: true })
  }
})

test('the web app manifest makes the app installable in Chinese with the theme colour', () => {
  const manifest = JSON.parse(readFileSync(`${root}/manifest.webmanifest`, 'utf8'))
  expect(manifest).toMatchObject({
    name: '张家港托育地图', lang: 'zh-CN', display: 'standalone', theme_color: '#0f766e', start_url: './', scope: './',
  })
  expect(manifest.short_name.length).toBeLessThanOrEqual(12)
  const icons = manifest.icons as { src: string; sizes: string; purpose: string }[]
  for (const size of ['192x192', '512x512']) {
    expect(icons.some((icon) => icon.sizes === size && icon.purpose === 'any')).toBe(true)
    expect(icons.some((icon) => icon.sizes === size && icon.purpose === 'maskable')).toBe(true)
  }
  for (const icon of icons) {
    const png = readFileSync(`${root}/${icon.src}`)
    expect(png.subarray(1, 4).toString()).toBe('PNG')
    expect(`${png.readUInt32BE(16)}x${png.readUInt32BE(20)}`).toBe(icon.sizes)
  }
})

test('index.html has no inline script (the CSP forbids them) and links the manifest', () => {
  const html = readFileSync(`${root}/index.html`, 'utf8')
  const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)]
  expect(scripts.length).toBeGreaterThan(0)
  for (const [, attributes, body] of scripts) {
    expect(attributes).toMatch(/\bsrc=/)
    expect(body.trim()).toBe('')
  }
  expect(html).toMatch(/<link rel="manifest" href="\.\/manifest\.webmanifest"/)
  expect(readFileSync(`${root}/sw.js`, 'utf8')).toContain('SKIP_WAITING')
})

test('size budgets: first-screen JavaScript without MapLibre ≤ 80 kB gzip, data ≤ 150 kB gzip', () => {
  for (const check of checkDist(root).filter((check) => check.name.includes('kB'))) {
    expect(check, check.detail).toMatchObject({ ok: true })
  }
})
