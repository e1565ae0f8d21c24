import { afterEach, expect, test } from 'vitest'
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { contentSecurityPolicy, createStaticServer } from '../../scripts/serve.mjs'

const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => { for (const cleanup of cleanups.splice(0)) await cleanup() })

function makeBuild(cspJson?: object): string {
  const root = mkdtempSync(join(tmpdir(), 'zjg-serve-'))
  cleanups.push(() => rmSync(root, { recursive: true, force: true }))
  mkdirSync(join(root, 'assets'))
  mkdirSync(join(root, 'data'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>' + 'x'.repeat(2000))
  writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {})')
  writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"t"}')
  writeFileSync(join(root, 'assets', 'index-abc123.js'), 'console.log(1);'.repeat(200))
  writeFileSync(join(root, 'data', 'institutions.geojson'), '{"type":"FeatureCollection","features":[]}')
  if (cspJson) writeFileSync(join(root, 'csp.json'), JSON.stringify(cspJson))
  return root
}

async function serve(root: string): Promise<string> {
  const server: Server = createStaticServer(root)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`
}

test('hashed assets are immutable; the page, service worker, manifest and data revalidate', async () => {
  const base = await serve(makeBuild())
  const cacheControl = async (path: string) => (await fetch(base + path)).headers.get('cache-control')
  expect(await cacheControl('/assets/index-abc123.js')).toBe('public, max-age=31536000, immutable')
  for (const path of ['/', '/sw.js', '/manifest.webmanifest', '/data/institutions.geojson']) {
    expect(await cacheControl(path), path).toBe('no-cache')
  }
  expect((await fetch(base + '/manifest.webmanifest')).headers.get('content-type')).toMatch(/^application\/manifest\+json/)
})

test('text is served compressed with brotli or gzip as the client accepts', async () => {
  const base = await serve(makeBuild())
  const brotli = await fetch(base + '/assets/index-abc123.js', { headers: { 'accept-encoding': 'br' } })
  expect(brotli.headers.get('content-encoding')).toBe('br')
  expect(await brotli.text()).toBe('console.log(1);'.repeat(200))
  const gzip = await fetch(base + '/', { headers: { 'accept-encoding': 'gzip' } })
  expect(gzip.headers.get('content-encoding')).toBe('gzip')
})

test('the default policy allows only the own origin: no eval, no inline script, no third-party host', async () => {
  const base = await serve(makeBuild({ connect: [], img: [] }))
  const policy = (await fetch(base + '/')).headers.get('content-security-policy') ?? ''
  expect(policy).toBe(contentSecurityPolicy())
  const scriptSrc = policy.split('; ').find((directive) => directive.startsWith('script-src'))
  expect(scriptSrc).toBe("script-src 'self'")
  expect(policy).not.toContain('unsafe-eval')
  expect(policy).not.toMatch(/https?:/)
  expect(policy).toContain("worker-src 'self'")
  expect((await fetch(base + '/sw.js')).headers.get('content-security-policy')).toBe(policy)
})

test('Tianditu hosts are allowed only when the build says it uses them, and csp.json itself is not served', async () => {
  const host = 'https://*.tianditu.gov.cn'
  const base = await serve(makeBuild({ connect: [host], img: [host] }))
  const policy = (await fetch(base + '/')).headers.get('content-security-policy') ?? ''
  expect(policy).toContain(`connect-src 'self' ${host}`)
  expect(policy).toMatch(new RegExp(`img-src [^;]*${host.replace(/[.*]/g, '\\$&')}`))
  expect(policy.split('; ').find((directive) => directive.startsWith('script-src'))).toBe("script-src 'self'")
  expect((await fetch(base + '/csp.json')).status).toBe(404)
  const withoutFile = await serve(makeBuild())
  expect((await fetch(withoutFile + '/')).headers.get('content-security-policy')).not.toContain('tianditu')
})
