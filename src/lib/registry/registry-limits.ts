/**
 * Limits of one registry file, checked before any row is validated: beyond them the build would run out of
 * memory or time, so it stops with one line (exit 2) instead. 250,000 rows is 2.5× the 100,000 of the bench;
 * 128 MiB holds them at 500 bytes a row (the sample export has about 320). Lines (blank ones included) and cells
 * per row are checked while parsing (`parseCsv`'s limits), so a file of bare line breaks or commas stops early.
 */
export const REGISTRY_LIMITS = { maxBytes: 128 * 1024 * 1024, maxRows: 250_000, maxLines: 500_000, maxCellsPerRow: 1000 } as const

export interface RegistrySize {
  bytes?: number
  /** Data rows (blank lines not counted). */
  rows?: number
}

/**
 * The first limit a registry of this size exceeds, as one English line for the build's stderr, or null.
 *
 * @example
 * exceededRegistryLimit({ rows: 300_000 }) // '300,000 rows, more than the limit of 250,000'
 * exceededRegistryLimit({ bytes: 1024, rows: 10 }) // null
 */
export function exceededRegistryLimit(size: RegistrySize): string | null {
  const number = (value: number) => value.toLocaleString('en-US')
  if (size.bytes !== undefined && size.bytes > REGISTRY_LIMITS.maxBytes) {
    return `${number(size.bytes)} bytes, more than the limit of ${number(REGISTRY_LIMITS.maxBytes)} (128 MiB)`
  }
  if (size.rows !== undefined && size.rows > REGISTRY_LIMITS.maxRows) return `${number(size.rows)} rows, more than the limit of ${number(REGISTRY_LIMITS.maxRows)}`
  return null
}
