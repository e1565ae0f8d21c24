import { z } from 'zod'
import type { FilterState, FilterTable } from '../filters/filter-field'
import { FILTER_FIELDS, type AppFilterTable } from '../filters/filter-fields'
import { readHostFilters } from '../filters/read-host-filters'
import { isInstitutionId } from '../institution-id'
import { toPlainData } from './to-plain-data'

// zod 4 otherwise probes `new Function('')` to decide on its JIT: that trips our CSP (no unsafe-eval) and is
// reported by the browser. Set before any schema is built or used.
z.config({ jitless: true })

/** Every message of the host API has a `type` starting with this. */
export const EMBED_MESSAGE_PREFIX = 'zjg-childcare/'

// Filter values arrive as the URL parameters would carry them; the filter table decides which keys and values count.
const hostFilters = z.record(z.string(), z.unknown())

const hostMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('zjg-childcare/setFilters'), filters: hostFilters }),
  z.strictObject({
    type: z.literal('zjg-childcare/setLocation'),
    lng: z.number().min(-180).max(180),
    lat: z.number().min(-85).max(85),
  }),
  z.strictObject({ type: z.literal('zjg-childcare/select'), id: z.string().refine(isInstitutionId) }),
  z.strictObject({ type: z.literal('zjg-childcare/setView'), view: z.enum(['map', 'list']) }),
])

const lngLat = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)])

/** Schema of every message the app sends to the host; the bridge checks each one before posting. */
export const appMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('zjg-childcare/ready'), version: z.string().min(1), dataVersion: z.string() }),
  z.strictObject({ type: z.literal('zjg-childcare/selected'), id: z.string().min(1), name: z.string() }),
  z.strictObject({ type: z.literal('zjg-childcare/navigate'), name: z.string(), wgs84: lngLat, gcj02: lngLat }),
  z.strictObject({ type: z.literal('zjg-childcare/call'), phone: z.string().regex(/^[\d+\-() ]{3,32}$/) }),
  z.strictObject({ type: z.literal('zjg-childcare/resize'), height: z.number().int().min(0).max(100_000) }),
  // Near me inside a host: the host answers with setLocation (its own permission prompt, never the browser's).
  z.strictObject({ type: z.literal('zjg-childcare/requestLocation') }),
])

export type AppMessage = z.infer<typeof appMessageSchema>
export type NavigateMessage = Extract<AppMessage, { type: 'zjg-childcare/navigate' }>

/** setFilters after validation, by store key: a missing key leaves that filter alone; `[]`, `''` and `null` clear it. */
export type HostFilters<T extends FilterTable = AppFilterTable> = Partial<FilterState<T>>

export type HostMessage<T extends FilterTable = AppFilterTable> =
  | { type: 'zjg-childcare/setFilters'; filters: HostFilters<T> }
  | { type: 'zjg-childcare/setLocation'; lng: number; lat: number }
  | { type: 'zjg-childcare/select'; id: string }
  | { type: 'zjg-childcare/setView'; view: 'map' | 'list' }

/**
 * Validates a message from the host (the `data` of a `message` event). Returns the normalized message (filters by
 * store key, from the filter table: FILTER_FIELDS unless given), or null for anything malformed: not small plain
 * data, unknown type, extra or missing keys, values the URL parameters would not accept. Never throws.
 *
 * @example
 * parseHostMessage({ type: 'zjg-childcare/setFilters', filters: { types: ['community'], puhui: 1, age: '18' } })
 * // { type: 'zjg-childcare/setFilters', filters: { types: ['community'], puhui: true, ageMonths: 18 } }
 * parseHostMessage({ type: 'zjg-childcare/setView', view: 'admin' }) // null
 */
export function parseHostMessage<T extends FilterTable = AppFilterTable>(data: unknown, table?: T): HostMessage<T> | null {
  const plain = toPlainData(data)
  if (typeof plain !== 'object' || plain === null || Array.isArray(plain)) return null
  if (typeof plain.type !== 'string' || !plain.type.startsWith(EMBED_MESSAGE_PREFIX)) return null
  const result = hostMessage.safeParse(plain)
  if (!result.success) return null
  const message = result.data
  if (message.type !== 'zjg-childcare/setFilters') return message
  const filters = readHostFilters(table ?? FILTER_FIELDS, message.filters)
  return filters ? { type: message.type, filters: filters as HostFilters<T> } : null
}
