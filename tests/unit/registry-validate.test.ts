import { readFileSync } from 'node:fs'
import gcoord from 'gcoord'
import type { Feature, Polygon } from 'geojson'
import { describe, expect, it } from 'vitest'
import { exportCsv } from '../../src/lib/export/export-csv'
import { formatRejectedCsv } from '../../src/lib/registry/format-rejected-csv'
import { parseCsv } from '../../src/lib/registry/parse-csv'
import { parseRegistryRow } from '../../src/lib/registry/parse-registry-row'
import { readRegistryTable, type RegistryRow } from '../../src/lib/registry/read-registry-table'
import { REGISTRY_COLUMNS } from '../../src/lib/registry/registry-columns'
import { isInstitutionId } from '../../src/lib/institution-id'
import { toWgs84 } from '../../src/lib/registry/to-wgs84'
import { validateRegistry, type RegistryContext } from '../../src/lib/registry/validate-registry'
import type { AreaId } from '../../src/lib/types'

/** A square around Zhangjiagang standing in for the city outline. */
function context(): RegistryContext {
  const boundary: Feature<Polygon> = {
    type: 'Feature', properties: {},
    geometry: { type: 'Polygon', coordinates: [[[120.3, 31.7], [120.9, 31.7], [120.9, 32.1], [120.3, 32.1], [120.3, 31.7]]] },
  }
  const towns: Record<string, AreaId> = { 杨舍镇: 'yangshe', 锦丰镇: 'jinfeng', 凤凰镇: 'fenghuang', 南丰镇: 'nanfeng', 塘桥镇: 'tangqiao' }
  return { boundary, areaOfTown: (town) => towns[town] }
}

/** One valid row of a community point in 杨舍镇 (GCJ-02), with `changes` applied. */
function row(line: number, changes: Record<string, string> = {}): RegistryRow {
  const values = {
    id: `A${line}`, name: `托育点${line}`, town: '杨舍镇', lon: '120.529370', lat: '31.872958', type: '社区托育点',
    puhui: '是', capacity: '40', capacityUnder2: '12', enrolled: '30', ...changes,
  }
  return { line, cells: Object.values(values), raw: Object.values(values).join(','), values, extraCells: 0 }
}

const codes = (rows: RegistryRow[]) => validateRegistry(rows, context()).rejected.map((r) => [r.line, r.issues.map((i) => i.code)])

describe('parseRegistryRow', () => {
  it('normalizes full-width digits, trims, reads 是/否 and splits 服务形式 on ; ； 、', () => {
    const parsed = parseRegistryRow({ ...row(2).values, capacity: ' ４０ ', lon: '１２０．５２９３７', name: '  童心托育 ', services: '全日托；半日托、临时托;计时托', inclusive: '否' })
    expect(parsed.ok && parsed.row).toMatchObject({
      capacity: 40, lon: 120.52937, name: '童心托育', puhui: true, inclusive: false, crs: 'GCJ02',
      services: { services: ['fullDay', 'halfDay', 'temporary', 'hourly'], unknown: [] },
    })
  })

  it('accepts the English type keys and WGS84 / BD-09 coordinate systems', () => {
    const parsed = parseRegistryRow({ ...row(2).values, type: 'kindergarten', crs: 'bd-09' })
    expect(parsed.ok && [parsed.row.type, parsed.row.crs]).toEqual(['kindergarten', 'BD09'])
  })

  it('reports every bad field with a stable code', () => {
    const parsed = parseRegistryRow({ ...row(2).values, id: ' ', capacity: '-3', enrolled: '很多', staff: '2.5', type: '早教中心', puhui: '也许', crs: 'CGCS2000', openedYear: '24' })
    expect(parsed.ok).toBe(false)
    expect(!parsed.ok && parsed.issues.map((issue) => [issue.field, issue.code])).toEqual([
      ['id', 'missing-value'], ['crs', 'unknown-crs'], ['type', 'unknown-type'], ['puhui', 'invalid-boolean'],
      ['capacity', 'negative-number'], ['enrolled', 'not-a-number'], ['staff', 'not-an-integer'], ['openedYear', 'invalid-year'],
    ])
  })
})

