/** One KPI of 附件1/附件2 as this project reports it. */
export interface IndicatorSpec {
  id: string
  /** The plan's wording (附件2 where it has the row, else 附件1). */
  name: string
  nameEn: string
  unit: string
  decimals: number
  /** Finds the plan row in targets.json by its wording, whatever id that file gives it. */
  match: RegExp
  /** A ratio target holds for every area; a count target only where 附件2 gives the area a number. */
  kind: 'ratio' | 'count'
  /** Read when the plan writes a bare number (op '='). */
  better: 'higher' | 'lower'
  /** Set when the registry and sources cannot give the value: it is reported as null with this reason. */
  unavailable?: string
}

const spec = (id: string, name: string, nameEn: string, unit: string, decimals: number, match: RegExp,
  kind: IndicatorSpec['kind'], better: IndicatorSpec['better'] = 'higher', unavailable?: string): IndicatorSpec =>
  ({ id, name, nameEn, unit, decimals, match, kind, better, ...(unavailable ? { unavailable } : {}) })

/** Every KPI of 附件1 and 附件2, in the plan's order. */
export const INDICATOR_SPECS: readonly IndicatorSpec[] = [
  spec('capacityTotal', '辖区总托位数', 'Total childcare places', '个', 0, /辖区总托位数/, 'count'),
  spec('placesPer1000People', '每千人口拥有3岁以下婴幼儿托位数', 'Places per 1,000 residents', '个', 2, /每千(常住)?人口拥有3岁以下婴幼儿托位数/, 'ratio'),
  spec('placesPer1000Under3', '每千名3岁以下婴幼儿拥有托位数', 'Places per 1,000 children under 3', '个', 1, /每千名3岁以下婴幼儿拥有托位数/, 'ratio'),
  spec('centersBuilt', '建成托育综合服务中心数', 'Comprehensive childcare service centers', '个', 0, /建成托育综合服务中心数/, 'count'),
  spec('newCommunityPoints', '新增社区普惠托育点', 'New community 普惠 points (2024)', '个', 0, /新增社区普惠托育点/, 'count'),
  spec('newEmployerSites', '新增爱心托育用人单位数', 'New employer childcare sites (2024)', '个', 0, /新增爱心托育用人单位/, 'count'),
  spec('newKindergartenClasses', '新增幼儿园可供普惠托班数', 'New 普惠 kindergarten classes (2024)', '个', 0, /新增幼儿园可供普惠托班/, 'count'),
  spec('medicalSigningRate', '医疗卫生机构与托育机构签约指导率', 'Medical partnership signing rate', '%', 1, /签约指导率/, 'ratio'),
  spec('puhuiTownCoverage', '普惠性托育机构乡镇街道覆盖率', 'Towns with a 普惠 institution', '%', 1, /普惠性托育机构乡镇街道覆盖率/, 'ratio'),
  spec('under2Share', '2岁以下婴幼儿托位占比', 'Share of places for under-2s', '%', 1, /2岁以下婴幼儿托位占比/, 'ratio'),
  spec('staffCertificationRate', '托育服务从业人员持有初级及以上保育师资格证书占比', 'Certified staff share', '%', 1, /保育师资格证书占比/, 'ratio'),
  spec('newProvincialPuhui', '新增省普惠性托育机构数', 'New provincial 普惠 institutions', '个', 0, /新增省普惠性托育机构/, 'count', 'higher',
    '登记数据不含省级普惠性托育机构的认定'),
  spec('brandChains', '培育品牌连锁机构数', 'Local brand chains fostered', '个', 0, /品牌连锁/, 'count', 'higher', '登记数据不含品牌连锁认定'),
  spec('earlyDevelopmentBases', '建成儿童早期发展基地数', 'Early childhood development bases', '个', 0, /儿童早期发展基地/, 'count', 'higher',
    '儿童早期发展基地不在托育机构登记数据中'),
  spec('trainingBases', '建成托育服务实训基地数', 'Childcare training bases', '个', 0, /实训基地/, 'count', 'higher', '实训基地不在托育机构登记数据中'),
  spec('trainedPersonTimes', '培训并补贴保育师、育婴员数', 'Caregivers trained and subsidised', '人次', 0, /培训并补贴/, 'count', 'higher',
    '培训人次来自人社部门的培训记录，不在登记数据中'),
  spec('skillsCompetitions', '举办托育服务从业人员职业技能竞赛', 'Staff skills competitions held', '场', 0, /职业技能竞赛/, 'count', 'higher',
    '竞赛场次不在登记数据中'),
  spec('averageFullDayPrice', '全日托平均价格', 'Average full-day price', '元/月', 0, /全日托平均价格/, 'ratio', 'lower'),
  spec('priceShareOfIncome', '托育服务平均价格占居民人均可支配收入的比重', 'Average price as share of disposable income', '%', 1,
    /托育服务平均价格占居民人均可支配收入/, 'ratio', 'lower'),
  spec('puhuiShare', '普惠托位占总托位数比例', '普惠 share of places', '%', 1, /普惠托位占总托位数比例/, 'ratio'),
  spec('communityCoverageRate', '社区托育机构覆盖率', 'Communities with a community point within reach', '%', 1, /社区托育机构覆盖率/, 'ratio'),
  spec('employerCoverageRate', '用人单位、产业园区和商业楼宇托育机构覆盖率', 'Employer, park and office-building coverage', '%', 1,
    /用人单位、产业园区和商业楼宇托育机构覆盖率/, 'ratio', 'higher', '需要全市用人单位、产业园区和商业楼宇的总数，登记数据不含'),
  spec('ruralPriceShareOfIncome', '农村托育服务平均价格占农村居民可支配收入的比重', 'Average price as share of rural disposable income', '%', 1,
    /农村托育服务平均价格/, 'ratio', 'lower'),
  spec('occupancyRate', '托位实际使用率', 'Occupancy (enrolled / places)', '%', 1, /托位实际使用率/, 'ratio'),
  spec('satisfaction', '3岁以下婴幼儿入托家庭服务满意度', 'Family satisfaction', '%', 1, /满意度/, 'ratio', 'higher', '满意度需要入托家庭问卷调查'),
]
