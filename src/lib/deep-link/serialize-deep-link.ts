import type { DeepLinkState } from './deep-link-state'
import type { FilterTable } from '../filters/filter-field'
import { FILTER_FIELDS, type AppFilterTable } from '../filters/filter-fields'
import { writeFilterParams } from '../filters/write-filter-params'
import { isInstitutionId } from '../institution-id'

/**
 * Writes the app state as a URL query string (without `?`), URL-encoded by URLSearchParams, leaving out defaults:
 * empty filters, invalid ids, the map view, Chinese. Coordinates are rounded to about 1 m, zoom to 0.01.
 *
 * @example
 * serializeDeepLink({ types: ['community'], puhui: true, lang: 'en' }) // 'types=community&puhui=1&lang=en'
 */
export function serializeDeepLink<T extends FilterTable = AppFilterTable>(state: Partial<DeepLinkState<NoInfer<T>>>, table?: T): string {
  const params = new URLSearchParams()
  writeFilterParams(table ?? FILTER_FIELDS, state, params)
  // Only ids the parser accepts: encoding would turn a lone surrogate into U+FFFD, another id.
  if (state.id !== undefined && isInstitutionId(state.id)) params.set('id', state.id)
  if (state.view && state.view !== 'map') params.set('view', state.view)
  if (state.lang === 'en') params.set('lang', 'en')
  if (state.elder) params.set('elder', '1')
  if (state.lng !== undefined && state.lat !== undefined && state.z !== undefined) {
    params.set('lng', state.lng.toFixed(5))
    params.set('lat', state.lat.toFixed(5))
    params.set('z', String(Math.round(state.z * 100) / 100))
  }
  return params.toString()
}
