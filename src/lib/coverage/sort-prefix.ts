/** Below this many values an insertion sort in JavaScript beats the native typed-array sort (a call into C++). */
const NATIVE_FROM = 96

/**
 * Sorts the first `count` values of a typed array ascending, in place, and returns that part as a subarray.
 * Scanline rows sort a handful of values each, thousands of times per frame: short runs are insertion-sorted
 * inline, longer ones use the native numeric sort.
 *
 * @example
 * sortPrefix(Float64Array.of(3, 1, 2, 9), 3) // Float64Array [1, 2, 3] (the 9 stays in place)
 */
export function sortPrefix<T extends Float64Array | Int32Array>(values: T, count: number): T {
  if (count >= NATIVE_FROM) return values.subarray(0, count).sort() as T
  for (let index = 1; index < count; index++) {
    const value = values[index]
    let slot = index
    while (slot > 0 && values[slot - 1] > value) { values[slot] = values[slot - 1]; slot-- }
    values[slot] = value
  }
  return values.subarray(0, count) as T
}
