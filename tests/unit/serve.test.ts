import { afterEach, expect, test } from 'vitest'
import { mkdtempSync, mkdirSync, writeFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { connect, type AddressInfo } from 'node:net'
import type { Server } from 'node:http'
import { contentSecurityPolicy, createStaticServer } from '../../scripts/serve.mjs'
import { precompressDirectory } from '../../scripts/vite/precompress'

const cleanups: (() => void | Promise<void>)[] = []
afterEach(async () => { for (const cleanup of cleanups.splice(0)) await cleanup() })

const SCRIPT = 'console.log(1);'.repeat(200)
const SECURITY_HEADERS = ['content-security-policy', 'x-content-type-options', 'referrer-policy', 'permissions-policy']

async function makeBuild(cspJson?: object): Promise<string> {
  const root = mkdtempSync(join(tmpdir(), 'zjg-serve-'))
  cleanups.push(() => rmSync(root, { recursive: true, force: true }))
  mkdirSync(join(root, 'assets'))
  mkdirSync(join(root, 'data'))
  writeFileSync(join(root, 'index.html'), '<!doctype html><title>t</title>' + 'x'.repeat(2000))
  writeFileSync(join(root, 'sw.js'), 'self.addEventListener("fetch", () => {})')
  writeFileSync(join(root, 'manifest.webmanifest'), '{"name":"t"}')
  writeFileSync(join(root, 'assets', 'index-abc123.js'), SCRIPT)
  writeFileSync(join(root, 'data', 'institutions.geojson'), '{"type":"FeatureCollection","features":[]}')
  if (cspJson) writeFileSync(join(root, 'csp.json'), JSON.stringify(cspJson).padEnd(600))
  await precompressDirectory(root)
  return root
}

async function serve(root: string): Promise<{ base: string; port: number }> {
  const server: Server = createStaticServer(root)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  cleanups.push(() => new Promise<void>((resolve) => { server.closeAllConnections(); server.close(() => resolve()) }))
  const { port } = server.address() as AddressInfo
  return { base: `http://127.0.0.1:${port}`, port }
}

/** Sends `head` byte for byte over TCP (fetch would normalise it) and resolves with everything the server sent back. */
function rawRequest(port: number, head: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(head))
    const chunks: Buffer[] = []
    socket.setTimeout(3000, () => socket.destroy(new Error('no reply within 3 s')))
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', reject)
    socket.on('close', () => resolve(Buffer.concat(chunks).toString('latin1')))
  })
}

function headersOf(reply: string): Map<string, string> {
  const lines = reply.split('\r\n\r\n')[0].split('\r\n').slice(1)
  return new Map(lines.map((line) => [line.slice(0, line.indexOf(':')).toLowerCase(), line.slice(line.indexOf(':') + 1).trim()]))
}

test('hashed assets are immutable; the page, service worker, manifest and data revalidate', async () => {
  const { base } = await serve(await makeBuild())
  const cacheControl = async (path: string) => (await fetch(base + path)).headers.get('cache-control')
  expect(await cacheControl('/assets/index-abc123.js')).toBe('public, max-age=31536000, immutable')
  for (const path of ['/', '/sw.js', '/manifest.webmanifest', '/data/institutions.geojson', '/assets/']) {
    expect(await cacheControl(path), path).toBe('no-cache')
  }
  expect((await fetch(base + '/manifest.webmanifest')).headers.get('content-type')).toMatch(/^application\/manifest\+json/)
})

