import { z } from 'zod'
import { isInstitutionId, MAX_INSTITUTION_ID_LENGTH } from '../institution-id'
import {
  INSTITUTION_TYPES, INSTITUTION_TYPE_LABELS_ZH, SERVICE_FORMS, SERVICE_FORM_LABELS_ZH,
  type InstitutionType, type ServiceForm,
} from '../types'
import { normalizeNumberText } from './normalize-number-text'
import { REGISTRY_COLUMNS, REGISTRY_KEYS, type RegistryColumn, type RegistryKey } from './registry-columns'
import type { RejectionCode, RowIssue } from './registry-types'
import { resolveClassTotals } from './resolve-class-totals'

export type RegistryCrs = 'WGS84' | 'GCJ02' | 'BD09'

const COLUMNS = new Map<RegistryKey, RegistryColumn>(REGISTRY_COLUMNS.map((column) => [column.key, column]))
const label = (key: RegistryKey) => COLUMNS.get(key)?.header ?? key
const length = (text: string) => [...text].length
/** A raw value as quoted in a reason, cut at 30 characters so one absurd cell cannot make an absurd reason. */
const shown = (raw: string) => {
  const chars = [...raw.trim()]
  return chars.length > 30 ? `${chars.slice(0, 30).join('')}…` : chars.join('')
}
type Ctx = z.core.$RefinementCtx<string>
const fail = (ctx: Ctx, key: RegistryKey, code: RejectionCode, reason: string) => {
  ctx.addIssue({ code: 'custom', message: reason, params: { code, field: key } })
  return z.NEVER
}

/** Trimmed text, rejected when longer than the column's maxLength. */
const text = (key: RegistryKey) => z.string().transform((raw, ctx) => {
  const value = raw.trim()
  const max = COLUMNS.get(key)?.maxLength
  if (max === undefined || value.length <= max || length(value) <= max) return value
  return fail(ctx, key, 'text-too-long', `${label(key)}过长：${length(value)} 个字符（最多 ${max} 个）`)
})
const requiredText = (key: RegistryKey) => text(key).transform((value, ctx) => value || fail(ctx, key, 'missing-value', `${label(key)}为空`))

function numberField(key: RegistryKey, options: { required: boolean; integer: boolean }) {
  const range = COLUMNS.get(key)?.range ?? { min: 0, max: Number.MAX_SAFE_INTEGER }
  return z.string().transform((raw, ctx): number | null => {
    const value = normalizeNumberText(raw)
    if (value === '') return options.required ? fail(ctx, key, 'missing-value', `${label(key)}为空`) : null
    if (!/^[-+]?\d+(\.\d+)?$/.test(value)) return fail(ctx, key, 'not-a-number', `${label(key)}不是数字：“${shown(raw)}”`)
    const number = Number(value)
    if (number < 0) return fail(ctx, key, 'negative-number', `${label(key)}为负数：${shown(value)}`)
    // A finite check first: 400 nines read as Infinity, which must never reach the map.
    if (!Number.isFinite(number) || number < range.min || number > range.max) {
      return fail(ctx, key, 'implausible-number', `${label(key)}超出合理范围（${range.min}–${range.max}）：${shown(value)}`)
    }
    if (options.integer && !Number.isInteger(number)) return fail(ctx, key, 'not-an-integer', `${label(key)}不是整数：${value}`)
    return number
  })
}
const count = (key: RegistryKey, required = false) => numberField(key, { required, integer: true }).transform((n) => n ?? 0)
/** An optional count whose emptiness matters (the totals and the class cells): null when empty. */
const optionalCount = (key: RegistryKey) => numberField(key, { required: false, integer: true })

const coordinate = (key: RegistryKey) => z.string().transform((raw, ctx): number => {
  const value = normalizeNumberText(raw)
  if (value === '') return fail(ctx, key, 'missing-value', `${label(key)}为空`)
  if (!/^[-+]?\d+(\.\d+)?$/.test(value)) return fail(ctx, key, 'not-a-number', `${label(key)}不是数字：“${shown(raw)}”`)
  const number = Number(value)
  return Number.isFinite(number) ? number : fail(ctx, key, 'invalid-coordinates', `${label(key)}超出取值范围：${shown(value)}`)
})

const TRUE = new Set(['是', 'y', 'yes', 'true', '1']), FALSE = new Set(['否', 'n', 'no', 'false', '0'])
const bool = (key: RegistryKey, required = false) => z.string().transform((raw, ctx): boolean => {
  const value = normalizeNumberText(raw).toLowerCase()
  if (value === '' && !required) return false
  if (TRUE.has(value)) return true
  if (FALSE.has(value)) return false
  return fail(ctx, key, value === '' ? 'missing-value' : 'invalid-boolean', value === '' ? `${label(key)}为空` : `${label(key)}应为“是”或“否”：“${shown(raw)}”`)
})

const typeByName = new Map<string, InstitutionType>(INSTITUTION_TYPES.flatMap((type) => [[type, type], [INSTITUTION_TYPE_LABELS_ZH[type], type]]))
const serviceByName = new Map<string, ServiceForm>(SERVICE_FORMS.flatMap((form) => [[form.toLowerCase(), form], [SERVICE_FORM_LABELS_ZH[form], form]]))