describe('validateRegistry: rejections', () => {
  it('keeps a valid row as a WGS84 point with its planning area', () => {
    const { institutions, rejected } = validateRegistry([row(2)], context())
    expect(rejected).toEqual([])
    expect(institutions[0].properties).toMatchObject({ id: 'A2', area: 'yangshe', type: 'community', capacity: 40, sample: false })
    const [lon, lat] = institutions[0].geometry.coordinates
    expect(lon).toBeCloseTo(120.525, 5)
    expect(lat).toBeCloseTo(31.875, 5)
  })

  it('rejects a point outside the city', () => {
    expect(codes([row(2, { lon: '121.47', lat: '31.23' })])).toEqual([[2, ['outside-city']]])
  })

  it('rejects swapped longitude and latitude with 经纬度可能颠倒', () => {
    const result = validateRegistry([row(2, { lon: '31.872958', lat: '120.529370' })], context())
    expect(result.rejected[0].issues).toEqual([expect.objectContaining({ code: 'swapped-coordinates', reason: expect.stringContaining('经纬度可能颠倒') })])
  })

  it('rejects a duplicate id, naming the first line', () => {
    const result = validateRegistry([row(2, { id: 'X' }), row(3, { id: 'X', lon: '120.6', lat: '31.9' })], context())
    expect(result.rejected.map((r) => r.issues[0])).toEqual([expect.objectContaining({ code: 'duplicate-id', reason: '机构编号与第 2 行重复' })])
  })

  it('rejects the same name within 50 m of an earlier kept row, not at 60 m', () => {
    // 0.0004° of latitude ≈ 44 m; 0.00054° ≈ 60 m.
    const near = row(3, { name: '托育点2', lat: '31.873358' })
    const far = row(4, { name: '托育点2', lat: '31.873498' })
    expect(codes([row(2), near, far])).toEqual([[3, ['near-duplicate-name']]])
  })

  it('rejects capacityUnder2 above capacity, negative and non-numeric counts, unknown type and town', () => {
    expect(codes([
      row(2, { capacityUnder2: '41' }), row(3, { capacity: '-1' }), row(4, { enrolled: 'abc' }),
      row(5, { type: '早教中心' }), row(6, { town: '苏州工业园区' }),
    ])).toEqual([
      [2, ['under2-exceeds-capacity']], [3, ['negative-number']], [4, ['not-a-number']], [5, ['unknown-type']], [6, ['unknown-town']],
    ])
  })

  it('rejects a row with more non-empty cells than the header', () => {
    expect(codes([{ ...row(2), extraCells: 1 }])).toEqual([[2, ['column-count']]])
  })

  it('does not modify its input rows', () => {
    const rows = [row(2), row(3, { id: 'A2' })]
    const copy = structuredClone(rows)
    validateRegistry(rows, context())
    expect(rows).toEqual(copy)
  })
})

