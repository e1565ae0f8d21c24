/**
 * A copy of a filter value that shares nothing with the original (values are primitives, null or flat arrays), so a
 * store never aliases a table's empty value or a caller's array. Works on reactive arrays too, unlike structuredClone.
 *
 * @example
 * const types = ['community']
 * copyFilterValue(types) !== types // true
 */
export function copyFilterValue<V>(value: V): V {
  return (Array.isArray(value) ? [...value] : value) as V
}
