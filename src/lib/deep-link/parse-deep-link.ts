import { DEEP_LINK_VIEWS, type DeepLinkAppState, type DeepLinkState } from './deep-link-state'
import type { FilterTable } from '../filters/filter-field'
import { FILTER_FIELDS, type AppFilterTable } from '../filters/filter-fields'
import { readFilterParams } from '../filters/read-filter-params'
import { isInstitutionId } from '../institution-id'

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

function readAppParams(params: URLSearchParams): Partial<DeepLinkAppState> {
  const state: Partial<DeepLinkAppState> = {}
  const id = params.get('id')
  if (id !== null && isInstitutionId(id)) state.id = id
  const view = DEEP_LINK_VIEWS.find((candidate) => candidate === params.get('view'))
  if (view) state.view = view
  const lang = params.get('lang')
  if (lang === 'zh' || lang === 'zh-CN') state.lang = 'zh-CN'
  else if (lang === 'en') state.lang = 'en'
  const elder = flag(params.get('elder'))
  if (elder !== undefined) state.elder = elder
  const lng = numberIn(params.get('lng'), -180, 180)
  const lat = numberIn(params.get('lat'), -85, 85)
  const zoom = numberIn(params.get('z'), 0, 22)
  if (lng !== undefined && lat !== undefined && zoom !== undefined) Object.assign(state, { lng, lat, z: zoom })
  return state
}

/**
 * Reads the app state from a URL query string: the filter fields of the table (FILTER_FIELDS unless given) by their
 * store keys, then the id, view, language, elder mode and camera. Invalid or unknown values are dropped, never thrown
 * on. `lng`, `lat` and `z` are kept only together.
 *
 * @example
 * parseDeepLink('?types=community,bogus&puhui=1&age=300&lang=en')
 * // { types: ['community'], puhui: true, lang: 'en' }
 */
export function parseDeepLink<T extends FilterTable = AppFilterTable>(search: string, table?: T): Partial<DeepLinkState<T>> {
  const params = new URLSearchParams(search)
  const filters = readFilterParams(table ?? FILTER_FIELDS, params)
  return { ...filters, ...readAppParams(params) } as Partial<DeepLinkState<T>>
}
