/**
 * The data contract between the build script (scripts/build-data.ts), the app and the worker.
 * Everything under public/data/ is described here; change both sides together.
 */

/** Normalized institution types (registry 机构类型 → type). */
export const INSTITUTION_TYPES = ['center', 'community', 'kindergarten', 'employer', 'private'] as const
export type InstitutionType = (typeof INSTITUTION_TYPES)[number]

/** Registry wording of each type, as the 苏州智慧托育管理服务信息平台 export writes it. */
export const INSTITUTION_TYPE_LABELS_ZH: Record<InstitutionType, string> = {
  center: '综合服务中心',
  community: '社区托育点',
  kindergarten: '幼儿园托班',
  employer: '用人单位托育点',
  private: '社会办托育机构',
}

/** Service forms (服务形式), stored as stable keys. */
export const SERVICE_FORMS = ['fullDay', 'halfDay', 'temporary', 'hourly'] as const
export type ServiceForm = (typeof SERVICE_FORMS)[number]
export const SERVICE_FORM_LABELS_ZH: Record<ServiceForm, string> = {
  fullDay: '全日托',
  halfDay: '半日托',
  temporary: '临时托',
  hourly: '计时托',
}

/** Classes (班型) of 托育机构设置标准（试行）(2019): 乳儿班, 托小班, 托大班. */
export const CARE_CLASSES = ['infant', 'toddler', 'older'] as const
export type CareClass = (typeof CARE_CLASSES)[number]
export const CARE_CLASS_LABELS_ZH: Record<CareClass, string> = { infant: '乳儿班', toddler: '托小班', older: '托大班' }
/** Each class's ages in months: from minMonths up to (not including) maxMonths; 托大班 includes 36. */
export const CARE_CLASS_AGES: Record<CareClass, { minMonths: number; maxMonths: number }> = {
  infant: { minMonths: 6, maxMonths: 12 }, toddler: { minMonths: 12, maxMonths: 24 }, older: { minMonths: 24, maxMonths: 36 },
}

/** One class's places (托位) and children (在托) as the registry records them. */
export interface ClassPlaces {
  capacity: number
  enrolled: number
}

/** Planning area ids: the nine columns of 附件2. */
/** The map's first view, [west, south, east, north] (WGS84): the whole city with a margin. The static picture
 * shown before MapLibre starts (vite.config.ts) uses the same box, so the two line up. */
export const CITY_VIEW_BOUNDS: readonly [number, number, number, number] = [120.35, 31.72, 120.9, 32.05]

export const AREA_IDS = [
  'baoshui', 'yangshe', 'jinfeng', 'tangqiao', 'leyu', 'fenghuang', 'nanfeng', 'daxin', 'changyinsha',
] as const
export type AreaId = (typeof AREA_IDS)[number]

/** Properties of one Point feature in institutions.geojson (coordinates WGS84). */
export interface InstitutionProperties {
  id: string
  name: string
  /** Township-level unit as written in the registry, e.g. 金港街道. */
  town: string
  /** Planning area the town belongs to. */
  area: AreaId
  address: string
  type: InstitutionType
  puhui: boolean
  capacity: number
  capacityUnder2: number
  enrolled: number
  /** 全日托月收费, yuan per month; null when the institution offers no full-day care or did not report it. */
  priceFullDay: number | null
  services: ServiceForm[]
  ageMinMonths: number
  ageMaxMonths: number
  phone: string
  hours: string
  /** 签约医疗机构; empty string when none is signed. */
  medicalPartner: string
  staff: number
  staffCertified: number
  /** 质量评估等级, e.g. A / B / C or 未评估; empty when unknown. */
  qualityGrade: string
  /** 托育+康复 (inclusive care for children with disabilities). */
  inclusive: boolean
  openedYear: number | null
  filingNo: string
  /** ISO date YYYY-MM-DD. */
  updatedAt: string
  sample: boolean
  /**
   * Build-time pinyin search keys: full pinyin (no tones) and initials of name, address and town, normalized
   * (src/lib/search-normalize.ts) and joined by spaces. Absent in data built without them: text search only.
   */
  searchKeys?: string
  /**
   * Places and children by class, when the registry has the class columns; the totals (capacity, capacityUnder2,
   * enrolled) are then their sums. Absent: only totals are known.
   */
  classes?: Partial<Record<CareClass, ClassPlaces>>
}

