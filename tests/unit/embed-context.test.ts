import { describe, expect, test } from 'vitest'
import { parseEmbedOrigins } from '../../src/lib/embed/embed-origins'
import { resolveParentOrigin } from '../../src/lib/embed/embed-parent-origin'
import { detectEmbedMode } from '../../src/lib/embed/embed-mode'
import { parseHostLocation } from '../../src/lib/embed/embed-host-location'

describe('parseEmbedOrigins', () => {
  test('keeps bare http(s) origins, deduplicated, and drops everything else', () => {
    expect(parseEmbedOrigins(' https://szd.example.cn, *, https://gov.example.cn/page, http://127.0.0.1:5180/ ,https://szd.example.cn'))
      .toEqual(['https://szd.example.cn', 'http://127.0.0.1:5180'])
    expect(parseEmbedOrigins('null, file:///tmp, javascript:alert(1), https://user:pw@x.cn, https://x.cn?a=1, https://*.gov.cn'))
      .toEqual([])
  })

  test('an empty or missing list allows no one', () => {
    expect(parseEmbedOrigins('')).toEqual([])
    expect(parseEmbedOrigins(undefined)).toEqual([])
    expect(parseEmbedOrigins(' , ')).toEqual([])
  })
})

describe('resolveParentOrigin', () => {
  const allowedOrigins = ['https://gov.example.cn', 'http://127.0.0.1:5180']

  test('prefers the browser-reported direct parent and ignores the referrer then', () => {
    expect(resolveParentOrigin({ ancestorOrigins: ['https://gov.example.cn', 'https://evil.example'], referrer: '', allowedOrigins }))
      .toBe('https://gov.example.cn')
    expect(resolveParentOrigin({ ancestorOrigins: ['https://evil.example'], referrer: 'https://gov.example.cn/', allowedOrigins }))
      .toBeNull()
  })

  test('falls back to the referrer origin when ancestorOrigins is missing or empty', () => {
    expect(resolveParentOrigin({ referrer: 'http://127.0.0.1:5180/embed-demo.html?x=1', allowedOrigins })).toBe('http://127.0.0.1:5180')
    expect(resolveParentOrigin({ ancestorOrigins: [], referrer: 'https://gov.example.cn/a', allowedOrigins })).toBe('https://gov.example.cn')
  })

  test('returns null for unknown, opaque or missing parents', () => {
    expect(resolveParentOrigin({ referrer: '', allowedOrigins })).toBeNull()
    expect(resolveParentOrigin({ referrer: 'https://gov.example.cn.evil.example/', allowedOrigins })).toBeNull()
    expect(resolveParentOrigin({ ancestorOrigins: ['null'], referrer: '', allowedOrigins })).toBeNull()
    expect(resolveParentOrigin({ referrer: 'https://gov.example.cn/', allowedOrigins: [] })).toBeNull()
  })
})

describe('detectEmbedMode', () => {
  const desktop = 'Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0'
  const suzhoudao = 'Mozilla/5.0 (iPhone; CPU iPhone OS 17_0 like Mac OS X) Mobile/15E148 szd_SZGov/3.5.0'

  test('turns on with embed=1 or the 苏周到 user agent', () => {
    expect(detectEmbedMode('?embed=1', desktop)).toBe(true)
    expect(detectEmbedMode('embed=true&puhui=1', desktop)).toBe(true)
    expect(detectEmbedMode('', suzhoudao)).toBe(true)
    expect(detectEmbedMode('?puhui=1', desktop)).toBe(false)
    expect(detectEmbedMode('?embed=yes', desktop)).toBe(false)
  })

  test('embed=0 turns it off even inside the webview', () => {
    expect(detectEmbedMode('?embed=0', suzhoudao)).toBe(false)
  })
})

describe('parseHostLocation', () => {
  test('reads plain decimal lng/lat without needing a zoom', () => {
    expect(parseHostLocation('?embed=1&lng=120.553&lat=31.875')).toEqual({ lng: 120.553, lat: 31.875 })
    expect(parseHostLocation('lng=-0.5&lat=51')).toEqual({ lng: -0.5, lat: 51 })
  })

  test('returns null unless both are valid numbers in range', () => {
    for (const search of ['?lng=120.5', '?lat=31.8', '?lng=120.5&lat=abc', '?lng=181&lat=31', '?lng=120&lat=86',
      '?lng=1e2&lat=31', '?lng=Infinity&lat=31', '?lng=&lat=', '?lng=0x10&lat=31']) {
      expect(parseHostLocation(search), search).toBeNull()
    }
  })
})
