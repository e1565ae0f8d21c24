/**
 * How search text and search keys are compared: NFKC (full-width folded), lower case, no whitespace or
 * punctuation. A normalised query never holds a space, so keys joined by spaces never match across two keys.
 *
 * @example
 * normaliseSearchText(' YangShe Zhen ') // 'yangshezhen'
 * normaliseSearchText('（梁丰）') // '梁丰'
 */
export function normaliseSearchText(text: string): string {
  return text.normalize('NFKC').toLowerCase().replace(/[\s·.,，。、()（）\-_'"]/g, '')
}
