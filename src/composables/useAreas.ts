import { useI18n } from 'vue-i18n'
import planningAreas from '../../data/sources/planning-areas.json'
import type { AreaId } from '../lib/types'

interface AreaEntry { id: AreaId; name: string; nameEn: string; center: [number, number]; units: string[] }

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

/**
 * A town picker's label: the area's name plus the registered units it takes in under other names, so that a place
 * whose town reads 张家港经济技术开发区 can be found under 杨舍镇.
 */
export function useAreaOptionLabels() {
  const { t } = useI18n()
  const areaName = useAreaNames()
  return (id: AreaId) => {
    const area = AREAS.find((entry) => entry.id === id)
    if (!area) return id
    const core = (unit: string) => unit.replace(/^张家港市?/, '').replace(/(镇|街道)$/, '')
    const others = area.units.filter((unit) => !area.name.includes(core(unit)))
    if (others.length === 0) return areaName(id)
    // 保税区(含三个街道) names its parts in brackets: the list below replaces that.
    const name = areaName(id).replace(/\s*[(（].*$/, '')
    return t('filters.townIncludes', { name, units: others.join(t('format.listSeparator')) })
  }
}
