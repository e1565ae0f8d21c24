import type { InstitutionProperties } from '../types'

/**
 * One filter of the parents' view, declared once: the store, the URL (both ways), the host's setFilters message and
 * the institution test all read it. Values are primitives, null or arrays of primitives (plain, copyable data).
 */
export interface FilterField<V> {
  /** The value that keeps every institution; reset restores a copy of it. */
  readonly empty: V
  /** Name of the URL parameter, and of the key in a host's setFilters message. */
  readonly param: string
  /** URL text → value; undefined when the text is invalid (the parameter is then ignored). */
  fromUrl(text: string): V | undefined
  /** Value → URL text; null leaves the parameter out (the empty value). */
  toUrl(value: V): string | null
  /** A setFilters value (plain data) → value; undefined rejects the whole message. Absent: hosts cannot set it. */
  fromHost?(raw: unknown): V | undefined
  /** Whether an institution passes; absent when matching happens elsewhere (the text search index). */
  matches?(institution: InstitutionProperties, value: V): boolean
  /** How many controls of the "more filters" panel this value sets (its toggle shows the sum). */
  countInMore?(value: V): number
}

/** Filter fields by their key in the store and in the plain filter state. */
export type FilterTable = Readonly<Record<string, FilterField<unknown>>>

/** The value type of one field. */
export type FieldValue<F> = F extends FilterField<infer V> ? V : never

/** Every field of a table with its value: what the store holds and what the institution test reads. */
export type FilterState<T extends FilterTable> = { -readonly [K in keyof T]: FieldValue<T[K]> }
