// Serves the production build the way it should be deployed (README "Deployment" has the same rules for nginx):
// sirv does the file serving (the precompressed .br/.gz siblings the build writes, ETags, HEAD); this file only adds
// our policy around it: request validation, security headers on every response, cache rules and the SPA fallback.
// Usage: node scripts/serve.mjs [dir]   (PORT, HOST change the address; default 127.0.0.1:4173)
import { createServer, STATUS_CODES } from 'node:http'
import { existsSync, readFileSync } from 'node:fs'
import { extname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import sirv from 'sirv'

/** Content types with the charset browsers should use (sirv's table has no charset, .pbf or .ico). */
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8', '.geojson': 'application/geo+json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ico': 'image/x-icon', '.pbf': 'application/x-protobuf', '.woff2': 'font/woff2', '.txt': 'text/plain; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8', '.xml': 'application/xml',
}

/** Written by the build (build/plugins/csp-manifest.ts): extra CSP sources the build needs. Read, never served. */
const BUILD_CSP_FILE = 'csp.json'
/** Deploy-time settings (src/config/load-runtime-config.ts): a Tianditu token there allows Tianditu's hosts. */
const RUNTIME_CONFIG_FILE = 'config.json'
const TIANDITU_HOSTS = ['https://*.tianditu.gov.cn']
const PRIVATE_PATH = new RegExp(`^/${BUILD_CSP_FILE.replace('.', '\\.')}(\\.br|\\.gz)?$`)
const ALLOWED_METHODS = 'GET, HEAD'
/** One byte range `start-` or `start-end`; anything else is ignored (sirv would misread it or throw on it). */
const SIMPLE_RANGE = /^bytes=(\d+)-(\d*)$/

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

/** Tianditu's hosts when config.json (read once at start) has a token; none when it is absent, empty or unreadable. */
function runtimeConfigHosts(root) {
  const path = join(root, RUNTIME_CONFIG_FILE)
  try {
    const config = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {}
    return typeof config?.tiandituToken === 'string' && config.tiandituToken.trim() ? TIANDITU_HOSTS : []
  } catch {
    return []
  }
}

/** The policy: csp.json's extra hosts, config.json's, and EMBED_FRAME_ANCESTORS (else VITE_EMBED_ORIGINS). */
function buildPolicy(root) {
  const path = join(root, BUILD_CSP_FILE)
  const extra = existsSync(path) ? JSON.parse(readFileSync(path, 'utf8')) : {}
  const runtime = runtimeConfigHosts(root)
  const unique = (list) => [...new Set(list)]
  const hosts = process.env.EMBED_FRAME_ANCESTORS ?? process.env.VITE_EMBED_ORIGINS ?? ''
  return contentSecurityPolicy({
    extraConnect: unique([...(extra.connect ?? []), ...runtime]),
    extraImg: unique([...(extra.img ?? []), ...runtime]),
    frameAncestors: hosts.split(',').map((host) => host.trim()).filter(Boolean),
  })
}

/** The request's path, normalised and checked, or null when the target is malformed (unparsable, bad escapes). */
function requestPath(target) {
  try {
    const url = new URL(target, 'http://localhost')
    decodeURIComponent(url.pathname)
    return { pathname: url.pathname, search: url.search }
  } catch {
    return null
  }
}

/** Headers every response carries, errors included. */
function securityHeaders(policy) {
  return {
    'content-security-policy': policy,
    'x-content-type-options': 'nosniff',
    'referrer-policy': 'no-referrer',
    'permissions-policy': 'geolocation=(self), camera=(), microphone=()',
  }
}

/** Cache rule of README "Deployment": content-hashed assets forever, everything else revalidates. */
const cacheControl = (pathname) => (pathname.startsWith('/assets/') && extname(pathname) !== ''
  ? 'public, max-age=31536000, immutable'
  : 'no-cache')

/** Documents and the service worker get the CSP (its own policy governs its fetches and importScripts). */
const wantsPolicy = (pathname) => pathname === '/sw.js' || ['', '.html'].includes(extname(pathname))

