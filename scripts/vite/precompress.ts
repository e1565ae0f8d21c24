// Own code, not vite-plugin-compression2: that plugin is not among our dependencies, and this is two zlib calls per file.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs'
import { extname, join, resolve } from 'node:path'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'
import type { Plugin } from 'vite'

/** Text types worth compressing (README "Deployment"); images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.webmanifest', '.svg', '.pbf', '.txt', '.xml'])
/** Below this, the headers cost more than compression saves. */
const MIN_BYTES = 512
/** Read by the server, never served: no compressed copy either. */
const NEVER_SERVED = new Set(['csp.json'])

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? listFiles(path) : [path]
  })
}

/**
 * Writes `<file>.br` and `<file>.gz` next to every compressible file of `dir` (where smaller), so the server (sirv,
 * or nginx's brotli_static / gzip_static) sends them without compressing per request. Returns the files compressed.
 * Deterministic: gzip writes no timestamp, brotli none at all.
 */
export function precompressDirectory(dir: string): string[] {
  const done: string[] = []
  for (const path of listFiles(dir)) {
    const name = path.slice(dir.length + 1)
    if (!COMPRESSIBLE.has(extname(path)) || NEVER_SERVED.has(name)) continue
    const body = readFileSync(path)
    if (body.length < MIN_BYTES) continue
    const brotli = brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } })
    const gzip = gzipSync(body, { level: 9 })
    if (brotli.length < body.length) writeFileSync(`${path}.br`, brotli)
    if (gzip.length < body.length) writeFileSync(`${path}.gz`, gzip)
    done.push(name)
  }
  return done
}

/** Precompresses the finished build, after vite-plugin-pwa has written sw.js (its closeBundle is not 'post'). */
export function precompress(): Plugin {
  let outDir = 'dist'
  return {
    name: 'zjg-precompress',
    apply: 'build',
    enforce: 'post',
    configResolved(config) { outDir = resolve(config.root, config.build.outDir) },
    closeBundle: {
      sequential: true,
      order: 'post',
      handler() { precompressDirectory(outDir) },
    },
  }
}
