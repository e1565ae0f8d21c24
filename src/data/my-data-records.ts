import { readSheet } from 'read-excel-file/universal'
import { decodeRegistryBytes } from '../lib/registry/decode-registry-bytes'
import { parseCsv, type CsvRecord } from '../lib/registry/parse-csv'
import { RegistryInputError } from '../lib/registry/registry-input-error'
import { sheetToRecords, type SheetCell } from '../lib/registry/sheet-to-records'

/** An .xlsx is a zip: it starts with PK\x03\x04 whatever its name says. */
const isZip = (bytes: Uint8Array) => bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04

/**
 * The records of a table file as the build script reads them: the first sheet of an .xlsx (read-excel-file's
 * universal entry: no DOM and no nested worker, so it runs in our worker and in Node), else CSV in UTF-8 or GBK.
 * Throws {@link RegistryInputError} for a file that cannot be read at all.
 */
export async function readTableRecords(bytes: Uint8Array, fileName: string): Promise<{ records: CsvRecord[]; encoding: string }> {
  if (/\.xlsx$/i.test(fileName) || isZip(bytes)) {
    try {
      const buffer = bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer
      return { records: sheetToRecords((await readSheet(buffer)) as SheetCell[][]), encoding: 'xlsx' }
    } catch (error) {
      const detail = error instanceof Error ? error.message : String(error)
      throw new RegistryInputError(`not a readable .xlsx file (${detail})`, 'not-xlsx', { detail })
    }
  }
  const decoded = decodeRegistryBytes(bytes)
  return { records: parseCsv(decoded.text), encoding: decoded.encoding }
}
