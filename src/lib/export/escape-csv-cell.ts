export type CsvCell = string | number | boolean | null | undefined

/** Spreadsheet formula triggers: a text cell starting with one is prefixed with ' so Excel shows it as text. */
const FORMULA_START = /^[=+\-@\t\r]/

/**
 * The one CSV cell rule of the project (planner exports and the build's reports): text that would start a
 * spreadsheet formula (=, +, -, @, tab, CR) gets a leading apostrophe; a cell with a comma, quote, line break or
 * leading/trailing space is quoted with quotes doubled (RFC 4180). Numbers and booleans are written as they are.
 *
 * @example
 * escapeCsvCell('+1+cmd|\' /C calc\'!A0') // "'+1+cmd|' /C calc'!A0"
 * escapeCsvCell('a,"b"') // '"a,""b"""'
 * escapeCsvCell(-3.5) // '-3.5'
 */
export function escapeCsvCell(value: CsvCell): string {
  if (value === null || value === undefined) return ''
  let text = String(value)
  if (typeof value === 'string' && FORMULA_START.test(text)) text = `'${text}`
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text
}
