import { describe, expect, test } from 'vitest'
import gcoord from 'gcoord'
import { appMessageSchema, parseHostMessage } from '../../src/lib/embed/embed-messages'
import { buildNavigateMessage } from '../../src/lib/embed/embed-navigate-message'

describe('parseHostMessage', () => {
  test('accepts setFilters with the URL parameter values and normalizes them', () => {
    expect(parseHostMessage({
      type: 'zjg-childcare/setFilters',
      filters: { types: ['community', 'kindergarten', 'community'], puhui: 1, age: '18', q: ' 杨舍 ' },
    })).toEqual({
      type: 'zjg-childcare/setFilters',
      filters: { types: ['community', 'kindergarten'], puhui: true, ageMonths: 18, query: '杨舍' },
    })
    expect(parseHostMessage({ type: 'zjg-childcare/setFilters', filters: { puhui: false, age: 30 } }))
      .toEqual({ type: 'zjg-childcare/setFilters', filters: { puhui: false, ageMonths: 30 } })
  })

  test('keeps missing filters out and turns empty values into "clear"', () => {
    expect(parseHostMessage({ type: 'zjg-childcare/setFilters', filters: {} }))
      .toEqual({ type: 'zjg-childcare/setFilters', filters: {} })
    expect(parseHostMessage({ type: 'zjg-childcare/setFilters', filters: { types: [], q: '', age: null, puhui: '0' } }))
      .toEqual({ type: 'zjg-childcare/setFilters', filters: { types: [], query: '', ageMonths: null, puhui: false } })
  })

  test.each([
    [{ types: ['community', 'casino'] }],
    [{ types: 'community' }],
    [{ puhui: 'yes' }],
    [{ age: 300 }],
    [{ age: 12.5 }],
    [{ age: '-1' }],
    [{ q: 'x'.repeat(101) }],
    [{ q: 42 }],
    [{ town: 'yangshe' }],
    [{ puhui: true, extra: undefined }],
  ])('rejects setFilters %j: a value the URL would not accept, or a key hosts may not set', (filters) => {
    expect(parseHostMessage({ type: 'zjg-childcare/setFilters', filters })).toBeNull()
  })

  test('accepts select, setView and setLocation with valid values only', () => {
    expect(parseHostMessage({ type: 'zjg-childcare/select', id: 'ZJG-0001' })).toEqual({ type: 'zjg-childcare/select', id: 'ZJG-0001' })
    // Any printable id of the registry is accepted (it is only ever rendered as text); control characters are not.
    expect(parseHostMessage({ type: 'zjg-childcare/select', id: '<img src=x>' })).toEqual({ type: 'zjg-childcare/select', id: '<img src=x>' })
    expect(parseHostMessage({ type: 'zjg-childcare/select', id: 'a\u0000b' })).toBeNull()
    expect(parseHostMessage({ type: 'zjg-childcare/select', id: 'x'.repeat(65) })).toBeNull()
    expect(parseHostMessage({ type: 'zjg-childcare/select', id: '' })).toBeNull()
    expect(parseHostMessage({ type: 'zjg-childcare/setView', view: 'list' })).toEqual({ type: 'zjg-childcare/setView', view: 'list' })
    expect(parseHostMessage({ type: 'zjg-childcare/setView', view: 'planner' })).toBeNull()
    expect(parseHostMessage({ type: 'zjg-childcare/setLocation', lng: 120.55, lat: 31.87 }))
      .toEqual({ type: 'zjg-childcare/setLocation', lng: 120.55, lat: 31.87 })
    expect(parseHostMessage({ type: 'zjg-childcare/setLocation', lng: 200, lat: 31.87 })).toBeNull()
    expect(parseHostMessage({ type: 'zjg-childcare/setLocation', lng: Number.NaN, lat: 31.87 })).toBeNull()
    expect(parseHostMessage({ type: 'zjg-childcare/setLocation', lng: '120.55', lat: '31.87' })).toBeNull()
  })

  test.each([
    null, undefined, 'zjg-childcare/select', 42, [], {},
    { type: 'zjg-childcare/unknown' },
    { type: 'select', id: 'ZJG-0001' },
    { type: 'zjg-childcare/select', id: 'ZJG-0001', extra: true },
    { type: 'zjg-childcare/select', id: 'ZJG-0001', extra: undefined },
    { type: 'zjg-childcare/ready', version: '1', dataVersion: 'x' },
    { type: 'zjg-childcare/setFilters' },
  ])('rejects %j: not exactly a host message', (data) => {
    expect(parseHostMessage(data)).toBeNull()
  })

  test('does not mutate its input', () => {
    const message = { type: 'zjg-childcare/setFilters', filters: { types: ['private', 'private'], q: ' a ' } }
    const copy = structuredClone(message)
    parseHostMessage(message)
    expect(message).toEqual(copy)
  })
})

describe('buildNavigateMessage', () => {
  test('carries WGS84 and the GCJ-02 point gcoord computes, and passes the outbound schema', () => {
    const message = buildNavigateMessage({ name: '杨舍镇社区托育点', lng: 120.553, lat: 31.875 })
    const [gcjLng, gcjLat] = gcoord.transform([120.553, 31.875], gcoord.WGS84, gcoord.GCJ02)
    expect(message.type).toBe('zjg-childcare/navigate')
    expect(message.name).toBe('杨舍镇社区托育点')
    expect(message.wgs84).toEqual([120.553, 31.875])
    expect(message.gcj02[0]).toBeCloseTo(gcjLng, 6)
    expect(message.gcj02[1]).toBeCloseTo(gcjLat, 6)
    // Near Zhangjiagang GCJ-02 sits a few hundred metres north-east of WGS84.
    expect(message.gcj02[0]).toBeGreaterThan(120.553)
    expect(message.gcj02[1]).toBeLessThan(31.875)
    expect(appMessageSchema.safeParse(message).success).toBe(true)
  })
})

describe('appMessageSchema', () => {
  test.each([
    { type: 'zjg-childcare/ready', version: '0.1.0', dataVersion: 'abc123' },
    { type: 'zjg-childcare/selected', id: 'ZJG-0001', name: '托育点' },
    { type: 'zjg-childcare/call', phone: '0512-58681234' },
    { type: 'zjg-childcare/resize', height: 667 },
    { type: 'zjg-childcare/requestLocation' },
  ])('accepts the outbound %j', (message) => {
    expect(appMessageSchema.safeParse(message).success).toBe(true)
  })

  test.each([
    { type: 'zjg-childcare/resize', height: Number.NaN },
    { type: 'zjg-childcare/call', phone: 'javascript:alert(1)' },
    { type: 'zjg-childcare/ready', version: '', dataVersion: 'x' },
    { type: 'zjg-childcare/selected', id: 'a', name: 'b', lng: 120 },
    // The request carries nothing: a position must never travel from the app to the host.
    { type: 'zjg-childcare/requestLocation', lng: 120.55, lat: 31.87 },
  ])('rejects the broken outbound %j', (message) => {
    expect(appMessageSchema.safeParse(message).success).toBe(false)
  })
})
