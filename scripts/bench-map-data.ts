// Seeded synthetic institutions (any number) for the map benchmark and the filter-expression agreement test.
import type { Feature, FeatureCollection, Point } from 'geojson'
import { AREA_IDS, INSTITUTION_TYPES, SERVICE_FORMS, type InstitutionProperties } from '../src/lib/types'
import { seededRandom } from '../src/lib/seeded-random'

const BOX = { west: 120.4, south: 31.78, east: 120.82, north: 32.0 }

/** `count` institutions spread over the city's box, with every filterable field varied. */
export function syntheticInstitutions(count: number, seed = 20240901): FeatureCollection<Point, InstitutionProperties> {
  const random = seededRandom(seed)
  const pick = <T>(values: readonly T[]): T => values[Math.floor(random() * values.length)]
  const features = Array.from({ length: count }, (_, index): Feature<Point, InstitutionProperties> => {
    const capacity = 20 + Math.floor(random() * 120)
    const ageMinMonths = pick([3, 6, 12, 18, 24])
    const services = SERVICE_FORMS.filter(() => random() < 0.5)
    return {
      type: 'Feature',
      geometry: { type: 'Point', coordinates: [BOX.west + random() * (BOX.east - BOX.west), BOX.south + random() * (BOX.north - BOX.south)] },
      properties: {
        id: `S${index}`, name: `合成机构${index}`, town: '杨舍镇', area: pick(AREA_IDS), address: `合成路${index}号`,
        type: pick(INSTITUTION_TYPES), puhui: random() < 0.6, capacity, capacityUnder2: random() < 0.4 ? 0 : Math.floor(capacity / 4),
        enrolled: Math.floor(random() * (capacity + 10)), priceFullDay: random() < 0.15 ? null : 800 + Math.floor(random() * 2400),
        services: services.length > 0 ? services : ['fullDay'], ageMinMonths, ageMaxMonths: pick([36, 48, 72]),
        phone: '0512-00000000', hours: '7:30-17:30', medicalPartner: random() < 0.3 ? '合成医院' : random() < 0.1 ? '  ' : '',
        staff: 5, staffCertified: 4, qualityGrade: '', inclusive: random() < 0.2, openedYear: 2020, filingNo: '', updatedAt: '2024-09-01', sample: true,
      },
    }
  })
  return { type: 'FeatureCollection', features }
}
