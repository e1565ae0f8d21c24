import type { Target } from '../types'

/**
 * Whether a value meets a target. The plan writes some targets as a bare number (op '='): reaching it in
 * the indicator's better direction counts as met (11 new points meet a target of 10).
 *
 * @example
 * isTargetMet(4.6, { op: '>=', value: 4.5, unit: '个' }, 'higher') // true
 * isTargetMet(1900, { op: '=', value: 1787, unit: '元/月' }, 'lower') // false
 */
export function isTargetMet(value: number | null, target: Target | null, better: 'higher' | 'lower'): boolean | null {
  if (value === null || target === null) return null
  const op = target.op === '=' ? (better === 'higher' ? '>=' : '<=') : target.op
  return op === '>=' ? value >= target.value : value <= target.value
}
