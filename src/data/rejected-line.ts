import type { RowIssue } from '../lib/registry/registry-types'
import type { RejectedLine } from './my-data-types'

/**
 * A rejected row as the planner's report shows it: the row's line, the codes of its issues (each once, for the report
 * to name in the reader's language) and the validators' Chinese reasons, joined as in rejected.csv.
 *
 * @example
 * toRejectedLine({ line: 3, issues: [{ code: 'duplicate-id', reason: '机构编号与第 2 行重复' }] })
 * // { line: 3, codes: ['duplicate-id'], reasons: '机构编号与第 2 行重复' }
 */
export function toRejectedLine(row: { line: number; issues: readonly RowIssue<string>[] }): RejectedLine {
  return { line: row.line, codes: [...new Set(row.issues.map((issue) => issue.code))], reasons: row.issues.map((issue) => issue.reason).join('；') }
}
