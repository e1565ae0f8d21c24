// The last data set that passed validation, kept in Cache Storage (independent of the service worker, which may
// be missing). A broken or partial deployment then falls back to it instead of blanking the app.
const CACHE_NAME = 'zjg-data-last-good'
const MANIFEST_KEY = 'manifest.json'
// Files are keyed by content hash, so writing a new set never corrupts the one the stored manifest points to.
const keyOf = (name: string, hash = '') => new URL(`last-good/${name}${hash ? `?sha256=${hash}` : ''}`, location.href).href

async function openCache(): Promise<Cache | null> {
  try {
    return 'caches' in globalThis ? await caches.open(CACHE_NAME) : null
  } catch {
    return null // Cache Storage is unavailable on insecure origins and in some private modes.
  }
}

/** Stores one validated file under its content hash. */
export async function saveLastGoodFile(name: string, hash: string, bytes: Uint8Array): Promise<void> {
  const cache = await openCache()
  try {
    await cache?.put(keyOf(name, hash), new Response(bytes as Uint8Array<ArrayBuffer>))
  } catch {
    // Quota errors: whatever was stored before stays usable.
  }
}

/**
 * Makes a validated manifest the last good one (call after its files were saved), then drops stored files it
 * no longer references.
 */
export async function saveLastGoodManifest(manifestBytes: Uint8Array, files: Record<string, { hash: string }>): Promise<void> {
  const cache = await openCache()
  if (!cache) return
  try {
    await cache.put(keyOf(MANIFEST_KEY), new Response(manifestBytes as Uint8Array<ArrayBuffer>))
    const keep = new Set([keyOf(MANIFEST_KEY), ...Object.entries(files).map(([name, file]) => keyOf(name, file.hash))])
    for (const request of await cache.keys()) if (!keep.has(request.url)) await cache.delete(request)
  } catch {
    // Quota errors: whatever was stored before stays usable.
  }
}

/** Bytes of the last good manifest (no hash) or of one of its files (with the hash the manifest gives), or null. */
export async function readLastGood(name: string, hash = ''): Promise<Uint8Array | null> {
  const cache = await openCache()
  const response = await cache?.match(keyOf(name, hash))
  return response ? new Uint8Array(await response.arrayBuffer()) : null
}
