import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { decodeRegistryBytes } from '../../src/lib/registry/decode-registry-bytes'
import { normalizeNumberText } from '../../src/lib/registry/normalize-number-text'
import { parseCsv } from '../../src/lib/registry/parse-csv'
import { readRegistryTable } from '../../src/lib/registry/read-registry-table'
import { RegistryInputError } from '../../src/lib/registry/registry-input-error'
import { exceededRegistryLimit, REGISTRY_LIMITS } from '../../src/lib/registry/registry-limits'
import { sheetToRecords } from '../../src/lib/registry/sheet-to-records'

const REQUIRED_HEADER = '机构编号,机构名称,所属镇街,经度,纬度,机构类型,是否普惠,托位数'

describe('parseCsv', () => {
  it('keeps quoted commas, doubled quotes and line breaks inside a cell, and each record\'s untouched source text', () => {
    const records = parseCsv('a,b\n"x, y","say ""hi"""\n"multi\nline",2\n')
    expect(records).toEqual([
      { line: 1, cells: ['a', 'b'], raw: 'a,b' },
      { line: 2, cells: ['x, y', 'say "hi"'], raw: '"x, y","say ""hi"""' },
      { line: 3, cells: ['multi\nline', '2'], raw: '"multi\nline",2' },
    ])
  })

  it('numbers records by the source line they start on, with CRLF, CR and no final newline', () => {
    const records = parseCsv('h1,h2\r\n"a\r\nb",1\r\n\r\nc,2\rd,3')
    expect(records.map((record) => record.line)).toEqual([1, 2, 4, 5, 6])
    expect(records[2].cells).toEqual([''])
    expect(records[4].cells).toEqual(['d', '3'])
    expect(records.map((record) => record.raw)).toEqual(['h1,h2', '"a\r\nb",1', '', 'c,2', 'd,3'])
  })

  it('reads tab-separated text when the first line has tabs and no commas', () => {
    expect(parseCsv('a\tb\n1,5\t2\n')[1].cells).toEqual(['1,5', '2'])
  })

  it('takes a quoted section whole: doubled quotes undone, line breaks counted, an unclosed quote running to the end', () => {
    const records = parseCsv('a,"x""y\r\nz"w\n"open\nrest')
    expect(records.map((record) => [record.line, record.cells])).toEqual([[1, ['a', 'x"y\r\nzw']], [3, ['open\nrest']]])
    expect(parseCsv(`"${'""'.repeat(100_000)}"`)[0].cells[0]).toBe('"'.repeat(100_000))
  })

  it.each([
    ['lines', '\n'.repeat(10), '\n'.repeat(11), /^more than 10 lines \(the limit\)$/],
    ['cells in a row', `a\n${','.repeat(9)}\n`, `a\n${','.repeat(10)}\n`, /^line 2: more than 10 cells in one row \(the limit\)$/],
  ])('reads a file at the limit of %s and stops one past it with a RegistryInputError', (_, atLimit, over, message) => {
    const limits = { maxRecords: 10, maxCellsPerRecord: 10 }
    expect(parseCsv(atLimit, limits).length).toBeGreaterThan(0)
    expect(() => parseCsv(over, limits)).toThrow(RegistryInputError)
    expect(() => parseCsv(over, limits)).toThrow(message)
  })
})

describe('decodeRegistryBytes', () => {
  it('reads UTF-8 with and without a BOM', () => {
    const plain = new TextEncoder().encode('机构编号\nA1')
    expect(decodeRegistryBytes(plain)).toEqual({ text: '机构编号\nA1', encoding: 'utf-8' })
    const withBom = new Uint8Array([0xef, 0xbb, 0xbf, ...plain])
    expect(decodeRegistryBytes(withBom)).toEqual({ text: '机构编号\nA1', encoding: 'utf-8-bom' })
  })

  it('falls back to GBK when the bytes are not UTF-8', () => {
    const gbk = new Uint8Array(iconv.encode('机构名称,所属镇街\n童心托育,杨舍镇', 'gbk'))
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(gbk)).toThrow()
    expect(decodeRegistryBytes(gbk)).toEqual({ text: '机构名称,所属镇街\n童心托育,杨舍镇', encoding: 'gb18030' })
  })

  it('refuses bytes that are neither UTF-8 nor GBK', () => {
    const binary = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0xff, 0xff, 0x80, 0x00])
    expect(() => decodeRegistryBytes(binary)).toThrow(RegistryInputError)
    expect(() => decodeRegistryBytes(binary)).toThrow(/undecodable/)
  })
})