function sendError(response, status, extra = {}) {
  if (response.headersSent) { response.destroy(); return }
  const body = `${STATUS_CODES[status] ?? 'Error'}\n`
  response.writeHead(status, {
    'content-type': 'text/plain; charset=utf-8',
    'content-length': Buffer.byteLength(body),
    'cache-control': 'no-cache',
    ...extra,
  })
  response.end(body)
}

/** A bare HTTP reply for requests Node's parser rejected (there is no response object then). */
function rawReply(status, headers) {
  const body = `${STATUS_CODES[status]}\n`
  const lines = Object.entries({ ...headers, 'content-type': 'text/plain; charset=utf-8', 'content-length': body.length, connection: 'close' })
  return `HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\n${lines.map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\n\r\n${body}`
}

/** Serves `root` (read once at start) with our headers; returns a node:http server that nothing a client sends stops. */
export function createStaticServer(root, { headers = {} } = {}) {
  const absoluteRoot = resolve(root)
  const policy = buildPolicy(absoluteRoot)
  const security = { ...securityHeaders(policy), ...headers }
  const files = sirv(absoluteRoot, {
    etag: true,
    brotli: true,
    gzip: true,
    // Only our TYPES decide the content type; sirv's own guess stays when the extension is not in the table.
    setHeaders: (response, pathname) => {
      const type = TYPES[pathname.endsWith('/') ? '.html' : extname(pathname)]
      if (type) response.setHeader('content-type', type)
    },
  })
  const fail = (response, status, extra = {}) => sendError(response, status, { ...security, ...extra })
  // A navigation to a path without a file extension gets the app (SPA fallback); a missing file gets a 404.
  const serveFile = (request, response, pathname) => files(request, response, () => {
    if (extname(pathname) !== '') return fail(response, 404)
    request.url = '/index.html'
    files(request, response, () => fail(response, 404))
  })

  const handle = (request, response) => {
    for (const [name, value] of Object.entries(security)) response.setHeader(name, value)
    const path = requestPath(request.url ?? '/')
    // HTTP/1.1 requires Host; checked here (not by Node) so the 400 carries our headers too.
    if (!path || (request.httpVersion === '1.1' && !request.headers.host)) return fail(response, 400)
    if (request.method !== 'GET' && request.method !== 'HEAD') return fail(response, 405, { allow: ALLOWED_METHODS })
    if (PRIVATE_PATH.test(decodeURIComponent(path.pathname))) return fail(response, 404)
    const range = request.headers.range
    const match = range ? SIMPLE_RANGE.exec(range) : null
    if (range && (!match || (match[2] !== '' && Number(match[2]) < Number(match[1])))) delete request.headers.range
    request.url = path.pathname + path.search
    response.setHeader('cache-control', cacheControl(path.pathname))
    if (!wantsPolicy(path.pathname)) response.removeHeader('content-security-policy')
    // sirv pipes a file stream into the response: a file removed since start must end this reply, not the process.
    response.on('pipe', (source) => source.on('error', () => response.destroy()))
    serveFile(request, response, path.pathname)
  }

  const server = createServer({ requireHostHeader: false }, (request, response) => {
    try {
      handle(request, response)
    } catch {
      sendError(response, 500, security)
    }
  })
  // Lines Node's parser rejects: answer like Node does (400, 408, 431), but with our headers.
  server.on('clientError', (error, socket) => {
    if (error.code === 'ECONNRESET' || !socket.writable) { socket.destroy(); return }
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400
    socket.end(rawReply(status, { ...security, 'cache-control': 'no-cache' }))
  })
  return server
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const root = process.argv[2] ?? 'dist'
  const port = Number(process.env.PORT ?? 4173)
  const host = process.env.HOST ?? '127.0.0.1'
  createStaticServer(root).listen(port, host, () => {
    console.log(`张家港托育地图 served from ${root} on http://${host}:${port}/`)
  })
}
