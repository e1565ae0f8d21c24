// Own SDF rasteriser: no maintained pure-JS tool fits (tiny-sdf needs a 2D canvas, absent in Node; fontnik is native, downloads binaries; bitmap-sdf needs a ready bitmap); 212 glyphs take 2 s.
/**
 * Generates MapLibre glyph PBFs (SDF, the fontnik format) for the offline basemap from Noto Sans (OFL-1.1,
 * npm @fontsource/noto-sans, latin subset) with opentype.js, encoded with pbf: no glyph server, no third-party request.
 * CJK is not shipped: MapLibre draws it from local fonts (`localIdeographFontFamily`).
 * Output: public/glyphs/NotoSans-Regular/{0-255,8192-8447}.pbf (committed; rerun only to change the font).
 *
 * Usage: npx tsx scripts/build-glyphs.ts
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import { join, resolve } from 'node:path'
import opentype from 'opentype.js'
import { PbfWriter } from 'pbf'

export const FONTSTACK = 'NotoSans-Regular'
const RANGES: Array<[number, number]> = [[0, 255], [8192, 8447]]
const OUT = resolve(import.meta.dirname, '../public/glyphs', FONTSTACK)
/** fontnik's constants, which MapLibre's shader expects: 24 px glyphs, a 3 px border, an 8 px SDF radius. */
const FONT_SIZE = 24
const BORDER = 3
const RADIUS = 8
const CUTOFF = 0.25

type Point = [number, number]
type Segment = [Point, Point]

/** Flattens a glyph path (y up, pixels) into line segments; curves are split into short straight pieces. */
function toSegments(commands: opentype.PathCommand[]): Segment[] {
  const segments: Segment[] = []
  let start: Point = [0, 0]
  let current: Point = [0, 0]
  const lineTo = (next: Point) => { segments.push([current, next]); current = next }
  for (const command of commands) {
    if (command.type === 'M') { start = [command.x, -command.y]; current = start }
    else if (command.type === 'L') lineTo([command.x, -command.y])
    else if (command.type === 'Q' || command.type === 'C') {
      const from = current
      const to: Point = [command.x, -command.y]
      const c1: Point = [command.x1, -command.y1]
      const c2: Point = command.type === 'C' ? [command.x2, -command.y2] : c1
      for (let step = 1; step <= 8; step += 1) {
        const t = step / 8
        const u = 1 - t
        const point: Point = command.type === 'Q'
          ? [u * u * from[0] + 2 * u * t * c1[0] + t * t * to[0], u * u * from[1] + 2 * u * t * c1[1] + t * t * to[1]]
          : [
              u * u * u * from[0] + 3 * u * u * t * c1[0] + 3 * u * t * t * c2[0] + t * t * t * to[0],
              u * u * u * from[1] + 3 * u * u * t * c1[1] + 3 * u * t * t * c2[1] + t * t * t * to[1],
            ]
        lineTo(point)
      }
    } else if (command.type === 'Z' && (current[0] !== start[0] || current[1] !== start[1])) lineTo(start)
  }
  return segments
}

function distanceToSegment([x, y]: Point, [[x1, y1], [x2, y2]]: Segment): number {
  const dx = x2 - x1
  const dy = y2 - y1
  const lengthSquared = dx * dx + dy * dy
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((x - x1) * dx + (y - y1) * dy) / lengthSquared))
  return Math.hypot(x - (x1 + t * dx), y - (y1 + t * dy))
}

/** Non-zero winding rule, as TrueType outlines are filled. */
function inside([x, y]: Point, segments: Segment[]): boolean {
  let winding = 0
  for (const [[x1, y1], [x2, y2]] of segments) {
    if (y1 <= y && y2 > y && (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1) > 0) winding += 1
    else if (y1 > y && y2 <= y && (x2 - x1) * (y - y1) - (x - x1) * (y2 - y1) < 0) winding -= 1
  }
  return winding !== 0
}

interface GlyphRecord { id: number; bitmap: Uint8Array; width: number; height: number; left: number; top: number; advance: number }

