import { z } from 'zod'
import { DEEP_LINK_VIEWS, MAX_QUERY_LENGTH } from '../deep-link/deep-link-state'
import { parseDeepLink } from '../deep-link/parse-deep-link'
import type { InstitutionType } from '../types'

// zod 4 otherwise probes `new Function('')` to decide on its JIT: that trips our CSP (no unsafe-eval) and is
// reported by the browser. Set before any schema is built or used.
z.config({ jitless: true })

/** Every message of the host API has a `type` starting with this. */
export const EMBED_MESSAGE_PREFIX = 'zjg-childcare/'

// Values arrive as the URL parameters would carry them; parseDeepLink decides which are valid.
const urlFlag = z.union([z.boolean(), z.literal(0), z.literal(1), z.literal('0'), z.literal('1')])
const hostFilters = z.strictObject({
  types: z.array(z.string().max(32)).max(16).optional(),
  puhui: urlFlag.optional(),
  age: z.union([z.number(), z.string().max(8), z.null()]).optional(),
  q: z.string().max(MAX_QUERY_LENGTH * 4).optional(),
})

const hostMessage = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('zjg-childcare/setFilters'), filters: hostFilters }),
  z.strictObject({
    type: z.literal('zjg-childcare/setLocation'),
    lng: z.number().min(-180).max(180),
    lat: z.number().min(-85).max(85),
  }),
  z.strictObject({ type: z.literal('zjg-childcare/select'), id: z.string().min(1).max(64) }),
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
])

export type AppMessage = z.infer<typeof appMessageSchema>
export type NavigateMessage = Extract<AppMessage, { type: 'zjg-childcare/navigate' }>

/** setFilters after validation: a missing key leaves that filter alone; `[]`, `''` and `null` clear it. */
export interface HostFilters {
  types?: InstitutionType[]
  puhui?: boolean
  age?: number | null
  q?: string
}

export type HostMessage =
  | { type: 'zjg-childcare/setFilters'; filters: HostFilters }
  | { type: 'zjg-childcare/setLocation'; lng: number; lat: number }
  | { type: 'zjg-childcare/select'; id: string }
  | { type: 'zjg-childcare/setView'; view: 'map' | 'list' }

type RawFilters = z.infer<typeof hostFilters>

/** Runs the filter values through the deep-link parser; null when any given value is invalid. */
function normalizeFilters(raw: RawFilters): HostFilters | null {
  const params = new URLSearchParams()
  if (raw.types && raw.types.length > 0) params.set('types', raw.types.join(','))
  if (raw.puhui !== undefined) params.set('puhui', raw.puhui === true || raw.puhui === 1 || raw.puhui === '1' ? '1' : '0')
  if (raw.age !== undefined && raw.age !== null && raw.age !== '') params.set('age', String(raw.age))
  if (raw.q !== undefined && raw.q.trim() !== '') params.set('q', raw.q)
  const parsed = parseDeepLink(params.toString())
  const filters: HostFilters = {}
  if (raw.types !== undefined) {
    // Every listed type must be known: a partly valid list would filter differently than the host asked.
    if (raw.types.length > 0 && parsed.types?.length !== new Set(raw.types).size) return null
    filters.types = parsed.types ?? []
  }
  if (raw.puhui !== undefined) filters.puhui = parsed.puhui
  if (raw.age !== undefined) {
    if (params.has('age') && parsed.age === undefined) return null
    filters.age = parsed.age ?? null
  }
  if (raw.q !== undefined) {
    if (params.has('q') && parsed.q === undefined) return null
    filters.q = parsed.q ?? ''
  }
  return filters
}

/**
 * Validates a message from the host (the `data` of a `message` event). Returns the normalized message, or null
 * for anything malformed: unknown type, extra or missing keys, values the URL parameters would not accept.
 *
 * @example
 * parseHostMessage({ type: 'zjg-childcare/setFilters', filters: { types: ['community'], puhui: 1, age: '18' } })
 * // { type: 'zjg-childcare/setFilters', filters: { types: ['community'], puhui: true, age: 18 } }
 * parseHostMessage({ type: 'zjg-childcare/setView', view: 'admin' }) // null
 */
export function parseHostMessage(data: unknown): HostMessage | null {
  const result = hostMessage.safeParse(data)
  if (!result.success) return null
  const message = result.data
  switch (message.type) {
    case 'zjg-childcare/setFilters': {
      const filters = normalizeFilters(message.filters)
      return filters ? { type: message.type, filters } : null
    }
    case 'zjg-childcare/select': {
      const id = parseDeepLink(new URLSearchParams({ id: message.id }).toString()).id
      return id === message.id ? { type: message.type, id } : null
    }
    case 'zjg-childcare/setView':
      return DEEP_LINK_VIEWS.includes(message.view) ? { type: message.type, view: message.view } : null
    default:
      return { type: message.type, lng: message.lng, lat: message.lat }
  }
}