test('text is served compressed with brotli or gzip as the client accepts', async () => {
  const { base } = await serve(await makeBuild())
  const brotli = await fetch(base + '/assets/index-abc123.js', { headers: { 'accept-encoding': 'br' } })
  expect(brotli.headers.get('content-encoding')).toBe('br')
  expect(brotli.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
  expect(await brotli.text()).toBe(SCRIPT)
  const gzip = await fetch(base + '/', { headers: { 'accept-encoding': 'gzip' } })
  expect(gzip.headers.get('content-encoding')).toBe('gzip')
  expect(gzip.headers.get('content-type')).toBe('text/html; charset=utf-8')
  const plain = await fetch(base + '/assets/index-abc123.js', { headers: { 'accept-encoding': 'identity' } })
  expect(plain.headers.get('content-encoding')).toBeNull()
  expect(await plain.text()).toBe(SCRIPT)
})

test('the default policy allows only the own origin: no eval, no inline script, no third-party host', async () => {
  const { base } = await serve(await makeBuild({ connect: [], img: [] }))
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
  const { base } = await serve(await makeBuild({ connect: [host], img: [host] }))
  const policy = (await fetch(base + '/')).headers.get('content-security-policy') ?? ''
  expect(policy).toContain(`connect-src 'self' ${host}`)
  expect(policy).toMatch(new RegExp(`img-src [^;]*${host.replace(/[.*]/g, '\\$&')}`))
  expect(policy.split('; ').find((directive) => directive.startsWith('script-src'))).toBe("script-src 'self'")
  for (const path of ['/csp.json', '/csp%2Ejson', '/assets/../csp.json', '/csp.json?x=1']) {
    const response = await fetch(base + path, { headers: { 'accept-encoding': 'br, gzip' } })
    expect(response.status, path).toBe(404)
    expect(await response.text(), path).not.toContain('tianditu')
  }
  const withoutFile = await serve(await makeBuild())
  expect((await fetch(withoutFile.base + '/')).headers.get('content-security-policy')).not.toContain('tianditu')
})

test.each([
  ['a token', '{"tiandituToken":"fake-token-123"}', true],
  ['an empty token', '{"tiandituToken":"","tiandituReviewNo":""}', false],
  ['a malformed file', '{"tiandituToken":', false],
])('config.json with %s: Tianditu hosts allowed = %s, and config.json itself is served for the app, revalidated', async (_, config, allowed) => {
  const root = await makeBuild()
  writeFileSync(join(root, 'config.json'), config)
  const { base } = await serve(root)
  const policy = (await fetch(base + '/')).headers.get('content-security-policy') ?? ''
  expect(policy.includes("connect-src 'self' https://*.tianditu.gov.cn")).toBe(allowed)
  expect(/img-src [^;]*https:\/\/\*\.tianditu\.gov\.cn/.test(policy)).toBe(allowed)
  expect(policy.split('; ').find((directive) => directive.startsWith('script-src'))).toBe("script-src 'self'")
  const file = await fetch(base + '/config.json')
  expect(file.status).toBe(200)
  expect(file.headers.get('cache-control')).toBe('no-cache')
})

test('a path without a file extension gets the app; a missing file gets a 404', async () => {
  const { base } = await serve(await makeBuild())
  const page = await fetch(base + '/some/view?embed=1')
  expect(page.status).toBe(200)
  expect(await page.text()).toContain('<title>t</title>')
  expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy())
  expect((await fetch(base + '/assets/missing-123.js')).status).toBe(404)
})

test('a revalidation with the ETag gets a 304 that still carries the headers', async () => {
  const { base } = await serve(await makeBuild())
  const first = await fetch(base + '/data/institutions.geojson')
  const etag = first.headers.get('etag') ?? ''
  expect(etag).not.toBe('')
  const again = await fetch(base + '/data/institutions.geojson', { headers: { 'if-none-match': etag } })
  expect(again.status).toBe(304)
  expect(again.headers.get('x-content-type-options')).toBe('nosniff')
})

test.each([
  { name: 'a missing file', method: 'GET', path: '/nothing.js', status: 404 },
  { name: 'a POST', method: 'POST', path: '/', status: 405 },
  { name: 'a DELETE of a file', method: 'DELETE', path: '/assets/index-abc123.js', status: 405 },
  { name: 'an OPTIONS', method: 'OPTIONS', path: '/index.html', status: 405 },
])('$name gets $status with every security header', async ({ method, path, status }) => {
  const { base } = await serve(await makeBuild())
  const response = await fetch(base + path, { method })
  expect(response.status).toBe(status)
  for (const header of SECURITY_HEADERS) expect(response.headers.get(header), header).not.toBeNull()
  expect(response.headers.get('content-security-policy')).toBe(contentSecurityPolicy())
  expect(response.headers.get('allow')).toBe(status === 405 ? 'GET, HEAD' : null)
})

test('HEAD answers with the headers of GET and no body', async () => {
  const { base, port } = await serve(await makeBuild())
  const head = await fetch(base + '/assets/index-abc123.js', { method: 'HEAD', headers: { 'accept-encoding': 'identity' } })
  expect(head.status).toBe(200)
  expect(head.headers.get('content-length')).toBe(String(SCRIPT.length))
  const reply = await rawRequest(port, 'HEAD /sw.js HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n')
  expect(reply.split('\r\n\r\n')[1]).toBe('')
})

