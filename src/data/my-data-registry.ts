import { formatRejectedCsv } from '../lib/registry/format-rejected-csv'
import { readRegistryTable, type RegistryRow } from '../lib/registry/read-registry-table'
import { RegistryInputError } from '../lib/registry/registry-input-error'
import { validateRegistry, type RegistryContext } from '../lib/registry/validate-registry'
import type { ImportProgress, ImportResult, RegistryImport } from './my-data-types'
import { readTableRecords } from './my-data-records'
import { toRejectedLine } from './rejected-line'

/** Progress messages every this many rows: often enough for a smooth bar, rare enough to cost nothing. */
const PROGRESS_EVERY = 500

/** validateRegistry walks its rows with for…of: an iterator that reports as it goes gives exact progress. */
function reportingRows(rows: readonly RegistryRow[], onProgress: (progress: ImportProgress) => void): readonly RegistryRow[] {
  const copy = [...rows]
  Object.defineProperty(copy, Symbol.iterator, {
    value: function* reporting() {
      for (let index = 0; index < rows.length; index++) {
        if (index % PROGRESS_EVERY === 0) onProgress({ stage: 'validate', done: index, total: rows.length })
        yield rows[index]
      }
    },
  })
  return copy
}

/**
 * Imports a registry export (CSV in UTF-8 or GBK, or .xlsx) with the build script's own functions and rules:
 * decode → parse → readRegistryTable → validateRegistry → formatRejectedCsv. Unusable input is an error
 * result with the reason, never a throw.
 *
 * @example
 * const answer = await importRegistry(bytes, '登记导出.csv', myDataContext(), () => {})
 * if (answer.ok) answer.result.kept + answer.result.rejected.length === answer.result.read // true
 */
export async function importRegistry(
  bytes: Uint8Array, fileName: string, context: RegistryContext, onProgress: (progress: ImportProgress) => void,
): Promise<ImportResult<RegistryImport>> {
  try {
    onProgress({ stage: 'read', done: 0, total: bytes.byteLength })
    const { records, encoding } = await readTableRecords(bytes, fileName)
    onProgress({ stage: 'parse', done: records.length, total: records.length })
    const table = readRegistryTable(records)
    const validated = validateRegistry(reportingRows(table.rows, onProgress), context)
    const features = [...validated.institutions].sort((a, b) => (a.properties.id < b.properties.id ? -1 : 1))
    onProgress({ stage: 'done', done: table.rows.length, total: table.rows.length })
    return {
      ok: true,
      result: {
        kind: 'registry', fileName, encoding, read: table.rows.length, kept: features.length,
        rejected: validated.rejected.map(toRejectedLine),
        warnings: validated.warnings.length,
        rejectedCsv: formatRejectedCsv(table.header, validated.rejected),
        institutions: { type: 'FeatureCollection', features },
        fileDate: features.map((feature) => feature.properties.updatedAt).filter((date) => date !== '').sort().at(-1) ?? '',
        totalCapacity: features.reduce((sum, feature) => sum + feature.properties.capacity, 0),
      },
    }
  } catch (error) {
    if (error instanceof RegistryInputError) return { ok: false, message: error.message, code: error.code, params: error.params }
    throw error
  }
}
