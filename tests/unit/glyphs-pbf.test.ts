import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import opentype from 'opentype.js'
import { PbfReader } from 'pbf'
import { expect, test } from 'vitest'

// The committed output of scripts/build-glyphs.ts, decoded with pbf and checked against the font itself.
const FONTSTACK = 'NotoSans-Regular'
const RANGES = [[0, 255], [8192, 8447]] as const
/** fontnik's constants (24 px glyphs, 3 px border, 8 px radius, cutoff 0.25), which MapLibre's shader expects. */
const FONT_SIZE = 24
const BORDER = 3
const EDGE = Math.round(255 * (1 - 0.25))
/** The value a pixel a whole border away from the outline gets: 255 - 255 · (3 / 8 + 0.25). */
const BORDER_VALUE = Math.round(255 - 255 * (BORDER / 8 + 0.25))

interface Glyph { id: number; bitmap: Uint8Array; width: number; height: number; left: number; top: number; advance: number }
interface Stack { name: string; range: string; glyphs: Glyph[] }

function readGlyph(tag: number, glyph: Glyph, pbf: PbfReader) {
  if (tag === 1) glyph.id = pbf.readVarint()
  else if (tag === 2) glyph.bitmap = pbf.readBytes()
  else if (tag === 3) glyph.width = pbf.readVarint()
  else if (tag === 4) glyph.height = pbf.readVarint()
  else if (tag === 5) glyph.left = pbf.readSVarint()
  else if (tag === 6) glyph.top = pbf.readSVarint()
  else if (tag === 7) glyph.advance = pbf.readVarint()
}

function readStack(tag: number, stack: Stack, pbf: PbfReader) {
  if (tag === 1) stack.name = pbf.readString()
  else if (tag === 2) stack.range = pbf.readString()
  else if (tag === 3) {
    const empty: Glyph = { id: -1, bitmap: new Uint8Array(0), width: 0, height: 0, left: 0, top: 0, advance: 0 }
    stack.glyphs.push(pbf.readFields(readGlyph, empty, pbf.readVarint() + pbf.pos))
  }
}

function decode(path: string): Stack[] {
  const stacks: Stack[] = []
  new PbfReader(readFileSync(path)).readFields((tag, _, pbf) => {
    if (tag === 1) stacks.push(pbf.readFields(readStack, { name: '', range: '', glyphs: [] }, pbf.readVarint() + pbf.pos))
  }, null)
  return stacks
}

function loadFont(): opentype.Font {
  const buffer = readFileSync(createRequire(import.meta.url).resolve('@fontsource/noto-sans/files/noto-sans-latin-400-normal.woff'))
  return opentype.parse(buffer.buffer.slice(buffer.byteOffset, buffer.byteOffset + buffer.byteLength))
}

test.each(RANGES)('glyphs/%i-%i.pbf is one stack of that range with ascending glyph ids inside it', (first, last) => {
  const stacks = decode(`public/glyphs/${FONTSTACK}/${first}-${last}.pbf`)
  expect(stacks.map(({ name, range }) => [name, range])).toEqual([[FONTSTACK, `${first}-${last}`]])
  const ids = stacks[0].glyphs.map(({ id }) => id)
  expect(ids.length).toBeGreaterThan(0)
  expect(ids).toEqual([...ids].sort((a, b) => a - b))
  expect(new Set(ids).size).toBe(ids.length)
  expect(ids.every((id) => id >= first && id <= last)).toBe(true)
})

test('the Latin range holds every printable ASCII character', () => {
  const ids = new Set(decode(`public/glyphs/${FONTSTACK}/0-255.pbf`)[0].glyphs.map(({ id }) => id))
  const printable = Array.from({ length: 95 }, (_, index) => 32 + index)
  expect(printable.filter((id) => !ids.has(id))).toEqual([])
})

test.each(RANGES)('glyphs/%i-%i.pbf: advances match the font and each bitmap is an SDF of its box plus the border', (first, last) => {
  const font = loadFont()
  const scale = FONT_SIZE / font.unitsPerEm
  for (const glyph of decode(`public/glyphs/${FONTSTACK}/${first}-${last}.pbf`)[0].glyphs) {
    const label = `U+${glyph.id.toString(16)}`
    const outline = font.charToGlyph(String.fromCodePoint(glyph.id))
    expect(glyph.advance, label).toBe(Math.round((outline.advanceWidth ?? 0) * scale))
    if (glyph.width === 0) {
      expect(glyph.bitmap.length, label).toBe(0)
      continue
    }
    // Box within a pixel of the font's (curves are flattened); top is measured from the ascender, as fontnik does.
    const box = outline.getBoundingBox()
    expect(Math.abs(glyph.left - Math.floor(box.x1 * scale)), label).toBeLessThanOrEqual(1)
    expect(Math.abs(glyph.left + glyph.width - Math.ceil(box.x2 * scale)), label).toBeLessThanOrEqual(1)
    expect(Math.abs(glyph.top - (Math.ceil(box.y2 * scale) - Math.round(font.ascender * scale))), label).toBeLessThanOrEqual(1)
    const columns = glyph.width + 2 * BORDER
    expect(glyph.bitmap.length, label).toBe(columns * (glyph.height + 2 * BORDER))
    // Corners lie at least the border away from the outline, outside; ink reaches the edge value.
    const corners = [0, columns - 1, glyph.bitmap.length - columns, glyph.bitmap.length - 1].map((index) => glyph.bitmap[index])
    expect(Math.max(...corners), label).toBeLessThanOrEqual(BORDER_VALUE)
    expect(Math.max(...glyph.bitmap), label).toBeGreaterThanOrEqual(EDGE)
  }
})
