/** One column of the registry export: its English key, its Chinese header and whether the file must have it. */
export interface RegistryColumn {
  key: RegistryKey
  header: string
  required: boolean
}

export const REGISTRY_KEYS = [
  'id', 'name', 'town', 'address', 'lon', 'lat', 'crs', 'type', 'puhui', 'capacity', 'capacityUnder2', 'enrolled',
  'priceFullDay', 'services', 'ageMinMonths', 'ageMaxMonths', 'phone', 'hours', 'medicalPartner', 'staff',
  'staffCertified', 'qualityGrade', 'inclusive', 'openedYear', 'filingNo', 'updatedAt', 'sample',
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
}

/** The registry columns in export order (Chinese header as the 苏州智慧托育管理服务信息平台 writes it, English key). */
export const REGISTRY_COLUMNS: readonly RegistryColumn[] = REGISTRY_KEYS.map((key) => ({
  key, header: HEADERS[key], required: REQUIRED.has(key),
}))