describe('parseRegistryRow: plausible values, text lengths and the id rule', () => {
  const issues = (changes: Record<string, string>) => {
    const parsed = parseRegistryRow({ ...row(2).values, ...changes })
    return parsed.ok ? [] : parsed.issues.map((issue) => [issue.field, issue.code])
  }

  it.each([
    ['priceFullDay', '9'.repeat(400)], ['priceFullDay', '50000.5'], ['capacity', '2001'], ['capacity', '1'.repeat(30)],
    ['capacityUnder2', '2001'], ['enrolled', '2001'], ['staff', '501'], ['staffCertified', '501'], ['ageMinMonths', '121'],
    ['ageMaxMonths', '121'],
  ])('rejects %s = %s as implausible-number, never as Infinity', (field, value) => {
    const parsed = parseRegistryRow({ ...row(2).values, [field]: value })
    expect(!parsed.ok && parsed.issues.map((issue) => [issue.field, issue.code])).toEqual([[field, 'implausible-number']])
    // The reason quotes at most 30 characters of the value.
    expect(!parsed.ok && parsed.issues[0].reason.length).toBeLessThan(80)
  })

  it.each([
    ['priceFullDay', '50000', 50_000], ['priceFullDay', '0', 0], ['capacity', '2000', 2000], ['staff', '500', 500],
    ['ageMaxMonths', '120', 120], ['enrolled', '2000', 2000],
  ])('accepts %s = %s at the edge of its range', (field, value, expected) => {
    const parsed = parseRegistryRow({ ...row(2).values, [field]: value })
    expect(parsed.ok && parsed.row[field as 'capacity']).toBe(expected)
  })

  const textColumns = REGISTRY_COLUMNS.filter((column) => column.maxLength !== undefined).map((column) => [column.key, column.maxLength ?? 0] as const)
  it.each(textColumns)('%s: %i characters are kept, one more is text-too-long', (field, max) => {
    expect(issues({ [field]: '字'.repeat(max) })).toEqual([])
    expect(issues({ [field]: `${'字'.repeat(max)}x` })).toEqual([[field, 'text-too-long']])
  })

  it('counts characters, not UTF-16 units, and names the limits asked for (name 100, address 200)', () => {
    expect(issues({ name: '𠀀'.repeat(100) })).toEqual([])
    expect(Object.fromEntries(textColumns)).toMatchObject({ name: 100, address: 200 })
  })

  it.each([['a\u0000b'], ['x'.repeat(65)], ['a\u2028b'], ['\ud800x'], ['tab\tin']])('rejects the id %j with invalid-id (the deep-link rule)', (id) => {
    expect(isInstitutionId(id)).toBe(false)
    expect(issues({ id })).toEqual([['id', 'invalid-id']])
  })

  it.each([['张家港/托育 #1'], ['x'.repeat(64)], [' ZJG-0001 ']])('keeps the id %j, trimmed, that deep links accept', (id) => {
    const parsed = parseRegistryRow({ ...row(2).values, id })
    expect(parsed.ok && isInstitutionId(parsed.row.id)).toBe(true)
  })
})

describe('validateRegistry: warnings', () => {
  it('keeps suspicious rows and warns: enrolled > capacity, price > 10000, certified > staff, odd ages, HTML', () => {
    const result = validateRegistry([row(2, {
      enrolled: '45', priceFullDay: '12000', staff: '2', staffCertified: '3', ageMinMonths: '30', ageMaxMonths: '12',
      name: '<img src=x onerror=alert(1)>托育',
    })], context())
    expect(result.rejected).toEqual([])
    expect(result.institutions[0].properties.name).toBe('<img src=x onerror=alert(1)>托育')
    expect(result.warnings.map((warning) => [warning.line, warning.code])).toEqual([
      [2, 'enrolled-exceeds-capacity'], [2, 'price-high'], [2, 'certified-exceeds-staff'], [2, 'age-range'], [2, 'html-in-text'],
    ])
  })
})

describe('CRS conversion', () => {
  /** The published GCJ-02 forward formula (Krasovsky 1940 ellipsoid), independent of gcoord. */
  function wgs84ToGcj02([lon, lat]: [number, number]): [number, number] {
    const a = 6378245.0, ee = 0.00669342162296594323, x = lon - 105, y = lat - 35
    let dLat = -100 + 2 * x + 3 * y + 0.2 * y * y + 0.1 * x * y + 0.2 * Math.sqrt(Math.abs(x))
    dLat += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
    dLat += ((20 * Math.sin(y * Math.PI) + 40 * Math.sin((y / 3) * Math.PI)) * 2) / 3
    dLat += ((160 * Math.sin((y / 12) * Math.PI) + 320 * Math.sin((y * Math.PI) / 30)) * 2) / 3
    let dLon = 300 + x + 2 * y + 0.1 * x * x + 0.1 * x * y + 0.1 * Math.sqrt(Math.abs(x))
    dLon += ((20 * Math.sin(6 * x * Math.PI) + 20 * Math.sin(2 * x * Math.PI)) * 2) / 3
    dLon += ((20 * Math.sin(x * Math.PI) + 40 * Math.sin((x / 3) * Math.PI)) * 2) / 3
    dLon += ((150 * Math.sin((x / 12) * Math.PI) + 300 * Math.sin((x / 30) * Math.PI)) * 2) / 3
    const radLat = (lat / 180) * Math.PI
    const magic = 1 - ee * Math.sin(radLat) ** 2
    dLat = (dLat * 180) / (((a * (1 - ee)) / (magic * Math.sqrt(magic))) * Math.PI)
    dLon = (dLon * 180) / ((a / Math.sqrt(magic)) * Math.cos(radLat) * Math.PI)
    return [lon + dLon, lat + dLat]
  }
  const meters = (a: [number, number], b: [number, number]) =>
    Math.hypot((a[0] - b[0]) * 111_320 * Math.cos((a[1] * Math.PI) / 180), (a[1] - b[1]) * 110_574)

  it('turns the fixed GCJ-02 pair of the 杨舍 seat back into WGS84 within 1 m', () => {
    const wgs84: [number, number] = [120.525, 31.875]
    const gcj02: [number, number] = [120.52937, 31.872958]
    expect(meters(wgs84ToGcj02(wgs84), gcj02)).toBeLessThan(1)
    expect(meters(toWgs84(gcj02, 'GCJ02'), wgs84)).toBeLessThan(1)
    expect(meters(gcj02, wgs84)).toBeGreaterThan(400)
  })

  it('agrees with gcoord for BD-09 and leaves WGS84 alone', () => {
    const bd09: [number, number] = [120.535939, 31.878648]
    expect(meters(toWgs84(bd09, 'BD09'), gcoord.transform([...bd09], gcoord.BD09, gcoord.WGS84) as [number, number])).toBeLessThan(0.01)
    expect(meters(toWgs84(bd09, 'BD09'), [120.525, 31.875])).toBeLessThan(1)
    expect(toWgs84([120.5, 31.9], 'WGS84')).toEqual([120.5, 31.9])
  })
})

