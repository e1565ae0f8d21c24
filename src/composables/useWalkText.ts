import { useI18n } from 'vue-i18n'
import { walkDistance } from '../lib/walk-distance'

/** "直线 850 米 · 约 11 分钟": a straight-line distance with its walking time, in the current language. */
export function useWalkText() {
  const { t } = useI18n()
  return (meters: number) => {
    const { value, unit, minutes } = walkDistance(meters)
    return t(unit === 'm' ? 'nearby.walkMeters' : 'nearby.walkKilometers', { d: value, min: minutes })
  }
}
