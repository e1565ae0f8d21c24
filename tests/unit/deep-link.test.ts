import { describe, expect, test } from 'vitest'
import type { DeepLinkState } from '../../src/lib/deep-link/deep-link-state'
import { parseDeepLink } from '../../src/lib/deep-link/parse-deep-link'
import { serializeDeepLink } from '../../src/lib/deep-link/serialize-deep-link'

test('a full state survives serialize → parse', () => {
  const state: DeepLinkState = {
    types: ['community', 'kindergarten', 'employer', 'center', 'private'], puhui: true, ageMonths: 18, service: 'halfDay',
    maxPrice: 1787, hasVacancy: true, medical: true, inclusive: true, query: '杨舍 ysz&x=1', town: 'yangshe', id: 'ZJGTY0042',
    view: 'list', lang: 'en', elder: true, lng: 120.55123, lat: 31.87456, z: 13.25,
  }
  expect(parseDeepLink(`?${serializeDeepLink(state)}`)).toEqual(state)
})

test('the URL keeps its parameter names', () => {
  expect(serializeDeepLink({ types: ['community'], puhui: true, ageMonths: 18, maxPrice: 1500, hasVacancy: true, query: ' ysz ' }))
    .toBe('types=community&puhui=1&age=18&price=1500&vacancy=1&q=ysz')
})

test('defaults are left out of the URL', () => {
  expect(serializeDeepLink({ types: [], puhui: false, ageMonths: null, query: '  ', view: 'map', lang: 'zh-CN', elder: false })).toBe('')
  expect(parseDeepLink('')).toEqual({})
})

test('the examples of the issue parse', () => {
  expect(parseDeepLink('?types=community,kindergarten&puhui=1&age=18&q=ysz&town=yangshe&id=ZJGTY0001&view=list&lang=zh&elder=1'))
    .toEqual({ types: ['community', 'kindergarten'], puhui: true, ageMonths: 18, query: 'ysz', town: 'yangshe', id: 'ZJGTY0001', view: 'list', lang: 'zh-CN', elder: true })
})

test('invalid values are ignored, valid neighbours kept', () => {
  expect(parseDeepLink('?types=bogus,community,community&puhui=yes&age=-3&town=beijing&view=satellite&lang=fr&elder=2')).toEqual({ types: ['community'] })
  expect(parseDeepLink('?age=18.5&price=abc&service=weekly&id=%00x')).toEqual({})
  expect(parseDeepLink('?age=999')).toEqual({})
  expect(parseDeepLink(`?q=${'x'.repeat(101)}`)).toEqual({})
  expect(parseDeepLink('?types=')).toEqual({})
})

test('map camera needs lng, lat and z together, each in range', () => {
  expect(parseDeepLink('?lng=120.5&lat=31.9&z=12')).toEqual({ lng: 120.5, lat: 31.9, z: 12 })
  expect(parseDeepLink('?lng=120.5&lat=31.9')).toEqual({})
  expect(parseDeepLink('?lng=500&lat=31.9&z=12')).toEqual({})
  expect(parseDeepLink('?lng=120.5&lat=NaN&z=12')).toEqual({})
  expect(parseDeepLink('?lng=120.5&lat=31.9&z=40')).toEqual({})
})

describe('institution ids in links (the registry id rule)', () => {
  const longest = '托'.repeat(63) + '😀'
  test.each([
    ['张家港/托育 #1&x=2'],
    ['a+b'],
    ['a b'],
    ['100%'],
    ['<script>'],
    ['托育😀🏠'],
    [longest],
    ['ZJG-0001'],
  ])('%s survives serialize → parse, URL-encoded', (id) => {
    const search = serializeDeepLink({ id, puhui: true })
    expect(search).not.toContain(' ')
    expect(new URLSearchParams(search).get('id')).toBe(id)
    expect(parseDeepLink(`?${search}`)).toEqual({ id, puhui: true })
  })

  test.each([
    ['65 code points', `${longest}x`],
    ['a control character', 'a\u0007b'],
    ['a NUL', 'a\u0000'],
    ['a line break', 'a\nb'],
    ['a leading space', ' a'],
    ['a trailing space', 'a '],
    ['a lone surrogate', 'a\ud800'],
  ])('an id with %s is dropped', (_label, id) => {
    expect(parseDeepLink(`?${serializeDeepLink({ id, puhui: true })}`)).toEqual({ puhui: true })
  })
})
