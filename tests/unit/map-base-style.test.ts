import { describe, expect, test } from 'vitest'
import { createBaseStyle } from '../../src/map/base-style'
import { communityLayers } from '../../src/map/layers/communities'
import { waterLayers } from '../../src/map/layers/water'

const BASE = 'https://example.test/app/'

describe('createBaseStyle', () => {
  test('without a Tianditu token every URL in the style is the app\'s own', () => {
    const style = createBaseStyle({ baseUrl: BASE })
    expect(style.glyphs).toBe(`${BASE}glyphs/{fontstack}/{range}.pbf`)
    const urls = JSON.stringify(style).match(/https?:\/\/[^"\\]+/g) ?? []
    expect(urls.length).toBeGreaterThan(0)
    expect(urls.every((url) => url.startsWith(BASE))).toBe(true)
    expect(Object.keys(style.sources)).toEqual([])
  })

  test('with a token, Tianditu vector and annotation tiles from t0–t7 lie under everything else, with attribution', () => {
    const style = createBaseStyle({ baseUrl: BASE, tiandituToken: 'abc&1', tiandituAttribution: '© 天地图 审图号' })
    expect(style.layers.map((layer) => layer.id)).toEqual(['background', 'tianditu-vec', 'tianditu-cva'])
    const vec = style.sources['tianditu-vec'] as { tiles: string[]; attribution: string }
    expect(vec.tiles).toHaveLength(8)
    expect(vec.tiles[7]).toMatch(/^https:\/\/t7\.tianditu\.gov\.cn\/vec_w\/wmts\?.*LAYER=vec.*TILEMATRIX=\{z\}&TILEROW=\{y\}&TILECOL=\{x\}&tk=abc%261$/)
    expect((style.sources['tianditu-cva'] as { tiles: string[] }).tiles[0]).toContain('t0.tianditu.gov.cn/cva_w/')
    expect(vec.attribution).toBe('© 天地图 审图号')
  })
})

describe('water and community layers', () => {
  test.each([
    ['zh', false, 'name', 1, 'visible'],
    ['en', false, 'nameEn', 1, 'visible'],
    ['zh', true, 'name', 0, 'none'],
  ] as const)('language %s, Tianditu %s: the river is named from %s, fill opacity %s, label %s', (language, tianditu, field, opacity, visibility) => {
    const [fill, label] = waterLayers({ language, tianditu })
    expect(fill.type === 'fill' && fill.paint?.['fill-opacity']).toBe(opacity)
    expect(label.type === 'symbol' && label.layout?.['text-field']).toEqual(['get', field])
    expect(label.type === 'symbol' && label.layout?.visibility).toBe(visibility)
  })

  test('approximately placed communities are drawn lighter than real points', () => {
    const [dot, label] = communityLayers()
    const colors = (value: unknown) => (Array.isArray(value) ? value.slice(2) : [])
    const [realDot, approximateDot] = colors(dot.type === 'circle' ? dot.paint?.['circle-color'] : null) as string[]
    const [realText, approximateText] = colors(label.type === 'symbol' ? label.paint?.['text-color'] : null) as string[]
    const lightness = (hex: string) => parseInt(hex.slice(1, 3), 16) + parseInt(hex.slice(3, 5), 16) + parseInt(hex.slice(5, 7), 16)
    expect(lightness(approximateDot)).toBeGreaterThan(lightness(realDot))
    expect(lightness(approximateText)).toBeGreaterThan(lightness(realText))
  })
})
