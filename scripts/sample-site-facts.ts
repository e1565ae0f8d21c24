// The sample registry's site kinds and how each draws its name, place, size, price and ages (seeded, in order).
import type { Feature, Point } from 'geojson'
import type { Random } from '../src/lib/seeded-random'
import type { AreaId, CommunityProperties } from '../src/lib/types'

export const SITE_KINDS = ['center', 'community', 'kindergarten', 'employer', 'privatePuhui', 'private'] as const
export type SiteKind = (typeof SITE_KINDS)[number]

export interface SiteFacts {
  name: string
  address: string
  /** GCJ-02, as a registry export has it. */
  position: [number, number]
  capacity: number
  under2Share: number
  puhui: boolean
  price: number | null
  ageMin: number
  services: string[]
}

export interface SiteContext {
  random: Random
  area: AreaId
  community: Feature<Point, CommunityProperties>
  openedYear: number
  /** A GCJ-02 position near `origin` inside the area's zone (exactly on it when `exact`). */
  near: (origin: Point, exact: boolean) => [number, number]
  nextBrand: () => string
}

const URBAN: ReadonlySet<AreaId> = new Set(['yangshe', 'baoshui'])
const EMPLOYERS: Partial<Record<AreaId, string>> = {
  yangshe: '张家港市第一人民医院职工爱心托育点', baoshui: '张家港保税区科创园爱心托育点', jinfeng: '冶金工业园企业职工托育点',
}
export const pick = <T>(random: Random, items: readonly T[]): T => items[Math.floor(random() * items.length)]
export const between = (random: Random, low: number, high: number): number => Math.round(low + (high - low) * random())
const shortName = (name: string): string => name.replace(/(居民委员会|村民委员会|居委会|村委会)$/, '').replace(/^张家港(市)?/, '')
const stem = (name: string): string => shortName(name).replace(/(社区|村|虚拟社区)$/, '').replace(/生活区$/, '') || shortName(name)

/** The center is one known place: 市实验幼儿园沙洲湖园区, 杨舍镇 (approximate WGS84 position near 沙洲湖). */
function center({ near }: SiteContext): SiteFacts {
  return {
    name: '张家港市托育综合服务中心（市实验幼儿园沙洲湖园区）', address: '张家港市杨舍镇沙洲湖片区市实验幼儿园沙洲湖园区内',
    position: near({ type: 'Point', coordinates: [120.566, 31.874] }, true),
    capacity: 120, under2Share: 0.35, puhui: true, price: 1680, ageMin: 6, services: ['全日托', '半日托', '临时托', '计时托'],
  }
}

function communityPoint({ random, community, near }: SiteContext, townShort: string, urban: boolean): SiteFacts {
  const name = `${townShort}${shortName(community.properties.name)}托育点`
  const address = `张家港市${townShort}${shortName(community.properties.name)}${pick(random, ['党群服务中心一楼', '邻里中心二楼', '综合服务中心东侧', '便民服务中心一楼'])}`
  const position = near(community.geometry, false)
  const capacity = between(random, 20, 45)
  const under2Share = 0.25 + 0.2 * random()
  const services = random() < 0.15 ? ['半日托', '临时托', '计时托'] : ['全日托', '半日托', '临时托', '计时托'].filter((_, i) => i === 0 || random() < 0.7)
  const price = services.includes('全日托') ? between(random, urban ? 1400 : 1100, urban ? 1950 : 1650) : null
  return { name, address, position, capacity, under2Share, puhui: true, price, ageMin: pick(random, [6, 12, 12, 18]), services }
}

function kindergarten({ random, community, near, openedYear }: SiteContext, townShort: string, urban: boolean): SiteFacts {
  const classes = openedYear === 2024 ? 1 : between(random, 1, 3)
  const name = `${townShort}${stem(community.properties.name)}幼儿园托班`
  const address = `张家港市${townShort}${stem(community.properties.name)}幼儿园`
  const position = near(community.geometry, false)
  const capacity = classes * between(random, 18, 25)
  const price = between(random, urban ? 1300 : 900, urban ? 1800 : 1400)
  return { name, address, position, capacity, under2Share: 0, puhui: true, price, ageMin: 24, services: ['全日托'] }
}

function employer({ random, community, near, area }: SiteContext, townShort: string): SiteFacts {
  const name = EMPLOYERS[area] ?? `${townShort}职工爱心托育点`
  const address = `张家港市${townShort}${name.replace(/(职工)?爱心托育点|企业职工托育点/, '')}内`
  const position = near(community.geometry, false)
  const capacity = between(random, 30, 60)
  const under2Share = 0.3 + 0.1 * random()
  return { name, address, position, capacity, under2Share, puhui: true, price: between(random, 900, 1500), ageMin: 12, services: ['全日托', '临时托'] }
}

function privateSite({ random, community, near, nextBrand }: SiteContext, townShort: string, urban: boolean, puhui: boolean): SiteFacts {
  const brand = nextBrand()
  const name = `${townShort}${brand}托育中心${stem(community.properties.name)}店`
  const address = `张家港市${townShort}${stem(community.properties.name)}商业街${between(random, 1, 199)}号`
  const position = near(community.geometry, false)
  const capacity = between(random, puhui ? 50 : 40, puhui ? 110 : 100)
  const under2Share = 0.3 + 0.2 * random()
  const price = puhui ? between(random, urban ? 1500 : 1300, urban ? 2000 : 1700) : between(random, urban ? 2600 : 1900, urban ? 4800 : 2800)
  const ageMin = pick(random, [3, 6, 12])
  return { name, address, position, capacity, under2Share, puhui, price, ageMin, services: ['全日托', '半日托', '计时托'].filter((_, i) => i === 0 || random() < 0.6) }
}

/** One site's facts, drawn from `context.random` in the same order as every earlier run (the sample stays identical). */
export function siteFacts(kind: SiteKind, context: SiteContext): SiteFacts {
  const townShort = context.community.properties.town.replace(/^张家港(市)?/, '')
  const urban = URBAN.has(context.area)
  if (kind === 'center') return center(context)
  if (kind === 'community') return communityPoint(context, townShort, urban)
  if (kind === 'kindergarten') return kindergarten(context, townShort, urban)
  if (kind === 'employer') return employer(context, townShort)
  return privateSite(context, townShort, urban, kind === 'privatePuhui')
}
