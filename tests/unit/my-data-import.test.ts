import { readFileSync } from 'node:fs'
import path from 'node:path'
import { fileURLToPath } from 'node:url'
import { proxy } from 'comlink'
import iconv from 'iconv-lite'
import { describe, expect, it } from 'vitest'
import { myDataWorker } from './support/my-data-worker'
import type { ImportProgress, ImportResult, RegistryImport } from '../../src/data/my-data-types'
import { parseCsv } from '../../src/lib/registry/parse-csv'
import { makeXlsx } from '../fixtures/registry/make-xlsx'

// The build script's own registry fixtures (tests/unit/build-data.test.ts), imported through the worker's Comlink interface.
const FIXTURES = path.join(fileURLToPath(new URL('../fixtures/registry', import.meta.url)))
const fixture = (name: string) => readFileSync(path.join(FIXTURES, name))
const HOSTILE_REJECTED = [5, 8, 9, 10, 11, 12, 13, 14, 15, 16, 20]


async function importBytes(bytes: Uint8Array, name: string, progress: ImportProgress[] = []): Promise<RegistryImport> {
  const answer: ImportResult<RegistryImport> = await myDataWorker().importRegistry(bytes, name, proxy((next: ImportProgress) => { progress.push(next) }))
  if (!answer.ok) throw new Error(answer.message)
  return answer.result
}

describe('my data: registry import in the worker', () => {
  it('keeps every row of the valid fixture, in UTF-8, GBK and as .xlsx alike', async () => {
    const text = fixture('valid.csv').toString('utf8').replace(/^\uFEFF/, '')
    const utf8 = await importBytes(new Uint8Array(fixture('valid.csv')), 'valid.csv')
    const gbk = await importBytes(new Uint8Array(iconv.encode(text, 'gbk')), 'valid-gbk.csv')
    const rows = parseCsv(text).filter((record) => record.cells.some((cell) => cell !== '')).map((record) => record.cells)
    const xlsx = await importBytes(new Uint8Array(makeXlsx(rows)), 'valid.xlsx')
    expect([utf8.read, utf8.kept, utf8.rejected.length]).toEqual([5, 5, 0])
    expect(gbk.encoding).toBe('gb18030')
    expect(xlsx.encoding).toBe('xlsx')
    expect(gbk.institutions).toEqual(utf8.institutions)
    expect(xlsx.institutions.features.map((feature) => feature.properties.id)).toEqual(utf8.institutions.features.map((feature) => feature.properties.id))
    expect(utf8.totalCapacity).toBe(utf8.institutions.features.reduce((sum, feature) => sum + feature.properties.capacity, 0))
    expect(utf8.fileDate).toMatch(/^\d{4}-\d{2}-\d{2}$/)
  })

  it('accounts for every row of the hostile fixture with the build script\'s lines and reasons, and the rejected CSV', async () => {
    const progress: ImportProgress[] = []
    const result = await importBytes(new Uint8Array(fixture('hostile.csv')), 'hostile.csv', progress)
    expect([result.read, result.kept, result.rejected.length]).toEqual([16, 5, 11])
    expect(result.rejected.map((row) => row.line)).toEqual(HOSTILE_REJECTED)
    expect(result.rejected.find((row) => row.line === 5)?.reasons).toContain('经纬度可能颠倒')
    const csv = parseCsv(result.rejectedCsv.replace(/^\uFEFF/, ''))
    expect(csv[0].cells.slice(0, 3)).toEqual(['行号', '原因代码', '原因'])
    expect(csv.slice(1).filter((record) => record.cells.length > 1).map((record) => Number(record.cells[0]))).toEqual(HOSTILE_REJECTED)
    expect(progress.map((step) => step.stage)).toEqual(['read', 'parse', 'validate', 'done'])
    expect(progress.at(-1)).toEqual({ stage: 'done', done: 16, total: 16 })
  })

  it.each([
    ['no-lon.csv', '机构编号,机构名称,所属镇街,纬度,机构类型,是否普惠,托位数\nA,b,杨舍镇,31.9,社区托育点,是,1\n', /required columns missing/, 'missing-columns', { columns: '经度 (lon)' }],
    ['broken.xlsx', 'not a zip', /not a readable \.xlsx file/, 'not-xlsx', undefined],
    ['empty.csv', '\n\n', /no header row/, 'no-header', {}],
  ])('answers %s with the reason it cannot be used, and a code the app translates', async (name, content, reason, code, params) => {
    const answer = await myDataWorker().importRegistry(new TextEncoder().encode(content), name, proxy(() => {}))
    expect(answer.ok).toBe(false)
    expect(answer.ok ? '' : answer.message).toMatch(reason)
    expect(answer.ok ? undefined : answer.code).toBe(code)
    if (params) expect(answer.ok ? undefined : answer.params).toEqual(params)
  })
})
