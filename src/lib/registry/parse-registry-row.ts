import { z } from 'zod'
import {
  INSTITUTION_TYPES, INSTITUTION_TYPE_LABELS_ZH, SERVICE_FORMS, SERVICE_FORM_LABELS_ZH,
  type InstitutionType, type ServiceForm,
} from '../types'
import { normalizeNumberText } from './normalize-number-text'
import { REGISTRY_COLUMNS, REGISTRY_KEYS, type RegistryKey } from './registry-columns'
import type { RejectionCode, RowIssue } from './registry-types'

export type RegistryCrs = 'WGS84' | 'GCJ02' | 'BD09'

const label = (key: RegistryKey) => REGISTRY_COLUMNS.find((column) => column.key === key)?.header ?? key
type Ctx = z.core.$RefinementCtx<string>
const fail = (ctx: Ctx, key: RegistryKey, code: RejectionCode, reason: string) => {
  ctx.addIssue({ code: 'custom', message: reason, params: { code, field: key } })
  return z.NEVER
}

const text = () => z.string().transform((raw) => raw.trim())
const requiredText = (key: RegistryKey) => z.string().transform((raw, ctx) => raw.trim() || fail(ctx, key, 'missing-value', `${label(key)}为空`))

function numberField(key: RegistryKey, options: { required: boolean; integer: boolean }) {
  return z.string().transform((raw, ctx): number | null => {
    const value = normalizeNumberText(raw)
    if (value === '') return options.required ? fail(ctx, key, 'missing-value', `${label(key)}为空`) : null
    if (!/^[-+]?\d+(\.\d+)?$/.test(value)) return fail(ctx, key, 'not-a-number', `${label(key)}不是数字：“${raw.trim()}”`)
    const number = Number(value)
    if (number < 0) return fail(ctx, key, 'negative-number', `${label(key)}为负数：${value}`)
    if (options.integer && !Number.isInteger(number)) return fail(ctx, key, 'not-an-integer', `${label(key)}不是整数：${value}`)
    return number
  })
}
const count = (key: RegistryKey, required = false) => numberField(key, { required, integer: true }).transform((n) => n ?? 0)

const coordinate = (key: RegistryKey) => z.string().transform((raw, ctx): number => {
  const value = normalizeNumberText(raw)
  if (value === '') return fail(ctx, key, 'missing-value', `${label(key)}为空`)
  if (!/^[-+]?\d+(\.\d+)?$/.test(value)) return fail(ctx, key, 'not-a-number', `${label(key)}不是数字：“${raw.trim()}”`)
  return Number(value)
})

const TRUE = new Set(['是', 'y', 'yes', 'true', '1']), FALSE = new Set(['否', 'n', 'no', 'false', '0'])
const bool = (key: RegistryKey, required = false) => z.string().transform((raw, ctx): boolean => {
  const value = normalizeNumberText(raw).toLowerCase()
  if (value === '' && !required) return false
  if (TRUE.has(value)) return true
  if (FALSE.has(value)) return false
  return fail(ctx, key, value === '' ? 'missing-value' : 'invalid-boolean', value === '' ? `${label(key)}为空` : `${label(key)}应为“是”或“否”：“${raw.trim()}”`)
})

const typeByName = new Map<string, InstitutionType>(INSTITUTION_TYPES.flatMap((type) => [[type, type], [INSTITUTION_TYPE_LABELS_ZH[type], type]]))
const serviceByName = new Map<string, ServiceForm>(SERVICE_FORMS.flatMap((form) => [[form.toLowerCase(), form], [SERVICE_FORM_LABELS_ZH[form], form]]))

const rowSchema = z.object({
  id: requiredText('id'),
  name: requiredText('name'),
  town: requiredText('town'),
  address: text(),
  lon: coordinate('lon'),
  lat: coordinate('lat'),
  crs: z.string().transform((raw, ctx): RegistryCrs => {
    const value = raw.normalize('NFKC').toUpperCase().replace(/[\s_-]/g, '')
    if (value === '' || value === 'GCJ02') return 'GCJ02'
    if (value === 'WGS84' || value === 'BD09') return value
    return fail(ctx, 'crs', 'unknown-crs', `坐标系未知：“${raw.trim()}”（应为 WGS84、GCJ02 或 BD09）`)
  }),
  type: z.string().transform((raw, ctx) => typeByName.get(raw.trim()) ?? fail(ctx, 'type', raw.trim() ? 'unknown-type' : 'missing-value', `机构类型未知：“${raw.trim()}”`)),
  puhui: bool('puhui', true),
  capacity: count('capacity', true),
  capacityUnder2: count('capacityUnder2'),
  enrolled: count('enrolled'),
  priceFullDay: numberField('priceFullDay', { required: false, integer: false }),
  services: z.string().transform((raw) => {
    const names = raw.split(/[;；、,，/]/).map((name) => name.trim()).filter((name) => name !== '')
    const services = SERVICE_FORMS.filter((form) => names.some((name) => serviceByName.get(name.toLowerCase()) === form))
    return { services, unknown: names.filter((name) => !serviceByName.has(name.toLowerCase())) }
  }),
  ageMinMonths: count('ageMinMonths'),
  ageMaxMonths: numberField('ageMaxMonths', { required: false, integer: true }).transform((n) => n ?? 36),
  phone: text(),
  hours: text(),
  medicalPartner: text(),
  staff: count('staff'),
  staffCertified: count('staffCertified'),
  qualityGrade: text(),
  inclusive: bool('inclusive'),
  openedYear: z.string().transform((raw, ctx): number | null => {
    const value = normalizeNumberText(raw).replace(/年$/, '')
    if (value === '') return null
    const year = Number(value)
    return /^\d{4}$/.test(value) && year >= 1949 && year <= 2100 ? year : fail(ctx, 'openedYear', 'invalid-year', `开办年份无效：“${raw.trim()}”`)
  }),
  filingNo: text(),
  updatedAt: z.string().transform((raw) => {
    const match = normalizeNumberText(raw).match(/^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?$/)
    const iso = match ? `${match[1]}-${match[2].padStart(2, '0')}-${match[3].padStart(2, '0')}` : ''
    return { iso: iso && !Number.isNaN(Date.parse(iso)) ? iso : '', raw: raw.trim() }
  }),
  sample: bool('sample'),
})

export type ParsedRegistryRow = z.output<typeof rowSchema>

export type ParseRowResult = { ok: true; row: ParsedRegistryRow } | { ok: false; issues: RowIssue<RejectionCode>[] }

/**
 * Validates one registry row (values by column key; a missing column reads as an empty cell) with the zod
 * schema: trims text, normalizes full-width digits, reads 是/否, splits 服务形式, checks every count.
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
