import { isInstitutionId } from '../lib/institution-id'

/** The keys this app keeps in localStorage; each is validated when read (anything else falls back to its default). */
export const STORAGE_KEYS = {
  dataVersion: 'zjg.dataVersion', preferences: 'zjg-childcare-map:preferences', place: 'zjg-childcare-map:my-place',
} as const

export type AppLocale = 'zh-CN' | 'en'

export interface StoredPreferences {
  locale: AppLocale
  elder: boolean
  favourites: string[]
}

/** A dataVersion as scripts/build-data.ts writes it (src/lib/manifest.ts): 12 lowercase hex digits. */
const DATA_VERSION = /^[0-9a-f]{12}$/
/** More favourites than any registry has institutions is not something a person did. */
const MAX_FAVOURITES = 1000

// Some webviews throw on any localStorage access: values then live in memory for the session.
const memory = new Map<string, string>()

function readRaw(key: string): string | null {
  try { return globalThis.localStorage.getItem(key) } catch { return memory.get(key) ?? null }
}

function writeRaw(key: string, value: string) {
  try { globalThis.localStorage.setItem(key, value) } catch { memory.set(key, value) }
}

function parseJson(raw: string | null): unknown {
  if (raw === null) return undefined
  try { return JSON.parse(raw) } catch { return undefined }
}

/** The dataVersion this device last showed; '' when none was stored or the stored value is not a dataVersion. */
export function readSeenDataVersion(): string {
  const raw = readRaw(STORAGE_KEYS.dataVersion)
  return raw !== null && DATA_VERSION.test(raw) ? raw : ''
}

export function writeSeenDataVersion(version: string) {
  writeRaw(STORAGE_KEYS.dataVersion, version)
}

/** The stored preferences, each field only when valid (a missing field means "use the default"). */
export function readPreferences(): Partial<StoredPreferences> {
  const raw = parseJson(readRaw(STORAGE_KEYS.preferences))
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return {}
  const record = raw as Record<string, unknown>
  const stored: Partial<StoredPreferences> = {}
  if (record.locale === 'zh-CN' || record.locale === 'en') stored.locale = record.locale
  if (typeof record.elder === 'boolean') stored.elder = record.elder
  if (Array.isArray(record.favourites)) {
    const ids = record.favourites.filter((id): id is string => typeof id === 'string' && isInstitutionId(id))
    stored.favourites = [...new Set(ids)].slice(0, MAX_FAVOURITES)
  }
  return stored
}

export function writePreferences(preferences: StoredPreferences) {
  writeRaw(STORAGE_KEYS.preferences, JSON.stringify(preferences))
}

/** "My place" as remembered on this device, only when the user ticked 记住我的位置. */
export interface StoredPlace {
  lng: number
  lat: number
  source: 'gps' | 'map' | 'town' | 'community' | 'host'
  /** The town or 村/社区 name of an approximate place. */
  label?: string
}

const PLACE_SOURCES: ReadonlySet<unknown> = new Set(['gps', 'map', 'town', 'community', 'host'])
// Anything outside this box is not a place in or near Zhangjiagang: drop it rather than draw a circle at sea.
const PLACE_BOX = { west: 119.5, east: 121.9, south: 31.0, north: 32.7 }
const MAX_PLACE_LABEL = 60

/** The remembered place, or null when none is stored or the stored value is not a valid place near the city. */
export function readRememberedPlace(): StoredPlace | null {
  const raw = parseJson(readRaw(STORAGE_KEYS.place))
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null
  const record = raw as Record<string, unknown>
  const { lng, lat, source, label } = record
  if (typeof lng !== 'number' || typeof lat !== 'number' || !PLACE_SOURCES.has(source)) return null
  if (!(lng >= PLACE_BOX.west && lng <= PLACE_BOX.east && lat >= PLACE_BOX.south && lat <= PLACE_BOX.north)) return null
  const place: StoredPlace = { lng, lat, source: source as StoredPlace['source'] }
  if (typeof label === 'string' && label.length > 0 && label.length <= MAX_PLACE_LABEL) place.label = label
  return place
}

/** Remembers the place, or forgets it (null): the value is removed, never left behind. */
export function writeRememberedPlace(place: StoredPlace | null) {
  if (place) {
    writeRaw(STORAGE_KEYS.place, JSON.stringify(place.label ? place : { lng: place.lng, lat: place.lat, source: place.source }))
    return
  }
  memory.delete(STORAGE_KEYS.place)
  try { globalThis.localStorage.removeItem(STORAGE_KEYS.place) } catch { /* blocked storage: memory is already clear */ }
}
