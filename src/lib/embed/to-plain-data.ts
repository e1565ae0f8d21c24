/** JSON-like data with nothing behind it (no getters, proxies, prototypes or cycles); undefined only inside. */
export type PlainData = null | boolean | number | string | PlainItem[] | { [key: string]: PlainItem }
type PlainItem = PlainData | undefined

/** Bounds for one host message; a real message is far inside them. */
export const PLAIN_DATA_LIMITS = { depth: 4, keys: 16, items: 32, stringLength: 1024 } as const

class Rejected extends Error {}

function copyObject(value: object, depth: number): PlainData {
  if (depth >= PLAIN_DATA_LIMITS.depth) throw new Rejected()
  if (Array.isArray(value)) {
    const length = Object.getOwnPropertyDescriptor(value, 'length')?.value
    if (typeof length !== 'number' || length > PLAIN_DATA_LIMITS.items) throw new Rejected()
    return Array.from({ length }, (_, index) => copyOwn(value, String(index), depth))
  }
  const prototype = Object.getPrototypeOf(value)
  if (prototype !== Object.prototype && prototype !== null) throw new Rejected()
  const keys = Object.keys(value)
  if (keys.length > PLAIN_DATA_LIMITS.keys) throw new Rejected()
  const copy: { [key: string]: PlainItem } = {}
  for (const key of keys) {
    if (key === '__proto__') throw new Rejected()
    copy[key] = copyOwn(value, key, depth)
  }
  return copy
}

/** One own property, read from its descriptor so no getter ever runs (a hole in an array is rejected). */
function copyOwn(owner: object, key: string, depth: number): PlainItem {
  const descriptor = Object.getOwnPropertyDescriptor(owner, key)
  if (descriptor === undefined) throw new Rejected()
  if (!('value' in descriptor)) throw new Rejected()
  return copyValue(descriptor.value, depth + 1)
}

function copyValue(value: unknown, depth: number): PlainItem {
  switch (typeof value) {
    case 'undefined':
      return undefined
    case 'boolean':
    case 'number':
      return value
    case 'string':
      if (value.length > PLAIN_DATA_LIMITS.stringLength) throw new Rejected()
      return value
    case 'object':
      return value === null ? null : copyObject(value, depth)
    default:
      // bigint, symbol, function
      throw new Rejected()
  }
}

/**
 * A detached copy of a message from another window, or undefined when it is not small plain data: class instances
 * (Date, Map, …), functions, symbols, BigInt, accessors, sparse arrays, `__proto__` keys, strings over 1,024
 * characters, more than 16 keys or 32 items, or nesting deeper than 4 (which also stops cycles), or undefined itself.
 * It never throws, even on a proxy whose traps throw, and never runs a getter. Undefined values inside are kept,
 * so the schema still sees (and refuses) an unknown key whose value is undefined.
 *
 * @example
 * toPlainData({ type: 'zjg-childcare/setView', view: 'list' }) // a copy of it
 * toPlainData({ type: { toString: 0 } }) // { type: { toString: 0 } }: plain, the schema rejects it later
 * toPlainData({ get type() { throw new Error() } }) // undefined
 */
export function toPlainData(value: unknown): PlainData | undefined {
  try {
    return copyValue(value, 0)
  } catch {
    return undefined
  }
}
