import { describe, expect, test } from 'vitest'
import { createBaseStyle } from '../../src/map/base-style'

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