/** Properties of one Polygon/MultiPolygon feature in zones.geojson. */
export interface ZoneProperties {
  id: AreaId
  name: string
  nameEn: string
  /** true while the polygon is a Voronoi approximation rather than an official boundary. */
  approximate: boolean
  units: string[]
  /** Children under 3 on the default basis (plan-implied). */
  under3: number
  /** Children under 3 on the births basis (see DemandBasisInfo). */
  under3Births?: number
  population: number
  /** Approximate seat of the area (WGS84 [lon, lat]); sample communities cluster around it. */
  seat?: [number, number]
}

/** Properties of one Point feature in communities.geojson (demand points). */
export interface CommunityProperties {
  /** NBS 12-digit code. */
  id: string
  name: string
  town: string
  area: AreaId
  /** Children under 3 on the default basis (plan-implied); the counts are model estimates on either basis. */
  under3: number
  /** Children under 3 on the births basis (see DemandBasisInfo). */
  under3Births?: number
  population: number
  /** true: the point is placed approximately inside its zone; false: it is a real point named in `source`. */
  approximate: boolean
  /** Where a real point comes from, e.g. "Vonng/adcode 320582100001 向阳社区居委会 (2016), by code". */
  source?: string
  /** Build-time pinyin keys of name and town (as institutions' searchKeys); absent in older data: text search only. */
  searchKeys?: string
}

/** The two bases of the under-3 count: plan-implied (the default) and births-based. */
export const DEMAND_BASES = ['plan', 'births'] as const
export type DemandBasis = (typeof DEMAND_BASES)[number]
export const DEFAULT_DEMAND_BASIS: DemandBasis = 'plan'

/** How one basis's under-3 total was computed (indicators.json `demand`). */
export interface DemandBasisInfo {
  id: DemandBasis
  /** Name to show wherever a figure depends on the basis, e.g. 规划推算 / Plan-implied. */
  name: string
  nameEn: string
  total: number
  /** The arithmetic with the figures used, e.g. "6520 ÷ 0.24 = 27167". */
  formula: string
  sources: string[]
}

export type Comparator = '>=' | '<=' | '='

export interface Target {
  op: Comparator
  value: number
  unit: string
}

/** One KPI of 附件1 or row of 附件2, with the seed's wording. */
export interface TargetDefinition {
  id: string
  /** 附件1 or 附件2 */
  source: '附件1' | '附件2'
  /** Wording exactly as in the plan. */
  name: string
  nameEn: string
  level1?: string
  level2?: string
  /** City-level target (市级 column). */
  city: Target | null
  /** Per-area targets where 附件2 gives them. */
  areas?: Partial<Record<AreaId, Target>>
}

export interface TargetInput {
  id: string
  name: string
  nameEn: string
  value: number
  unit: string
  source: string
  sample: boolean
}

export interface TargetsFile {
  plan: string
  kpis: TargetDefinition[]
  inputs: TargetInput[]
}

/** One computed indicator for the city or an area. */
export interface IndicatorValue {
  id: string
  name: string
  nameEn: string
  value: number | null
  unit: string
  target: Target | null
  /** null when there is no target or no value. */
  met: boolean | null
  /** Why value is null (e.g. 满意度 needs a survey). */
  reason?: string
}

export interface IndicatorsFile {
  /** On `basis` (the default basis when absent). */
  city: IndicatorValue[]
  areas: Record<AreaId, IndicatorValue[]>
  /** The under-3 basis of `city` and `areas`. */
  basis?: DemandBasis
  /** Each basis's total and how it was computed. */
  demand?: DemandBasisInfo[]
  /** The same indicators on every basis (`byBasis[basis]` equals city/areas). */
  byBasis?: Partial<Record<DemandBasis, { city: IndicatorValue[]; areas: Record<AreaId, IndicatorValue[]> }>>
}

/** What a build fixes about the data it ships (vite.config.ts → __SHIPPED_DATA__). */
export type ShippedData = Pick<ManifestFile, 'sample' | 'generatedAt'>

export interface ManifestFile {
  generatedAt: string
  /** Short content hash of all data files together: changes when any data changes. */
  dataVersion: string
  sample: boolean
  counts: { institutions: number; communities: number; zones: number; rejected: number; read: number }
  inputs: Record<string, string>
  files: Record<string, { hash: string; bytes: number }>
  attribution: string[]
}