function renderGlyph(font: opentype.Font, codePoint: number): GlyphRecord | null {
  const glyph = font.charToGlyph(String.fromCodePoint(codePoint))
  if (!glyph || (glyph.index === 0 && codePoint !== 32)) return null
  const scale = FONT_SIZE / font.unitsPerEm
  const advance = Math.round((glyph.advanceWidth ?? 0) * scale)
  const segments = toSegments(glyph.getPath(0, 0, FONT_SIZE).commands)
  if (segments.length === 0) return { id: codePoint, bitmap: new Uint8Array(0), width: 0, height: 0, left: 0, top: 0, advance }
  const xs = segments.flatMap(([a, b]) => [a[0], b[0]])
  const ys = segments.flatMap(([a, b]) => [a[1], b[1]])
  const left = Math.floor(Math.min(...xs))
  const bottom = Math.floor(Math.min(...ys))
  const topEdge = Math.ceil(Math.max(...ys))
  const width = Math.ceil(Math.max(...xs)) - left
  const height = topEdge - bottom
  const columns = width + 2 * BORDER
  const rows = height + 2 * BORDER
  const bitmap = new Uint8Array(columns * rows)
  for (let row = 0; row < rows; row += 1) {
    for (let column = 0; column < columns; column += 1) {
      const point: Point = [left - BORDER + column + 0.5, topEdge + BORDER - row - 0.5]
      let distance = Infinity
      for (const segment of segments) distance = Math.min(distance, distanceToSegment(point, segment))
      const signed = inside(point, segments) ? -distance : distance
      bitmap[row * columns + column] = Math.max(0, Math.min(255, Math.round(255 - 255 * (signed / RADIUS + CUTOFF))))
    }
  }
  // fontnik stores the top relative to the ascender; MapLibre adds its own baseline offset.
  const ascender = Math.round(font.ascender * scale)
  return { id: codePoint, bitmap, width, height, left, top: topEdge - ascender, advance }
}

/** One glyph message of glyphs.proto (fontnik): id, bitmap, width, height, left, top, advance. */
function writeGlyph(glyph: GlyphRecord, pbf: PbfWriter) {
  pbf.writeVarintField(1, glyph.id)
  // Like fontnik: a blank glyph (space) has no bitmap field; MapLibre then makes an empty one.
  if (glyph.bitmap.length > 0) pbf.writeBytesField(2, glyph.bitmap)
  pbf.writeVarintField(3, glyph.width)
  pbf.writeVarintField(4, glyph.height)
  pbf.writeSVarintField(5, glyph.left)
  pbf.writeSVarintField(6, glyph.top)
  pbf.writeVarintField(7, glyph.advance)
}

/** glyphs { stacks { name, range, glyphs… } }, the PBF MapLibre fetches for one 256-code-point range. */
function encodeRange(name: string, range: string, glyphs: GlyphRecord[]): Uint8Array {
  const pbf = new PbfWriter()
  pbf.writeMessage(1, (stack: GlyphRecord[], writer: PbfWriter) => {
    writer.writeStringField(1, name)
    writer.writeStringField(2, range)
    for (const glyph of stack) writer.writeMessage(3, writeGlyph, glyph)
  }, glyphs)
  return pbf.finish()
}

function main() {
  const require = createRequire(import.meta.url)
  const fontPath = require.resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff')
  const buffer = readFileSync(fontPath)
  const font = opentype.parse(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength))
  mkdirSync(OUT, { recursive: true })
  for (const [first, last] of RANGES) {
    const glyphs: GlyphRecord[] = []
    for (let codePoint = first; codePoint <= last; codePoint += 1) {
      const glyph = renderGlyph(font, codePoint)
      if (glyph) glyphs.push(glyph)
    }
    const file = join(OUT, `${first}-${last}.pbf`)
    const pbf = encodeRange(FONTSTACK, `${first}-${last}`, glyphs)
    writeFileSync(file, pbf)
    console.log(`${file}: ${glyphs.length} glyphs, ${pbf.length} bytes`)
  }
}

main()
