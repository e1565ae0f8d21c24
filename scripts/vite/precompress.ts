// Own code, not vite-plugin-compression2: that plugin is not among our dependencies, and this is two zlib calls per file.
import { readdirSync } from 'node:fs'
import { readFile, writeFile } from 'node:fs/promises'
import { promisify } from 'node:util'
import { extname, join, resolve } from 'node:path'
import { brotliCompress, constants, gzip } from 'node:zlib'
import type { Plugin } from 'vite'

/** Text types worth compressing (README "Deployment"); images and fonts are compressed already. */
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.geojson', '.webmanifest', '.svg', '.pbf', '.txt', '.xml'])
/** Below this, the headers cost more than compression saves. */
const MIN_BYTES = 512
/** Brotli 10: within 2 % of 11's size at half its time (MapLibre 237 vs 233 kB; 2.0 vs 4.4 s here). */
const BROTLI_QUALITY = 10
/** Read by the server, never served: no compressed copy either. */
const NEVER_SERVED = new Set(['csp.json'])

function listFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name)
    return entry.isDirectory() ? listFiles(path) : [path]
  })
}

const brotliAsync = promisify(brotliCompress)
const gzipAsync = promisify(gzip)

/** Writes `path`.br and `path`.gz where they are smaller; false when the file is not worth compressing. */
async function compressFile(path: string): Promise<boolean> {
  const body = await readFile(path)
  if (body.length < MIN_BYTES) return false
  const [brotli, gzipped] = await Promise.all([
    brotliAsync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY, [constants.BROTLI_PARAM_SIZE_HINT]: body.length } }),
    gzipAsync(body, { level: 9 }),
  ])
  if (brotli.length < body.length) await writeFile(`${path}.br`, brotli)
  if (gzipped.length < body.length) await writeFile(`${path}.gz`, gzipped)
  return true
}

/**
 * Writes `<file>.br` and `<file>.gz` next to every compressible file of `dir` (where smaller), so the server (sirv,
 * or nginx's brotli_static / gzip_static) sends them without compressing per request. Resolves with the files
 * compressed. Deterministic: gzip writes no timestamp, brotli none at all. Runs on libuv's threads, so all cores help.
 */
export async function precompressDirectory(dir: string): Promise<string[]> {
  const candidates = listFiles(dir).filter((path) => COMPRESSIBLE.has(extname(path)) && !NEVER_SERVED.has(path.slice(dir.length + 1)))
  const compressed = await Promise.all(candidates.map(compressFile))
  return candidates.filter((_, index) => compressed[index]).map((path) => path.slice(dir.length + 1))
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
      async handler() { await precompressDirectory(outDir) },
    },
  }
}