const rowSchema = z.object({
  id: requiredText('id').transform((id, ctx) => isInstitutionId(id) ? id
    : fail(ctx, 'id', 'invalid-id', `机构编号无效：“${shown(id)}”（应为 1–${MAX_INSTITUTION_ID_LENGTH} 个可打印字符）`)),
  name: requiredText('name'),
  town: requiredText('town'),
  address: text('address'),
  lon: coordinate('lon'),
  lat: coordinate('lat'),
  crs: z.string().transform((raw, ctx): RegistryCrs => {
    const value = raw.normalize('NFKC').toUpperCase().replace(/[\s_-]/g, '')
    if (value === '' || value === 'GCJ02') return 'GCJ02'
    if (value === 'WGS84' || value === 'BD09') return value
    return fail(ctx, 'crs', 'unknown-crs', `坐标系未知：“${shown(raw)}”（应为 WGS84、GCJ02 或 BD09）`)
  }),
  type: z.string().transform((raw, ctx) => typeByName.get(raw.trim()) ?? fail(ctx, 'type', raw.trim() ? 'unknown-type' : 'missing-value', `机构类型未知：“${shown(raw)}”`)),
  puhui: bool('puhui', true),
  capacity: optionalCount('capacity'),
  capacityUnder2: optionalCount('capacityUnder2'),
  enrolled: optionalCount('enrolled'),
  infantCapacity: optionalCount('infantCapacity'),
  infantEnrolled: optionalCount('infantEnrolled'),
  toddlerCapacity: optionalCount('toddlerCapacity'),
  toddlerEnrolled: optionalCount('toddlerEnrolled'),
  olderCapacity: optionalCount('olderCapacity'),
  olderEnrolled: optionalCount('olderEnrolled'),
  priceFullDay: numberField('priceFullDay', { required: false, integer: false }),
  services: text('services').transform((raw) => {
    const names = raw.split(/[;；、,，/]/).map((name) => name.trim()).filter((name) => name !== '')
    const services = SERVICE_FORMS.filter((form) => names.some((name) => serviceByName.get(name.toLowerCase()) === form))
    return { services, unknown: names.filter((name) => !serviceByName.has(name.toLowerCase())) }
  }),
  ageMinMonths: count('ageMinMonths'),
  ageMaxMonths: numberField('ageMaxMonths', { required: false, integer: true }).transform((n) => n ?? 36),
  phone: text('phone'),
  hours: text('hours'),
  medicalPartner: text('medicalPartner'),
  staff: count('staff'),
  staffCertified: count('staffCertified'),
  qualityGrade: text('qualityGrade'),
  inclusive: bool('inclusive'),
  openedYear: z.string().transform((raw, ctx): number | null => {
    const value = normalizeNumberText(raw).replace(/年$/, '')
    if (value === '') return null
    const year = Number(value)
    const range = COLUMNS.get('openedYear')?.range ?? { min: 1949, max: 2100 }
    return /^\d{4}$/.test(value) && year >= range.min && year <= range.max ? year : fail(ctx, 'openedYear', 'invalid-year', `开办年份无效：“${shown(raw)}”`)
  }),
  filingNo: text('filingNo'),
  updatedAt: text('updatedAt').transform((raw) => {
    const match = normalizeNumberText(raw).match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/)
    const iso = match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : ''
    return { iso: iso && !Number.isNaN(Date.parse(iso)) ? iso : '', raw }
  }),
  sample: bool('sample'),
}).transform((row, ctx) => {
  const {
    infantCapacity, infantEnrolled, toddlerCapacity, toddlerEnrolled, olderCapacity, olderEnrolled, ...rest
  } = row
  // 托位数 may be empty when the class columns give it; the totals then come from the classes.
  const resolved = resolveClassTotals({
    capacity: row.capacity, capacityUnder2: row.capacityUnder2, enrolled: row.enrolled,
    classes: {
      infant: { capacity: infantCapacity, enrolled: infantEnrolled },
      toddler: { capacity: toddlerCapacity, enrolled: toddlerEnrolled },
      older: { capacity: olderCapacity, enrolled: olderEnrolled },
    },
  })
  if (!resolved.ok) {
    for (const issue of resolved.issues) ctx.addIssue({ code: 'custom', message: issue.reason, params: { code: issue.code, field: issue.field } })
    return z.NEVER
  }
  return { ...rest, ...resolved.totals }
})

export type ParsedRegistryRow = z.output<typeof rowSchema>

export type ParseRowResult = { ok: true; row: ParsedRegistryRow } | { ok: false; issues: RowIssue<RejectionCode>[] }

/**
 * Validates one registry row (values by column key; a missing column reads as an empty cell) with the zod
 * schema: trims text, normalizes full-width digits, reads 是/否, splits 服务形式, checks the id rule, every count's
 * plausible range and every text's maximum length (both from REGISTRY_COLUMNS).
 * Returns the typed row, or every problem found with a stable code and a Chinese reason.
 *
 * @example
 * parseRegistryRow({ id: 'A1', name: '童心托育', town: '杨舍镇', lon: '120.5', lat: '31.9', type: '社区托育点', puhui: '是', capacity: '４０' })
 * // { ok: true, row: { capacity: 40, crs: 'GCJ02', ... } }
 */
export function parseRegistryRow(values: Partial<Record<RegistryKey, string>>): ParseRowResult {
  const filled = Object.fromEntries(REGISTRY_KEYS.map((key) => [key, values[key] ?? '']))
  const result = rowSchema.safeParse(filled)
  if (result.success) return { ok: true, row: result.data }
  return {
    ok: false,
    issues: result.error.issues.map((issue) => {
      const params = (issue as { params?: { code?: RejectionCode; field?: RegistryKey } }).params
      return { code: params?.code ?? 'missing-value', reason: issue.message, field: params?.field }
    }),
  }
}
