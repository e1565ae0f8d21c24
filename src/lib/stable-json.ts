const sortKeys = (_key: string, value: unknown) => {
  if (value === null || typeof value !== 'object' || Array.isArray(value)) return value
  return Object.fromEntries(Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)))
}

/**
 * JSON with object keys sorted at every depth and a final newline, so identical data always gives identical
 * bytes whatever order the keys were built in. `indent` 0 writes compact JSON (used for GeoJSON).
 *
 * @example
 * stableJson({ b: 1, a: [{ d: 2, c: 3 }] }, 0) // '{"a":[{"c":3,"d":2}],"b":1}\n'
 */
export function stableJson(value: unknown, indent = 2): string {
  return JSON.stringify(value, sortKeys, indent || undefined) + '\n'
}
