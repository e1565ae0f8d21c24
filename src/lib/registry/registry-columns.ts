/** One column of the registry export: its English key, its Chinese header and whether the file must have it. */
export interface RegistryColumn {
  key: RegistryKey
  header: string
  required: boolean
  /** Longest accepted value of a free-text column, in characters (code points); longer is text-too-long. */
  maxLength?: number
  /** Plausible range of a numeric column, inclusive; outside (or not finite) is implausible-number. */
  range?: { min: number; max: number }
}

export const REGISTRY_KEYS = [
  'id', 'name', 'town', 'address', 'lon', 'lat', 'crs', 'type', 'puhui', 'capacity', 'capacityUnder2', 'enrolled',
  'priceFullDay', 'services', 'ageMinMonths', 'ageMaxMonths', 'phone', 'hours', 'medicalPartner', 'staff',
  'staffCertified', 'qualityGrade', 'inclusive', 'openedYear', 'filingNo', 'updatedAt', 'sample',
  // Optional places and children by class (托育机构设置标准（试行）2019): when given, the totals come from them.
  'infantCapacity', 'infantEnrolled', 'toddlerCapacity', 'toddlerEnrolled', 'olderCapacity', 'olderEnrolled',
] as const
export type RegistryKey = (typeof REGISTRY_KEYS)[number]

/** Columns a file must have: without them no row can be placed on the map or counted. */
const REQUIRED: ReadonlySet<RegistryKey> = new Set(['id', 'name', 'town', 'lon', 'lat', 'type', 'puhui', 'capacity'])

const HEADERS: Record<RegistryKey, string> = {
  id: '机构编号', name: '机构名称', town: '所属镇街', address: '地址', lon: '经度', lat: '纬度', crs: '坐标系',
  type: '机构类型', puhui: '是否普惠', capacity: '托位数', capacityUnder2: '2岁以下托位数', enrolled: '在托人数',
  priceFullDay: '全日托月收费', services: '服务形式', ageMinMonths: '最小收托月龄', ageMaxMonths: '最大收托月龄',
  phone: '联系电话', hours: '服务时间', medicalPartner: '签约医疗机构', staff: '从业人员数', staffCertified: '持证人数',
  qualityGrade: '质量评估等级', inclusive: '托育+康复', openedYear: '开办年份', filingNo: '备案号', updatedAt: '更新日期',
  // Not a platform column: our generated sample export marks each of its rows with it.
  sample: '示例数据',
  infantCapacity: '乳儿班托位数', infantEnrolled: '乳儿班在托人数', toddlerCapacity: '托小班托位数',
  toddlerEnrolled: '托小班在托人数', olderCapacity: '托大班托位数', olderEnrolled: '托大班在托人数',
}

// Longer text is a paste gone wrong (a 5,000-character name would fill the whole detail sheet).
// The id's 64 comes from the one id rule (src/lib/institution-id.ts), checked separately.
const MAX_LENGTHS: Partial<Record<RegistryKey, number>> = {
  name: 100, town: 50, address: 200, services: 100, phone: 50, hours: 100, medicalPartner: 100, qualityGrade: 20,
  filingNo: 64, updatedAt: 30,
}

// Far beyond any real 托育 institution, yet tight enough that a slipped digit is caught (元/月, places, people, months).
// Coordinates have their own checks against the city outline (invalid-coordinates, outside-city).
const RANGES: Partial<Record<RegistryKey, { min: number; max: number }>> = {
  capacity: { min: 0, max: 2000 }, capacityUnder2: { min: 0, max: 2000 }, enrolled: { min: 0, max: 2000 },
  priceFullDay: { min: 0, max: 50_000 }, ageMinMonths: { min: 0, max: 120 }, ageMaxMonths: { min: 0, max: 120 },
  staff: { min: 0, max: 500 }, staffCertified: { min: 0, max: 500 }, openedYear: { min: 1949, max: 2100 },
  // A class is 10–25 children (乳儿班 ≤ 10, 托小班 ≤ 15, 托大班 ≤ 20 per group); 500 in one class type is 20+ groups.
  infantCapacity: { min: 0, max: 500 }, infantEnrolled: { min: 0, max: 500 }, toddlerCapacity: { min: 0, max: 500 },
  toddlerEnrolled: { min: 0, max: 500 }, olderCapacity: { min: 0, max: 500 }, olderEnrolled: { min: 0, max: 500 },
}

/**
 * The registry columns in export order (Chinese header as the 苏州智慧托育管理服务信息平台 writes it, English key),
 * with each column's limits: the one table that parsing, the docs and the tests read.
 */
export const REGISTRY_COLUMNS: readonly RegistryColumn[] = REGISTRY_KEYS.map((key) => ({
  key, header: HEADERS[key], required: REQUIRED.has(key), maxLength: MAX_LENGTHS[key], range: RANGES[key],
}))
