import { expect, test } from 'vitest'
import type { DeepLinkState } from '../../src/lib/deep-link/deep-link-state'
import { parseDeepLink } from '../../src/lib/deep-link/parse-deep-link'
import { serializeDeepLink } from '../../src/lib/deep-link/serialize-deep-link'

test('a full state survives serialize → parse', () => {
  const state: DeepLinkState = {
    types: ['community', 'kindergarten', 'employer', 'center', 'private'], puhui: true, age: 18, service: 'halfDay',
    price: 1787, vacancy: true, medical: true, inclusive: true, q: '杨舍 ysz&x=1', town: 'yangshe', id: 'ZJGTY0042',
    view: 'list', lang: 'en', elder: true, lng: 120.55123, lat: 31.87456, z: 13.25,
  }
  expect(parseDeepLink(`?${serializeDeepLink(state)}`)).toEqual(state)
})

test('defaults are left out of the URL', () => {
  expect(serializeDeepLink({ types: [], puhui: false, q: '', view: 'map', lang: 'zh-CN', elder: false })).toBe('')
  expect(parseDeepLink('')).toEqual({})
})

test('the examples of the issue parse', () => {
  expect(parseDeepLink('?types=community,kindergarten&puhui=1&age=18&q=ysz&town=yangshe&id=ZJGTY0001&view=list&lang=zh&elder=1'))
    .toEqual({ types: ['community', 'kindergarten'], puhui: true, age: 18, q: 'ysz', town: 'yangshe', id: 'ZJGTY0001', view: 'list', lang: 'zh-CN', elder: true })
})

test('invalid values are ignored, valid neighbours kept', () => {
  expect(parseDeepLink('?types=bogus,community,community&puhui=yes&age=-3&town=beijing&view=satellite&lang=fr&elder=2')).toEqual({ types: ['community'] })
  expect(parseDeepLink('?age=18.5&price=abc&service=weekly&id=<script>')).toEqual({})
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
