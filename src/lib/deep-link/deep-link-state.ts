import type { FilterState, FilterTable } from '../filters/filter-field'
import type { AppFilterTable } from '../filters/filter-fields'

/** What a shareable URL restores besides the filters. */
export interface DeepLinkAppState {
  id: string
  view: 'map' | 'list' | 'planner'
  lang: 'zh-CN' | 'en'
  elder: boolean
  lng: number
  lat: number
  z: number
}

/**
 * Everything a shareable URL can restore: the filters (by store key, from the filter table) and the app state;
 * a missing key means "leave as it is".
 */
export type DeepLinkState<T extends FilterTable = AppFilterTable> = FilterState<T> & DeepLinkAppState

export const DEEP_LINK_VIEWS = ['map', 'list', 'planner'] as const
/** URL parameters of the app state (and `embed`, kept as it came): no filter field may use these names. */
export const APP_LINK_PARAMS = ['id', 'view', 'lang', 'elder', 'lng', 'lat', 'z', 'embed'] as const
