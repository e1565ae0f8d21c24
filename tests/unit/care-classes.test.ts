import { expect, test } from 'vitest'
import { careClassForAge } from '../../src/lib/care-classes/care-class-for-age'
import { classVacancy } from '../../src/lib/care-classes/class-vacancy'
import type { InstitutionProperties } from '../../src/lib/types'

test.each([
  [0, null], [5, null], [6, 'infant'], [11, 'infant'], [12, 'toddler'], [18, 'toddler'], [23, 'toddler'],
  [24, 'older'], [30, 'older'], [36, 'older'], [37, null], [Number.NaN, null],
])('a child of %d months belongs in %s', (months, expected) => {
  expect(careClassForAge(months)).toBe(expected)
})

const classes: InstitutionProperties['classes'] = {
  infant: { capacity: 5, enrolled: 5 }, toddler: { capacity: 15, enrolled: 12 }, older: { capacity: 20, enrolled: 23 },
}

test.each([
  [18, { careClass: 'toddler', capacity: 15, vacancies: 3 }],
  [8, { careClass: 'infant', capacity: 5, vacancies: 0 }],
  // More children than places (a warning in the registry) is no free place, never a negative one.
  [30, { careClass: 'older', capacity: 20, vacancies: 0 }],
  [3, null],
])('at %d months the class vacancy is %o', (months, expected) => {
  expect(classVacancy({ classes }, months)).toEqual(expected)
})

test('no classes recorded, or none for that age: null (the totals apply)', () => {
  expect(classVacancy({}, 18)).toBeNull()
  expect(classVacancy({ classes: { older: { capacity: 20, enrolled: 0 } } }, 18)).toBeNull()
  expect(classVacancy({ classes: { toddler: { capacity: 0, enrolled: 0 } } }, 18)).toBeNull()
})

test('the input is not mutated', () => {
  const input = { classes: structuredClone(classes) }
  classVacancy(input, 18)
  expect(input.classes).toEqual(classes)
})
