const FULL_WIDTH = /[\uFF10-\uFF19\uFF0E\uFF0D\uFF0B\uFF0C]/g

/**
 * Turns a number as people type it in Chinese spreadsheets into plain ASCII: full-width digits and
 * ．－＋，become ASCII, surrounding spaces (also U+3000) are removed and thousands separators dropped.
 * The result is still a string; callers decide whether it is a valid number.
 *
 * @example
 * normalizeNumberText(' １２０．５ ') // '120.5'
 * normalizeNumberText('1,200') // '1200'
 */
export function normalizeNumberText(raw: string): string {
  const ascii = raw
    .replace(FULL_WIDTH, (char) => String.fromCharCode(char.charCodeAt(0) - 0xfee0))
    .replace(/^[\s\u3000]+|[\s\u3000]+$/g, '')
  return /^[-+]?\d{1,3}(,\d{3})+(\.\d+)?$/.test(ascii) ? ascii.replace(/,/g, '') : ascii
}
