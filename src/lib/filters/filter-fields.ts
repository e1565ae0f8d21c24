import { careClassForAge } from '../care-classes/care-class-for-age'
import { AREA_IDS, INSTITUTION_TYPES, SERVICE_FORMS, type InstitutionType } from '../types'
import { choiceField } from './choice-field'
import { choiceListField } from './choice-list-field'
import { flagField } from './flag-field'
import { integerField } from './integer-field'
import { textField } from './text-field'

/** Longest accepted search text; longer values are ignored as invalid. */
export const MAX_QUERY_LENGTH = 100
/** Oldest child age (months) the filter accepts. */
export const MAX_AGE_MONTHS = 72
/** Children under this age need an under-2 place. */
export const UNDER_TWO_MONTHS = 24
/** Type chips shown in the "more filters" panel rather than the main bar. */
export const MORE_PANEL_TYPES: readonly InstitutionType[] = ['center', 'private']

/**
 * The parents' filters, each declared once: its store key (the property name), empty value, URL parameter, host
 * message value and institution test. Type chips combine with OR, every field with AND. Adding a filter means
 * adding one entry here (and its control in src/components/filters); hosts may set only the fields marked `host`.
 */
export const FILTER_FIELDS = {
  types: choiceListField({
    param: 'types', choices: INSTITUTION_TYPES, host: true,
    matches: (institution, types) => types.includes(institution.type),
    countInMore: (types) => types.filter((type) => MORE_PANEL_TYPES.includes(type)).length,
  }),
  puhui: flagField({ param: 'puhui', host: true, has: (institution) => institution.puhui }),
  ageMonths: integerField({
    param: 'age', min: 0, max: MAX_AGE_MONTHS, host: true, inMore: true,
    // With classes recorded the age means "has a class (with places) for this age"; otherwise the totals decide.
    matches: (institution, months) => {
      if (institution.classes) {
        const careClass = careClassForAge(months)
        return careClass !== null && (institution.classes[careClass]?.capacity ?? 0) > 0
      }
      return months >= institution.ageMinMonths && months <= institution.ageMaxMonths
        && (months >= UNDER_TWO_MONTHS || institution.capacityUnder2 > 0)
    },
  }),
  service: choiceField({
    param: 'service', choices: SERVICE_FORMS, inMore: true,
    matches: (institution, service) => institution.services.includes(service),
  }),
  maxPrice: integerField({
    param: 'price', min: 1, max: 1_000_000, inMore: true,
    matches: (institution, price) => institution.priceFullDay !== null && institution.priceFullDay <= price,
  }),
  hasVacancy: flagField({ param: 'vacancy', has: (institution) => institution.capacity - institution.enrolled > 0 }),
  medical: flagField({ param: 'medical', inMore: true, has: (institution) => institution.medicalPartner.trim() !== '' }),
  inclusive: flagField({ param: 'inclusive', inMore: true, has: (institution) => institution.inclusive }),
  query: textField({ param: 'q', maxLength: MAX_QUERY_LENGTH, host: true }),
  town: choiceField({ param: 'town', choices: AREA_IDS, inMore: true, matches: (institution, area) => institution.area === area }),
}

/** The app's filter table type, the default wherever a table can be passed. */
export type AppFilterTable = typeof FILTER_FIELDS
