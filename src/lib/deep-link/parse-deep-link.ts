import { DEEP_LINK_VIEWS, MAX_AGE_MONTHS, MAX_QUERY_LENGTH, type DeepLinkState } from './deep-link-state'
import { AREA_IDS, INSTITUTION_TYPES, SERVICE_FORMS, type AreaId, type InstitutionType, type ServiceForm } from '../types'

function integerIn(text: string | null, min: number, max: number): number | undefined {
  if (text === null || !/^\d+$/.test(text)) return undefined
  const value = Number(text)
  return value >= min && value <= max ? value : undefined
}

function numberIn(text: string | null, min: number, max: number): number | undefined {
  if (text === null || text.trim() === '') return undefined
  const value = Number(text)
  return Number.isFinite(value) && value >= min && value <= max ? value : undefined
}

function flag(text: string | null): boolean | undefined {
  if (text === '1' || text === 'true') return true
  if (text === '0' || text === 'false') return false
  return undefined
}

function oneOf<T extends string>(text: string | null, allowed: readonly T[]): T | undefined {
  return allowed.includes(text as T) ? (text as T) : undefined
}

/**
 * Reads the app state from a URL query string. Invalid or unknown values are dropped, never thrown on.
 * `lng`, `lat` and `z` are kept only together.
 *
 * @example
 * parseDeepLink('?types=community,bogus&puhui=1&age=300&lang=en')
 * // { types: ['community'], puhui: true, lang: 'en' }
 */
export function parseDeepLink(search: string): Partial<DeepLinkState> {
  const params = new URLSearchParams(search)
  const state: Partial<DeepLinkState> = {}
  const types = params.get('types')?.split(',').filter((type): type is InstitutionType => INSTITUTION_TYPES.includes(type as InstitutionType))
  if (types && types.length > 0) state.types = [...new Set(types)]
  const set = <K extends keyof DeepLinkState>(key: K, value: DeepLinkState[K] | undefined) => {
    if (value !== undefined) state[key] = value
  }
  set('puhui', flag(params.get('puhui')))
  set('age', integerIn(params.get('age'), 0, MAX_AGE_MONTHS))
  set('service', oneOf<ServiceForm>(params.get('service'), SERVICE_FORMS))
  set('price', integerIn(params.get('price'), 1, 1_000_000))
  set('vacancy', flag(params.get('vacancy')))
  set('medical', flag(params.get('medical')))
  set('inclusive', flag(params.get('inclusive')))
  const query = params.get('q')?.trim()
  if (query && query.length <= MAX_QUERY_LENGTH) state.q = query
  set('town', oneOf<AreaId>(params.get('town'), AREA_IDS))
  const id = params.get('id')
  if (id && /^[\w.:-]{1,64}$/.test(id)) state.id = id
  set('view', oneOf(params.get('view'), DEEP_LINK_VIEWS))
  const lang = params.get('lang')
  if (lang === 'zh' || lang === 'zh-CN') state.lang = 'zh-CN'
  else if (lang === 'en') state.lang = 'en'
  set('elder', flag(params.get('elder')))
  const lng = numberIn(params.get('lng'), -180, 180)
  const lat = numberIn(params.get('lat'), -85, 85)
  const zoom = numberIn(params.get('z'), 0, 22)
  if (lng !== undefined && lat !== undefined && zoom !== undefined) Object.assign(state, { lng, lat, z: zoom })
  return state
}
