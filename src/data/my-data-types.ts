import type { InputErrorCode, InputErrorParams } from '../lib/registry/registry-input-error'
import type { InstitutionCollection, ZoneCollection } from './types'

/** Where a long import is: the stage and how many rows (or bytes) of how many are done. */
export interface ImportProgress {
  stage: 'read' | 'parse' | 'validate' | 'done'
  done: number
  total: number
}

/** One rejected row as the planner shows it: its source line and its reasons (Chinese, from the shared validators). */
export interface RejectedLine {
  line: number
  /**
   * The stable codes of its reasons, each once (RejectionCode, or the population table's 'unknown-community'): the
   * report names them in the reader's language. Absent in reports kept before the codes were.
   */
  codes?: string[]
  reasons: string
}

/** What every import reports, whatever the table: rows read, kept and rejected, and the rejected list as CSV. */
export interface ImportReport {
  fileName: string
  /** utf-8, utf-8-bom, utf-16le, gb18030 or xlsx. */
  encoding: string
  read: number
  kept: number
  rejected: RejectedLine[]
  warnings: number
  /** formatRejectedCsv of the rejected rows (UTF-8 with BOM): the planner downloads it as it is. */
  rejectedCsv: string
}

/** A registry export, validated like the build script does it. */
export interface RegistryImport extends ImportReport {
  kind: 'registry'
  institutions: InstitutionCollection
  /** The newest 更新日期 of the kept rows (YYYY-MM-DD), or '' when none has one. */
  fileDate: string
  totalCapacity: number
}

/** Under-3 and population per 村/社区 by NBS code; communities absent from the file keep the model's figures. */
export interface PopulationImport extends ImportReport {
  kind: 'population'
  counts: Record<string, { under3: number; population: number | null }>
  totalUnder3: number
}

/** Town (镇/区) outlines that replace the shipped approximate ones; towns absent from the file keep theirs. */
export interface ZonesImport extends ImportReport {
  kind: 'zones'
  /** One feature per covered town, in the shipped order, with the shipped properties and `approximate: false`. */
  zones: ZoneCollection
  /** How many of the shipped towns the file covers. */
  towns: number
}

/** A file that cannot be used: the message (the file's language of reasons) and, where known, a code the app translates. */
export interface ImportFailure { ok: false; message: string; code?: InputErrorCode; params?: InputErrorParams }

export type ImportResult<T> = { ok: true; result: T } | ImportFailure

/** What stays on the device: the latest import of each kind and whether the planner uses it. */
export interface MyDataRecord {
  registry: RegistryImport | null
  population: PopulationImport | null
  /** Absent in records kept before town outlines could be imported: readMyData makes it null. */
  zones: ZonesImport | null
  /** The 你的数据 / 示例数据 switch: false keeps the data but shows the shipped data. */
  active: boolean
  importedAt: string
}
