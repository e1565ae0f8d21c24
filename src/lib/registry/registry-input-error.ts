/** Why a whole file cannot be used; the app words each code in the reader's language (planner.myData.inputError). */
export const INPUT_ERROR_CODES = [
  'too-many-cells', 'too-many-lines', 'undecodable', 'no-header', 'duplicate-column', 'no-known-columns',
  'missing-columns', 'not-xlsx', 'file-too-large', 'not-utf8', 'not-json', 'not-geojson', 'no-features',
] as const
export type InputErrorCode = typeof INPUT_ERROR_CODES[number]

/** The values a code's message names (a line number, a limit, column names). */
export type InputErrorParams = Readonly<Record<string, string | number>>

/**
 * The registry file cannot be used at all (no header row, required columns missing, undecodable bytes).
 * The build script turns its message (English) into one line and exit code 2; the app translates its code.
 *
 * @example
 * new RegistryInputError('no header row: the file has no data', 'no-header').code // 'no-header'
 */
export class RegistryInputError extends Error {
  constructor(message: string, readonly code: InputErrorCode, readonly params: InputErrorParams = {}) {
    super(message)
    this.name = 'RegistryInputError'
  }
}
