/**
 * How search text and search keys are compared: NFKC (full-width folded), lower case, no whitespace or
 * punctuation. A normalized query never holds a space, so keys joined by spaces never match across two keys.
 *
 * @example
 * normalizeSearchText(' YangShe Zhen ') // 'yangshezhen'
 * normalizeSearchText('（梁丰）') // '梁丰'
 */
export function normalizeSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s·.,，。、()（）\-_'"]/g, '')
}