// Request lines that once stopped the server (issue 11), and a few more of the same kind. Each must get a 400 with
// our headers, and the server must answer a normal request afterwards.
test.each([
  '/%E0%A4%A',
  '//[',
  'http://[',
  'http://a:99999/',
  '//a:b@/',
  'http://%zz/',
  '/%',
  '/csp.json%',
  'http://[::1/',
])('the request line GET %s gets a 400 and the server keeps serving', async (target) => {
  const { base, port } = await serve(await makeBuild())
  const reply = await rawRequest(port, `GET ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n`)
  expect(reply).toMatch(/^HTTP\/1\.1 400 /)
  const headers = headersOf(reply)
  for (const header of SECURITY_HEADERS) expect(headers.get(header), header).toBeTruthy()
  expect((await fetch(base + '/')).status).toBe(200)
})

test.each([
  { name: 'a request line Node cannot parse', head: 'GET / HTTP/1.1 junk\r\nHost: x\r\n\r\n' },
  { name: 'a header without a colon', head: 'GET / HTTP/1.1\r\nHost: x\r\nbroken header\r\n\r\n' },
  { name: 'an HTTP/1.1 request without Host', head: 'GET / HTTP/1.1\r\nConnection: close\r\n\r\n' },
  { name: 'a control character in the target', head: 'GET /\u0001 HTTP/1.1\r\nHost: x\r\n\r\n' },
])('$name gets a 400 with the security headers, and the server keeps serving', async ({ head }) => {
  const { base, port } = await serve(await makeBuild())
  const reply = await rawRequest(port, head)
  expect(reply).toMatch(/^HTTP\/1\.1 400 /)
  expect(headersOf(reply).get('x-content-type-options')).toBe('nosniff')
  expect((await fetch(base + '/')).status).toBe(200)
})

test.each([
  { range: 'bytes=5-2', status: 200 },
  { range: 'bytes=-5', status: 200 },
  { range: 'bytes=abc', status: 200 },
  { range: 'bytes=0-9', status: 206 },
])('the Range header $range is honoured only when it is one well-formed range', async ({ range, status }) => {
  const { base } = await serve(await makeBuild())
  const response = await fetch(base + '/assets/index-abc123.js', { headers: { range, 'accept-encoding': 'identity' } })
  expect(response.status).toBe(status)
  expect(await response.text()).toBe(status === 206 ? SCRIPT.slice(0, 10) : SCRIPT)
  expect((await fetch(base + '/')).status).toBe(200)
})

test('EMBED_FRAME_ANCESTORS (else VITE_EMBED_ORIGINS) goes into frame-ancestors', async () => {
  const saved = { frame: process.env.EMBED_FRAME_ANCESTORS, origins: process.env.VITE_EMBED_ORIGINS }
  cleanups.push(() => {
    for (const [name, value] of [['EMBED_FRAME_ANCESTORS', saved.frame], ['VITE_EMBED_ORIGINS', saved.origins]] as const) {
      if (value === undefined) delete process.env[name]
      else process.env[name] = value
    }
  })
  delete process.env.EMBED_FRAME_ANCESTORS
  process.env.VITE_EMBED_ORIGINS = 'https://szd.example.cn, https://www.zjg.gov.cn'
  const fromOrigins = await serve(await makeBuild())
  const policyOf = async (base: string) => (await fetch(base + '/nothing.png')).headers.get('content-security-policy')
  expect(await policyOf(fromOrigins.base)).toContain("frame-ancestors 'self' https://szd.example.cn https://www.zjg.gov.cn")
  process.env.EMBED_FRAME_ANCESTORS = 'https://host.example'
  const fromAncestors = await serve(await makeBuild())
  expect(await policyOf(fromAncestors.base)).toMatch(/frame-ancestors 'self' https:\/\/host\.example$/)
})

test('a file deleted after the server started ends that reply only; the server keeps serving', async () => {
  const root = await makeBuild()
  const { base } = await serve(root)
  rmSync(join(root, 'assets', 'index-abc123.js'))
  const outcome = await fetch(base + '/assets/index-abc123.js', { headers: { 'accept-encoding': 'identity' } })
    .then((response) => response.text()).then(() => 'body', () => 'aborted')
  expect(outcome).toBe('aborted')
  expect((await fetch(base + '/')).status).toBe(200)
})
