// Checks a production build (default dist/): the service worker's precache list holds every file the app needs
// offline (MapLibre's worker, data, glyphs, basemap, …), and the size budgets of issue 5 hold:
// JavaScript excluding MapLibre ≤ 80 kB gzip, the data files together ≤ 150 kB gzip.
// Usage: node scripts/check-dist.mjs [dist]   (exit 1 when a check fails; used by `npm run lighthouse` and tests)
import { readFileSync, readdirSync, statSync, existsSync } from 'node:fs'
import { join, relative, resolve, sep } from 'node:path'
import { gzipSync } from 'node:zlib'
import { fileURLToPath } from 'node:url'

export const BUDGETS = { appJsGzipBytes: 80 * 1024, dataGzipBytes: 150 * 1024 }
/**
 * Files that are deliberately not precached: the service worker itself, server hints, the rejected-rows report and
 * the deploy-time config.json (read fresh at every start), the embedding demo page (a host page, not part of the app: globIgnored in scripts/vite/pwa-options.ts) and the
 * precompressed copies (.br/.gz, the same files in another encoding).
 */
const NOT_PRECACHED = [/^sw\.js$/, /^workbox-[\w-]+\.js$/, /^csp\.json$/, /^config\.json$/, /^robots\.txt$/, /\.csv$/, /\.map$/, /^embed-demo\./, /\.(br|gz)$/]
const BASEMAP_FILES = ['data/boundary.geojson', 'data/zones.geojson', 'data/communities.geojson', 'data/water.geojson']
const isMapLibre = (file) => /(^|\/)maplibre[-\w]*\.m?js$/.test(file)

function listFiles(root, dir = root) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name)
    return statSync(path).isDirectory() ? listFiles(root, path) : [relative(root, path).split(sep).join('/')]
  })
}

const gzipBytes = (path) => gzipSync(readFileSync(path), { level: 9 }).length

/** URLs (relative to the build root) in the precache manifest that vite-plugin-pwa wrote into sw.js. */
export function precacheUrls(dist = 'dist') {
  const sw = readFileSync(join(dist, 'sw.js'), 'utf8')
  return [...sw.matchAll(/\{url:"([^"]+)",revision:(?:"[^"]*"|null)\}/g)].map((match) => match[1].replace(/^\.\//, ''))
}

/** Files of the build the service worker should precache but does not. */
export function missingFromPrecache(dist = 'dist') {
  const precached = new Set(precacheUrls(dist))
  return listFiles(dist).filter((file) => !NOT_PRECACHED.some((pattern) => pattern.test(file)) && !precached.has(file))
}

/** Scripts the first screen loads: index.html's entry and everything it imports statically. */
export function initialScripts(dist = 'dist') {
  const html = readFileSync(join(dist, 'index.html'), 'utf8')
  const queue = [...html.matchAll(/<(?:script[^>]*src|link[^>]*rel="modulepreload"[^>]*href)="\.?\/?([^"]+\.js)"/g)].map((match) => match[1])
  const seen = new Set()
  while (queue.length) {
    const file = queue.shift()
    if (seen.has(file)) continue
    seen.add(file)
    const code = readFileSync(join(dist, file), 'utf8')
    // Static imports only (`import … from "./x.js"` / `import "./x.js"`); import("…") stays lazy.
    for (const match of code.matchAll(/(?:^|[;}\n])\s*import\s*(?:[\w$*{}\s,]+from\s*)?["']\.\/([^"']+\.js)["']/g)) {
      queue.push(join(file, '..', match[1]).split(sep).join('/'))
    }
  }
  return [...seen]
}

/**
 * Gzip sizes: the JavaScript of the first screen without MapLibre (the budget), all page JavaScript without
 * MapLibre (lazy chunks too), MapLibre (main + worker), the service worker, the data files.
 */
export function distSizes(dist = 'dist') {
  const files = listFiles(dist)
  const sum = (list) => list.reduce((total, file) => total + gzipBytes(join(dist, file)), 0)
  const scripts = files.filter((file) => file.startsWith('assets/') && /\.m?js$/.test(file))
  const data = files.filter((file) => /^data\/[^/]+\.(json|geojson)$/.test(file))
  return {
    appJsGzipBytes: sum(initialScripts(dist).filter((file) => !isMapLibre(file))),
    allAppJsGzipBytes: sum(scripts.filter((file) => !isMapLibre(file))),
    mapLibreGzipBytes: sum(scripts.filter(isMapLibre)),
    serviceWorkerGzipBytes: sum(files.filter((file) => /^(sw|workbox-[\w-]+)\.js$/.test(file))),
    dataGzipBytes: sum(data),
    dataFiles: data.length,
  }
}

/** Every check as { name, ok, detail }. */
export function checkDist(dist = 'dist') {
  const files = listFiles(dist)
  const precached = new Set(precacheUrls(dist))
  const sizes = distSizes(dist)
  const kb = (bytes) => `${(bytes / 1024).toFixed(1)} kB`
  const has = (pattern) => files.filter((file) => pattern.test(file))
  const allPrecached = (list) => list.length > 0 && list.every((file) => precached.has(file))
  const missing = missingFromPrecache(dist)
  // The offline basemap is drawn from our own data (land, planning areas, community names) with a local style.
  const basemap = [...BASEMAP_FILES.filter((file) => files.includes(file)), ...has(/basemap/i)]
  return [
    { name: 'MapLibre worker precached', ok: allPrecached(has(/^assets\/maplibre-gl-worker-[\w-]+\.mjs$/)), detail: has(/worker.*\.mjs$/).join(', ') },
    { name: 'data files precached', ok: allPrecached(has(/^data\/[^/]+\.(json|geojson)$/)), detail: `${sizes.dataFiles} files` },
    { name: 'glyphs precached', ok: allPrecached(has(/^glyphs\/.+\.pbf$/)), detail: `${has(/^glyphs\/.+\.pbf$/).length} .pbf files` },
    { name: 'basemap precached', ok: allPrecached(basemap), detail: basemap.join(', ') },
    { name: 'every shipped file precached', ok: missing.length === 0, detail: missing.length ? `missing: ${missing.join(', ')}` : `${precached.size} entries` },
    { name: 'first-screen JS excluding MapLibre ≤ 80 kB gzip', ok: sizes.appJsGzipBytes <= BUDGETS.appJsGzipBytes, detail: `${kb(sizes.appJsGzipBytes)} first screen, ${kb(sizes.allAppJsGzipBytes)} with lazy chunks (MapLibre ${kb(sizes.mapLibreGzipBytes)}, service worker ${kb(sizes.serviceWorkerGzipBytes)})` },
    { name: 'data files ≤ 150 kB gzip', ok: sizes.dataGzipBytes <= BUDGETS.dataGzipBytes, detail: kb(sizes.dataGzipBytes) },
  ]
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? 'dist'
  if (!existsSync(join(dist, 'sw.js'))) {
    console.error(`${dist}/sw.js missing: build first (npm run data && npx vite build)`)
    process.exit(1)
  }
  const checks = checkDist(dist)
  for (const check of checks) console.log(`${check.ok ? 'ok  ' : 'FAIL'} ${check.name}: ${check.detail}`)
  process.exit(checks.every((check) => check.ok) ? 0 : 1)
}
