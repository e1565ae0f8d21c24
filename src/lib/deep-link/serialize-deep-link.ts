import type { DeepLinkState } from './deep-link-state'

/**
 * Writes the app state as a URL query string (without `?`), leaving out defaults: false flags, empty
 * lists and text, the map view, Chinese. Coordinates are rounded to about 1 m, zoom to 0.01.
 *
 * @example
 * serializeDeepLink({ types: ['community'], puhui: true, lang: 'en' }) // 'types=community&puhui=1&lang=en'
 */
export function serializeDeepLink(state: Partial<DeepLinkState>): string {
  const params = new URLSearchParams()
  if (state.types && state.types.length > 0) params.set('types', state.types.join(','))
  if (state.puhui) params.set('puhui', '1')
  if (state.age !== undefined) params.set('age', String(state.age))
  if (state.service) params.set('service', state.service)
  if (state.price !== undefined) params.set('price', String(state.price))
  if (state.vacancy) params.set('vacancy', '1')
  if (state.medical) params.set('medical', '1')
  if (state.inclusive) params.set('inclusive', '1')
  if (state.q) params.set('q', state.q)
  if (state.town) params.set('town', state.town)
  if (state.id) params.set('id', state.id)
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
