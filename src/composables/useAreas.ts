import { useI18n } from 'vue-i18n'
import planningAreas from '../../data/sources/planning-areas.json'
import type { AreaId } from '../lib/types'

interface AreaEntry { id: AreaId; name: string; nameEn: string; center: [number, number] }

/** The nine planning areas (names and approximate seats), bundled from data/sources/planning-areas.json. */
export const AREAS = planningAreas.areas as unknown as AreaEntry[]

/** Approximate seat of an area, WGS84 [lng, lat]. */
export function areaCenter(id: AreaId): [number, number] {
  const area = AREAS.find((entry) => entry.id === id)
  return area ? [area.center[0], area.center[1]] : [120.55, 31.87]
}

/** A function giving an area's name in the current language. */
export function useAreaNames() {
  const { locale } = useI18n()
  return (id: string) => {
    const area = AREAS.find((entry) => entry.id === id)
    if (!area) return id
    return locale.value === 'en' ? area.nameEn : area.name
  }
}