describe('normalizeNumberText', () => {
  it('turns full-width digits, point and sign into ASCII and trims', () => {
    expect(normalizeNumberText('\u3000１２０．５２ ')).toBe('120.52')
    expect(normalizeNumberText('－３')).toBe('-3')
    expect(normalizeNumberText('1,200')).toBe('1200')
    expect(normalizeNumberText('1,2')).toBe('1,2')
  })
})

describe('readRegistryTable', () => {
  it('maps Chinese headers and English keys in any order, with units in brackets', () => {
    const table = readRegistryTable(parseCsv('type,puhui,托位数（个）,LAT,lon,所属镇街,机构名称, id \n'))
    expect(table.columns).toEqual({ type: 0, puhui: 1, capacity: 2, lat: 3, lon: 4, town: 5, name: 6, id: 7 })
  })

  it('skips blank lines (also lines of bare commas) without counting them as rows', () => {
    const table = readRegistryTable(parseCsv(`\n${REQUIRED_HEADER}\nA1,x\n\n , ,\nA2,y\n`))
    expect(table.rows.map((row) => [row.line, row.values.id])).toEqual([[3, 'A1'], [6, 'A2']])
    expect(table.blankLines).toBe(2)
  })

  it('lists unknown headers and counts cells beyond the header', () => {
    const table = readRegistryTable(parseCsv(`${REQUIRED_HEADER},备注\nA1,a,b,c,d,e,f,g,note,extra,\n`))
    expect(table.unknownHeaders).toEqual(['备注'])
    expect(table.rows[0].extraCells).toBe(1)
  })

  it('refuses a file with no header row', () => {
    expect(() => readRegistryTable(parseCsv('\n \n'))).toThrow(/no header row/)
    expect(() => readRegistryTable(parseCsv('foo,bar\n1,2\n'))).toThrow(/no header row: line 1/)
  })

  it('names every missing required column', () => {
    expect(() => readRegistryTable(parseCsv('机构编号,机构名称,所属镇街,机构类型,是否普惠,托位数\n')))
      .toThrow('required columns missing: 经度 (lon), 纬度 (lat)')
  })

  it('refuses a column given twice', () => {
    expect(() => readRegistryTable(parseCsv(`${REQUIRED_HEADER},capacity\n`))).toThrow(/appears twice/)
  })
})

describe('sheetToRecords', () => {
  it('numbers rows by sheet row and writes dates, booleans and numbers as text', () => {
    const records = sheetToRecords([['机构编号', '更新日期'], ['A1', new Date(Date.UTC(2024, 8, 3))], [null, true], ['B', 31.5]])
    expect(records).toEqual([
      { line: 1, cells: ['机构编号', '更新日期'], raw: '机构编号\t更新日期' },
      { line: 2, cells: ['A1', '2024-09-03'], raw: 'A1\t2024-09-03' },
      { line: 3, cells: ['', '是'], raw: '\t是' },
      { line: 4, cells: ['B', '31.5'], raw: 'B\t31.5' },
    ])
  })
})

describe('exceededRegistryLimit', () => {
  it.each([
    [{ bytes: REGISTRY_LIMITS.maxBytes + 1 }, /^134,217,729 bytes, more than the limit of 134,217,728/],
    [{ rows: 300_000 }, /^300,000 rows, more than the limit of 250,000$/],
  ])('names the first limit %j exceeds in one line', (size, message) => {
    expect(exceededRegistryLimit(size)).toMatch(message)
  })

  it('accepts a registry at its limits', () => {
    expect(exceededRegistryLimit({ bytes: REGISTRY_LIMITS.maxBytes, rows: REGISTRY_LIMITS.maxRows })).toBeNull()
  })
})
