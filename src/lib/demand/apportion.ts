/**
 * Splits `total` into integers proportional to `weights` that sum to `total` exactly (largest remainder; ties to
 * the earlier index). All-zero weights split evenly.
 *
 * @example
 * apportion(10, [1, 1, 1]) // [4, 3, 3]
 */
export function apportion(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0)
  const exact = weights.map((weight) => (sum > 0 ? (total * weight) / sum : total / weights.length))
  const counts = exact.map(Math.floor)
  const order = exact.map((value, index) => ({ index, rest: value - Math.floor(value) }))
    .sort((a, b) => b.rest - a.rest || a.index - b.index)
  const left = total - counts.reduce((a, b) => a + b, 0)
  for (let step = 0; step < left; step++) counts[order[step % order.length].index]++
  return counts
}
