// Serves the production build the way it should be deployed: precompressed (brotli/gzip), long-lived caching for
// hashed assets, no-cache for the entry points, the service worker, the web app manifest and the data, and a
// Content-Security-Policy allowing only what the app needs (README "Deployment" has the same rules for nginx).
// Usage: node scripts/serve.mjs [dir]   (PORT, HOST change the address; default 127.0.0.1:4173)
import { createServer } from 'node:http'
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs'
import { join, extname, relative, resolve, sep } from 'node:path'
import { brotliCompressSync, gzipSync, constants } from 'node:zlib'
import { fileURLToPath } from 'node:url'

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.geojson': 'application/geo+json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.pbf': 'application/x-protobuf', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.xml': 'application/xml',
}
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.webmanifest', '.svg', '.pbf', '.txt', '.csv', '.xml'])

/** Written by vite.config.ts at build time: extra CSP sources the build needs (Tianditu when a token was set). */
const BUILD_CSP_FILE = 'csp.json'

/** The Content-Security-Policy of the default build; extraConnect/extraImg/frameAncestors for optional features. */
export function contentSecurityPolicy({ extraConnect = [], extraImg = [], frameAncestors = [] } = {}) {
  return [
    "default-src 'self'",
    "script-src 'self'",
    "worker-src 'self' blob:",
    "child-src 'self' blob:",
    `connect-src 'self' ${extraConnect.join(' ')}`.trim(),
    `img-src 'self' data: blob: ${extraImg.join(' ')}`.trim(),
    "style-src 'self' 'unsafe-inline'",
    "font-src 'self' data:",
    "manifest-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    `frame-ancestors 'self' ${frameAncestors.join(' ')}`.trim(),
  ].join('; ')
}

function listFiles(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listFiles(path) : [path]
  })
}

/** Loads every file of `root` into memory, compressed once, and returns a node:http server. */
export function createStaticServer(root, { headers = {} } = {}) {
  const absoluteRoot = resolve(root)
  const files = new Map()
  const buildCspPath = join(absoluteRoot, BUILD_CSP_FILE)
  const buildCsp = existsSync(buildCspPath) ? JSON.parse(readFileSync(buildCspPath, 'utf8')) : {}
  for (const path of listFiles(absoluteRoot)) {
    if (path === buildCspPath) continue
    const body = readFileSync(path)
    const extension = extname(path)
    const entry = { body, type: TYPES[extension] ?? 'application/octet-stream' }
    if (COMPRESSIBLE.has(extension) && body.length > 512) {
      entry.br = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 9 } })
      entry.gzip = gzipSync(body, { level: 9 })
    }
    files.set('/' + relative(absoluteRoot, path).split(sep).join('/'), entry)
  }
  const csp = contentSecurityPolicy({
    extraConnect: buildCsp.connect ?? [],
    extraImg: buildCsp.img ?? [],
    frameAncestors: (process.env.EMBED_FRAME_ANCESTORS ?? process.env.VITE_EMBED_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
  })
  return createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    let pathname = decodeURIComponent(url.pathname)
    if (pathname.endsWith('/')) pathname += 'index.html'
    const entry = files.get(pathname)
    if (!entry || (request.method !== 'GET' && request.method !== 'HEAD')) {
      response.writeHead(entry ? 405 : 404, { 'content-type': 'text/plain; charset=utf-8' })
      response.end(entry ? 'Method not allowed' : 'Not found')
      return
    }
    // Only content-hashed files may be cached for good; sw.js, the manifest, index.html and data/ must revalidate
    // every time, or a deployment would never reach installed apps.
    const hashed = pathname.startsWith('/assets/')
    const common = {
      'content-type': entry.type,
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      'referrer-policy': 'no-referrer',
      'permissions-policy': 'geolocation=(self), camera=(), microphone=()',
      vary: 'Accept-Encoding',
      ...headers,
    }
    // Documents and the service worker (its own policy governs its fetches and importScripts).
    if (entry.type.startsWith('text/html') || pathname === '/sw.js') common['content-security-policy'] = csp
    const accept = String(request.headers['accept-encoding'] ?? '')
    let body = entry.body
    if (entry.br && /\bbr\b/.test(accept)) { body = entry.br; common['content-encoding'] = 'br' }
    else if (entry.gzip && /\bgzip\b/.test(accept)) { body = entry.gzip; common['content-encoding'] = 'gzip' }
    common['content-length'] = body.length
    response.writeHead(200, common)
    response.end(request.method === 'HEAD' ? undefined : body)
  })
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'dist'
  const port = Number(process.env.PORT ?? 4173)
  const host = process.env.HOST ?? '127.0.0.1'
  createStaticServer(root).listen(port, host, () => {
    console.log(`张家港托育地图 served from ${root} on http://${host}:${port}/`)
  })
}
