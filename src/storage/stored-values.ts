import { isInstitutionId } from '../lib/institution-id'

/** The keys this app keeps in localStorage; each is validated when read (anything else falls back to its default). */
export const STORAGE_KEYS = { dataVersion: 'zjg.dataVersion', preferences: 'zjg-childcare-map:preferences' } as const

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
