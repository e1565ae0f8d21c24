import type { ParsedRegistryRow } from './parse-registry-row'
import type { RowIssue, WarningCode } from './registry-types'

/** Above this monthly full-day price (yuan) a value is more likely a typo than a fee. */
export const PRICE_WARNING_YUAN = 10_000
const HTML = /<\/?[a-z!][^>]*>/i

/**
 * Suspicious but usable values of a parsed row: they are kept and reported, never corrected.
 *
 * @example
 * registryRowWarnings({ ...row, capacity: 20, enrolled: 25 }) // [{ code: 'enrolled-exceeds-capacity', ... }]
 */
export function registryRowWarnings(row: ParsedRegistryRow): RowIssue<WarningCode>[] {
  const warnings: RowIssue<WarningCode>[] = []
  const warn = (code: WarningCode, field: RowIssue<WarningCode>['field'], reason: string) => warnings.push({ code, field, reason })
  if (row.capacity === 0) warn('zero-capacity', 'capacity', '托位数为 0')
  if (row.enrolled > row.capacity) warn('enrolled-exceeds-capacity', 'enrolled', `在托人数（${row.enrolled}）超过托位数（${row.capacity}）`)
  if (row.priceFullDay !== null && row.priceFullDay > PRICE_WARNING_YUAN) warn('price-high', 'priceFullDay', `全日托月收费异常高：${row.priceFullDay} 元`)
  if (row.staffCertified > row.staff) warn('certified-exceeds-staff', 'staffCertified', `持证人数（${row.staffCertified}）超过从业人员数（${row.staff}）`)
  if (row.ageMinMonths > row.ageMaxMonths || row.ageMaxMonths > 72) {
    warn('age-range', 'ageMinMonths', `收托月龄范围异常：${row.ageMinMonths}–${row.ageMaxMonths} 个月`)
  }
  for (const field of ['name', 'address'] as const) {
    if (HTML.test(row[field])) warn('html-in-text', field, `${field === 'name' ? '机构名称' : '地址'}含 HTML 标记，按纯文本保留`)
  }
  if (row.services.unknown.length > 0) warn('unknown-service', 'services', `未知的服务形式已忽略：${row.services.unknown.join('、')}`)
  if (row.updatedAt.raw !== '' && row.updatedAt.iso === '') warn('invalid-date', 'updatedAt', `更新日期无法识别：“${row.updatedAt.raw}”`)
  return warnings
}
