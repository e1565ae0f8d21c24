import { expect, test } from 'vitest'
import { comparePrice, PUHUI_PRICE_LINE } from '../../src/lib/compare-price'

test('the plan line is the 1,787 yuan/month of 附件2', () => {
  expect(PUHUI_PRICE_LINE).toBe(1787)
})

test('below, at, above and unknown', () => {
  expect(comparePrice(1500)).toEqual({ status: 'below', difference: -287 })
  expect(comparePrice(1787)).toEqual({ status: 'at', difference: 0 })
  expect(comparePrice(2000)).toEqual({ status: 'above', difference: 213 })
  expect(comparePrice(null)).toEqual({ status: 'unknown', difference: null })
  expect(comparePrice(Number.NaN)).toEqual({ status: 'unknown', difference: null })
  expect(comparePrice(900, 1000)).toEqual({ status: 'below', difference: -100 })
})
