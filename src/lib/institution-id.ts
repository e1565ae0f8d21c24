/** Longest institution id kept by the registry and accepted in a `?id=` link. */
export const MAX_INSTITUTION_ID_LENGTH = 64

// Printable: no C0/C1 control characters, no line or paragraph separators, no lone surrogates.
const NON_PRINTABLE = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/u

/**
 * The one id rule shared by the registry and deep links: any printable text of 1–64 characters (code points),
 * without leading or trailing spaces. Links carry it URL-encoded (`URLSearchParams` does that).
 *
 * @example
 * isInstitutionId('ZJG-0001') // true
 * isInstitutionId('张家港/托育 #1') // true
 * isInstitutionId('a\u0000b') // false
 */
export function isInstitutionId(id: string): boolean {
  if (id.length === 0 || id !== id.trim()) return false
  if ([...id].length > MAX_INSTITUTION_ID_LENGTH) return false
  return !NON_PRINTABLE.test(id)
}
