import type { RegistryKey } from './registry-columns'

/** Stable codes of the reasons a row is left out of the map (rejected.csv's 代码; the planner's report names them). */
export const REJECTION_CODES = [
  'column-count', 'missing-value', 'not-a-number', 'negative-number', 'not-an-integer', 'invalid-boolean',
  'invalid-year', 'unknown-type', 'unknown-crs', 'unknown-town', 'invalid-coordinates', 'swapped-coordinates',
  'outside-city', 'duplicate-id', 'near-duplicate-name', 'under2-exceeds-capacity',
  'implausible-number', 'text-too-long', 'invalid-id', 'class-exceeds-total',
] as const
export type RejectionCode = (typeof REJECTION_CODES)[number]

/** Stable codes of suspicious values that are kept. */
export type WarningCode =
  | 'enrolled-exceeds-capacity' | 'price-high' | 'certified-exceeds-staff' | 'age-range' | 'html-in-text'
  | 'unknown-service' | 'invalid-date' | 'zero-capacity'

export interface RowIssue<Code extends string> {
  code: Code
  /** Chinese, for the people who fix the registry. */
  reason: string
  field?: RegistryKey
}

export interface RejectedRow {
  line: number
  cells: string[]
  /** The row's source text, untouched (a CSV record as it stands in the file; an .xlsx row's cells joined by tabs). */
  raw: string
  issues: RowIssue<RejectionCode>[]
}

export interface RowWarning extends RowIssue<WarningCode> {
  line: number
}
