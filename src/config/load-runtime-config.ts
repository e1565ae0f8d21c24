/** What a deployment may set in config.json at the site root (README "Deployment"). */
export interface RuntimeConfig {
  /** 天地图 browser key; empty: the local basemap only, and no third-party request at all. */
  tiandituToken: string
  /** 审图号 shown with the Tianditu map; empty: the default of DEFAULT_REVIEW_NO. */
  tiandituReviewNo: string
}

/** 天地图's 审图号 at the time of writing; a deployment sets the current one in config.json. */
export const DEFAULT_REVIEW_NO = 'GS(2024)0568号'
export const EMPTY_CONFIG: RuntimeConfig = Object.freeze({ tiandituToken: '', tiandituReviewNo: '' })
/** The last config read online, for a start without a connection (it is never precached: it changes without a build). */
const CACHE_NAME = 'runtime-config'
const MAX_LENGTH = 200

const text = (value: unknown) => (typeof value === 'string' && value.length <= MAX_LENGTH ? value.trim() : '')

/** The recognised fields of a parsed config.json; anything else is ignored. */
export function parseRuntimeConfig(value: unknown): RuntimeConfig {
  if (typeof value !== 'object' || value === null) return EMPTY_CONFIG
  const record = value as Record<string, unknown>
  const token = text(record.tiandituToken)
  return { tiandituToken: /^[\w-]*$/.test(token) ? token : '', tiandituReviewNo: text(record.tiandituReviewNo) }
}

async function cached(url: string): Promise<unknown> {
  if (typeof caches === 'undefined') return null
  const response = await caches.match(url, { cacheName: CACHE_NAME })
  return response ? response.json() : null
}

/** Reads config.json (revalidated every start); offline, the copy of the last good read; else the defaults. */
export async function loadRuntimeConfig(baseUrl: string): Promise<RuntimeConfig> {
  const url = new URL('config.json', baseUrl).href
  // Known offline: no request at all (a failed one is logged as an error), the last copy read.
  if (typeof navigator !== 'undefined' && !navigator.onLine) return parseRuntimeConfig(await cached(url).catch(() => null))
  try {
    const response = await fetch(url, { cache: 'no-cache' })
    if (!response.ok) return EMPTY_CONFIG
    const body: unknown = await response.clone().json()
    if (typeof caches !== 'undefined') await (await caches.open(CACHE_NAME)).put(url, response).catch(() => undefined)
    return parseRuntimeConfig(body)
  } catch {
    return parseRuntimeConfig(await cached(url).catch(() => null))
  }
}
