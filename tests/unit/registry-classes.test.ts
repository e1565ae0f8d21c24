import type { Feature, Polygon } from 'geojson'
import { describe, expect, test } from 'vitest'
import { parseCsv } from '../../src/lib/registry/parse-csv'
import { readRegistryTable } from '../../src/lib/registry/read-registry-table'
import { REGISTRY_COLUMNS } from '../../src/lib/registry/registry-columns'
import { resolveClassTotals } from '../../src/lib/registry/resolve-class-totals'
import { validateRegistry, type RegistryContext } from '../../src/lib/registry/validate-registry'

const boundary: Feature<Polygon> = {
  type: 'Feature', properties: {},
  geometry: { type: 'Polygon', coordinates: [[[120.3, 31.7], [120.9, 31.7], [120.9, 32.1], [120.3, 32.1], [120.3, 31.7]]] },
}
const context: RegistryContext = { boundary, areaOfTown: (town) => (town === '杨舍镇' ? 'yangshe' : undefined) }
const HEADER = '机构编号,机构名称,所属镇街,经度,纬度,机构类型,是否普惠,托位数,2岁以下托位数,在托人数,'
  + '乳儿班托位数,乳儿班在托人数,托小班托位数,托小班在托人数,托大班托位数,托大班在托人数'

/** One row of a 杨舍镇 community point with the given totals and class cells (托位, 在托 per class). */
function validate(totals: string, classes: string) {
  const csv = `${HEADER}\nA1,托育点,杨舍镇,120.52937,31.872958,社区托育点,是,${totals},${classes}\n`
  return validateRegistry(readRegistryTable(parseCsv(csv)).rows, context)
}
const codes = (result: ReturnType<typeof validate>) => result.rejected.flatMap((row) => row.issues.map((issue) => [issue.field, issue.code]))

describe('registry class columns (乳儿班 / 托小班 / 托大班)', () => {
  test('all six are optional columns with Chinese headers, English keys and a plausible range', () => {
    const classColumns = REGISTRY_COLUMNS.filter((column) => /班/.test(column.header))
    expect(classColumns.map((column) => [column.key, column.header, column.required, column.range])).toEqual([
      ['infantCapacity', '乳儿班托位数', false, { min: 0, max: 500 }], ['infantEnrolled', '乳儿班在托人数', false, { min: 0, max: 500 }],
      ['toddlerCapacity', '托小班托位数', false, { min: 0, max: 500 }], ['toddlerEnrolled', '托小班在托人数', false, { min: 0, max: 500 }],
      ['olderCapacity', '托大班托位数', false, { min: 0, max: 500 }], ['olderEnrolled', '托大班在托人数', false, { min: 0, max: 500 }],
    ])
  })

  test('valid: the classes are kept and the totals (and 2岁以下 = 乳儿班 + 托小班) come from them', () => {
    const result = validate('40,20,30', '5,5,15,12,20,13')
    expect(result.rejected).toEqual([])
    expect(result.institutions[0].properties).toMatchObject({
      capacity: 40, capacityUnder2: 20, enrolled: 30,
      classes: { infant: { capacity: 5, enrolled: 5 }, toddler: { capacity: 15, enrolled: 12 }, older: { capacity: 20, enrolled: 13 } },
    })
  })

  test('valid with empty totals: the totals are derived from the classes', () => {
    const result = validate(',,', '0,0,15,9,25,20')
    expect(result.rejected).toEqual([])
    expect(result.institutions[0].properties).toMatchObject({ capacity: 40, capacityUnder2: 15, enrolled: 29 })
  })

  test('missing: a row without class cells keeps working on its totals and has no classes', () => {
    const result = validate('40,12,30', ',,,,,')
    expect(result.rejected).toEqual([])
    expect(result.institutions[0].properties).toMatchObject({ capacity: 40, capacityUnder2: 12, enrolled: 30 })
    expect(result.institutions[0].properties.classes).toBeUndefined()
  })

  test('missing: without class cells an empty 托位数 is still rejected', () => {
    expect(codes(validate(',,', ',,,,,'))).toEqual([['capacity', 'missing-value']])
  })

  test('a file without the class columns at all reads as before', () => {
    const csv = '机构编号,机构名称,所属镇街,经度,纬度,机构类型,是否普惠,托位数\nA1,托育点,杨舍镇,120.52937,31.872958,社区托育点,是,40\n'
    const result = validateRegistry(readRegistryTable(parseCsv(csv)).rows, context)
    expect(result.institutions[0].properties.capacity).toBe(40)
    expect(result.institutions[0].properties.classes).toBeUndefined()
  })

  test('English keys name the class columns too', () => {
    const csv = 'id,name,town,lon,lat,type,puhui,capacity,toddlerCapacity,toddlerEnrolled\nA1,托育点,杨舍镇,120.52937,31.872958,community,yes,,15,3\n'
    const result = validateRegistry(readRegistryTable(parseCsv(csv)).rows, context)
    expect(result.institutions[0].properties).toMatchObject({ capacity: 15, capacityUnder2: 15, enrolled: 3, classes: { toddler: { capacity: 15, enrolled: 3 } } })
  })

  test.each([
    ['class places above 托位数', '30,20,10', '5,0,15,0,20,0', [['capacity', 'class-exceeds-total']]],
    ['乳儿班 + 托小班 above 2岁以下托位数', '40,10,10', '5,0,15,0,20,0', [['capacityUnder2', 'class-exceeds-total']]],
    ['class children above 在托人数', '40,20,10', '5,5,15,5,20,5', [['enrolled', 'class-exceeds-total']]],
    ['a negative class count', '40,20,10', '5,0,-15,0,20,0', [['toddlerCapacity', 'negative-number']]],
    ['an implausible class count', '40,20,10', '5,0,15,0,2000,0', [['olderCapacity', 'implausible-number']]],
    ['a fractional class count', '40,20,10', '5,0,15.5,0,20,0', [['toddlerCapacity', 'not-an-integer']]],
  ])('inconsistent: %s is rejected with a stable code', (_, totals, classes, expected) => {
    const result = validate(totals, classes)
    expect(result.institutions).toEqual([])
    expect(codes(result)).toEqual(expected)
  })

  test('the reason names the sum and the total', () => {
    expect(validate('30,20,10', '5,0,15,0,20,0').rejected[0].issues[0].reason).toBe('分班型合计（40）大于托位数（30）')
  })

  test('resolveClassTotals does not change its input', () => {
    const input = {
      capacity: null, capacityUnder2: null, enrolled: null,
      classes: { infant: { capacity: 5, enrolled: null }, toddler: { capacity: null, enrolled: null }, older: { capacity: 20, enrolled: 3 } },
    }
    const copy = structuredClone(input)
    expect(resolveClassTotals(input)).toEqual({
      ok: true, totals: { capacity: 25, capacityUnder2: 5, enrolled: 3, classes: { infant: { capacity: 5, enrolled: 0 }, older: { capacity: 20, enrolled: 3 } } },
    })
    expect(input).toEqual(copy)
  })
})
