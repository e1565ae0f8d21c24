import { describe, expect, it } from 'vitest'
import Papa from 'papaparse'
import { escapeCsvCell } from '../../src/lib/export/escape-csv-cell'
import { exportCsv, UTF8_BOM } from '../../src/lib/export/export-csv'
import { exportUncoveredCsv } from '../../src/lib/export/export-uncovered-csv'
import type { CommunityAccessibility, UncoveredCommunity } from '../../src/lib/coverage'
import { deepFreeze } from '../fixtures/coverage/hand-case'

const parse = (text: string) => Papa.parse<string[]>(text.slice(UTF8_BOM.length), { skipEmptyLines: true })

describe('exportCsv', () => {
  it('starts with a UTF-8 BOM, ends lines with CRLF and encodes Chinese as UTF-8', () => {
    const csv = exportCsv(['名称', '人数'], [['南丰村', 42]])
    expect(csv).toBe('\uFEFF名称,人数\r\n南丰村,42\r\n')
    expect([...Buffer.from(csv, 'utf8').subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
  })

  it('quotes commas, quotes and line breaks so the cells parse back unchanged', () => {
    const rows = [['a,b', 'say "hi"', 'line1\nline2', ''], ['x', 'y', 'z', 'w']]
    const parsed = parse(exportCsv(['one', 'two', 'three', 'four'], rows))
    expect(parsed.errors).toEqual([])
    expect(parsed.data).toEqual([['one', 'two', 'three', 'four'], ...rows])
  })

  it('writes null and undefined as empty cells and numbers as they are, negatives included', () => {
    expect(exportCsv(['a', 'b', 'c', 'd'], [[null, undefined, -3.5, 0]])).toBe('\uFEFFa,b,c,d\r\n,,-3.5,0\r\n')
  })

  it('keeps a text cell that looks like a spreadsheet formula from running as one', () => {
    const csv = exportCsv(['name'], [['=HYPERLINK("http://evil")'], ['+1'], ['@SUM(A1)'], ['-2+3']])
    const cells = parse(csv).data.slice(1).map((row) => row[0])
    expect(cells).toEqual(['\'=HYPERLINK("http://evil")', "'+1", "'@SUM(A1)", "'-2+3"])
  })

  it('does not change its inputs', () => {
    const header = deepFreeze(['a', 'b'])
    const rows = deepFreeze([['x', 1], ['y', 2]])
    expect(() => exportCsv(header, rows)).not.toThrow()
    expect(rows).toEqual([['x', 1], ['y', 2]])
  })
})

describe('escapeCsvCell', () => {
  it.each([
    ['=1+1', "'=1+1"], ['+1+cmd|\' /C calc\'!A0', "'+1+cmd|' /C calc'!A0"], ['-2+3+cmd|\' /C calc\'!A0', "'-2+3+cmd|' /C calc'!A0"],
    ['@SUM(A1)', "'@SUM(A1)"], ['\tx', "'\tx"], ['\rx', `"'\rx"`], ['-5', "'-5"], ['a,b', '"a,b"'], [' padded ', '" padded "'],
    ['plain 文本', 'plain 文本'], [-5, '-5'], [true, 'true'], [null, ''],
  ])('%j → %j', (value, expected) => {
    expect(escapeCsvCell(value)).toBe(expected)
  })
})

describe('exportUncoveredCsv', () => {
  const communities: UncoveredCommunity[] = [
    { id: '320582100201', name: '永联村村民委员会', area: 'nanfeng', under3: 88, nearestSiteMeters: 1840 },
    { id: '320582001001', name: '中港社区居委会', area: 'baoshui', under3: 31, nearestSiteMeters: null },
    { id: '320582102210', name: '=cmd|"/c calc"!A0', area: 'leyu', under3: 5, nearestSiteMeters: 2500 },
  ]
  const accessibility = new Map<string, CommunityAccessibility>([
    ['320582100201', { id: '320582100201', score: 0, desert: true }],
    ['320582001001', { id: '320582001001', score: 123.456, desert: false }],
  ])
  const header = ['编码', '村居', '片区', '3岁以下婴幼儿数', '距最近机构（米）', '可达托位（每千名）', '托育荒漠'] as const
  const names: Record<string, string> = { nanfeng: '南丰镇', baoshui: '保税区(含三个街道)', leyu: '乐余镇' }

  it('writes one row per community that parses back to the same values', () => {
    const csv = exportUncoveredCsv(communities, { header, areaName: (id) => names[id], accessibility, yesNo: ['是', '否'] })
    expect(csv.startsWith(UTF8_BOM)).toBe(true)
    const parsed = Papa.parse<Record<string, string>>(csv.slice(1), { header: true, skipEmptyLines: true })
    expect(parsed.errors).toEqual([])
    expect(parsed.meta.fields).toEqual([...header])
    expect(parsed.data).toEqual([
      { 编码: '320582100201', 村居: '永联村村民委员会', 片区: '南丰镇', '3岁以下婴幼儿数': '88', '距最近机构（米）': '1840', '可达托位（每千名）': '0', 托育荒漠: '是' },
      { 编码: '320582001001', 村居: '中港社区居委会', 片区: '保税区(含三个街道)', '3岁以下婴幼儿数': '31', '距最近机构（米）': '', '可达托位（每千名）': '123.5', 托育荒漠: '否' },
      { 编码: '320582102210', 村居: '\'=cmd|"/c calc"!A0', 片区: '乐余镇', '3岁以下婴幼儿数': '5', '距最近机构（米）': '2500', '可达托位（每千名）': '', 托育荒漠: '' },
    ])
  })

  it('writes only the header for no communities, and does not change its inputs', () => {
    const frozen = deepFreeze(structuredClone(communities))
    expect(exportUncoveredCsv([], { header, areaName: (id) => id, yesNo: ['yes', 'no'] })).toBe(`${UTF8_BOM}${header.join(',')}\r\n`)
    exportUncoveredCsv(frozen, { header, areaName: (id) => id, accessibility, yesNo: ['yes', 'no'] })
    expect(frozen).toEqual(communities)
  })
})
