import type { AreaId, InstitutionType, ServiceForm } from '../types'

/** Everything a shareable URL can restore; a missing key means "leave as it is". */
export interface DeepLinkState {
  types: InstitutionType[]
  puhui: boolean
  age: number
  service: ServiceForm
  price: number
  vacancy: boolean
  medical: boolean
  inclusive: boolean
  q: string
  town: AreaId
  id: string
  view: 'map' | 'list' | 'planner'
  lang: 'zh-CN' | 'en'
  elder: boolean
  lng: number
  lat: number
  z: number
}

export const DEEP_LINK_VIEWS = ['map', 'list', 'planner'] as const
/** Longest accepted search text; longer values are ignored as invalid. */
export const MAX_QUERY_LENGTH = 100
/** Oldest child age (months) the filter accepts. */
export const MAX_AGE_MONTHS = 72
