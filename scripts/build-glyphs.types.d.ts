// The few opentype.js 2.0 types scripts/build-glyphs.ts uses (the package ships none).
declare module 'opentype.js' {
  namespace opentype {
    type PathCommand =
      | { type: 'M' | 'L'; x: number; y: number }
      | { type: 'Q'; x: number; y: number; x1: number; y1: number }
      | { type: 'C'; x: number; y: number; x1: number; y1: number; x2: number; y2: number }
      | { type: 'Z' }
    interface Glyph { index: number; advanceWidth?: number; getPath(x: number, y: number, fontSize: number): { commands: PathCommand[] }
      getBoundingBox(): { x1: number; y1: number; x2: number; y2: number } }
    interface Font { unitsPerEm: number; ascender: number; charToGlyph(char: string): Glyph }
  }
  const opentype: { parse(buffer: ArrayBuffer): opentype.Font }
  export default opentype
}
