import { afterEach, expect, test, vi } from 'vitest'
import { EMPTY_CONFIG, loadRuntimeConfig, parseRuntimeConfig } from '../../src/config/load-runtime-config'

afterEach(() => { vi.unstubAllGlobals() })

test.each([
  ['a token and a review number', { tiandituToken: ' abc-123_X ', tiandituReviewNo: 'GS(2025)1号' }, { tiandituToken: 'abc-123_X', tiandituReviewNo: 'GS(2025)1号' }],
  ['an empty token', { tiandituToken: '' }, EMPTY_CONFIG],
  ['a token with characters no key has', { tiandituToken: 'a"b<script>' }, EMPTY_CONFIG],
  ['wrong types', { tiandituToken: 42, tiandituReviewNo: ['x'] }, EMPTY_CONFIG],
  ['an over-long token', { tiandituToken: 'a'.repeat(500) }, EMPTY_CONFIG],
  ['not an object', 'token', EMPTY_CONFIG],
  ['null', null, EMPTY_CONFIG],
])('config.json with %s', (_, input, expected) => {
  expect(parseRuntimeConfig(input)).toEqual(expected)
})

test.each([
  ['a 404', () => Promise.resolve(new Response('missing', { status: 404 }))],
  ['a network failure', () => Promise.reject(new TypeError('offline'))],
  ['malformed JSON', () => Promise.resolve(new Response('{"tiandituToken":'))],
])('%s gives the defaults: no third-party basemap', async (_, answer) => {
  vi.stubGlobal('fetch', vi.fn(answer))
  expect(await loadRuntimeConfig('https://map.example.cn/app/')).toEqual(EMPTY_CONFIG)
})

test('reads config.json next to the app, revalidating it', async () => {
  const fetchMock = vi.fn(() => Promise.resolve(new Response('{"tiandituToken":"k1"}')))
  vi.stubGlobal('fetch', fetchMock)
  expect((await loadRuntimeConfig('https://map.example.cn/app/')).tiandituToken).toBe('k1')
  expect(fetchMock).toHaveBeenCalledWith('https://map.example.cn/app/config.json', { cache: 'no-cache' })
})