describe('hostile fixture through parse + validate', () => {
  it('accounts for every non-blank line: read = kept + rejected, with the rejected line numbers', () => {
    const text = readFileSync(new URL('../fixtures/registry/hostile.csv', import.meta.url), 'utf8')
    const table = readRegistryTable(parseCsv(text))
    const result = validateRegistry(table.rows, context())
    expect(table.rows).toHaveLength(16)
    expect(table.blankLines).toBe(2)
    expect(result.institutions.map((f) => f.properties.id)).toEqual(['H001', 'H002', 'H004', 'H013', 'H014'])
    expect(result.rejected.map((r) => r.line)).toEqual([5, 8, 9, 10, 11, 12, 13, 14, 15, 16, 20])
    expect(result.institutions.length + result.rejected.length).toBe(table.rows.length)
    expect(result.institutions.find((f) => f.properties.id === 'H004')?.properties.address).toBe('杨舍镇,人民路"8"号')
    expect(result.institutions.find((f) => f.properties.id === 'H013')?.properties.address).toBe('凤凰镇\n恬庄村')
  })
})

describe('formatRejectedCsv', () => {
  it('writes a BOM, line, codes, reasons, the untouched source line and the original cells, quoting where needed and defusing formulas', () => {
    const csv = formatRejectedCsv(['机构编号', '机构名称'], [
      {
        line: 7, cells: ['A1', '=HYPERLINK("x")'], raw: 'A1,"=HYPERLINK(""x"")"',
        issues: [{ code: 'duplicate-id', reason: '机构编号与第 2 行重复' }, { code: 'unknown-type', reason: '机构类型未知：“a,b”' }],
      },
    ])
    expect(csv).toBe('\uFEFF行号,原因代码,原因,原始行,机构编号,机构名称\r\n7,duplicate-id;unknown-type,"机构编号与第 2 行重复；机构类型未知：“a,b”","A1,""=HYPERLINK(""""x"""")""",A1,"\'=HYPERLINK(""x"")"\r\n')
  })

  it.each([
    ['+1+cmd|\' /C calc\'!A0'], ['-2+3+cmd|\' /C calc\'!A0'], ['=1+1'], ['@SUM(A1)'], ['\tcmd'], ['\rcmd'], ['-5'],
  ])('escapes %j exactly as the app\'s exports do, in the cells and in the source line', (hostile) => {
    const csv = formatRejectedCsv(['机构名称'], [{ line: 2, cells: [hostile], raw: hostile, issues: [{ code: 'missing-value', reason: '机构编号为空' }] }])
    const escaped = exportCsv(['x'], [[hostile]]).split('\r\n')[1]
    expect(escaped.startsWith('\'') || escaped.startsWith('"\'')).toBe(true)
    expect(csv).toBe(`\uFEFF行号,原因代码,原因,原始行,机构名称\r\n2,missing-value,机构编号为空,${escaped},${escaped}\r\n`)
  })
})
