import { expect, test } from 'vitest'
import { isInstitutionId, MAX_INSTITUTION_ID_LENGTH } from '../../src/lib/institution-id'

test.each([
  ['ZJG-0001'],
  ['张家港/托育 #1&x=2'],
  ['a+b'],
  ['<img src=x>'],
  ['托育😀'],
  ['x'],
  ['托'.repeat(MAX_INSTITUTION_ID_LENGTH)],
  ['😀'.repeat(MAX_INSTITUTION_ID_LENGTH)],
])('%s is an institution id', (id) => {
  expect(isInstitutionId(id)).toBe(true)
})

test.each([
  ['empty', ''],
  ['65 characters', 'x'.repeat(MAX_INSTITUTION_ID_LENGTH + 1)],
  ['65 emoji', '😀'.repeat(MAX_INSTITUTION_ID_LENGTH + 1)],
  ['a leading space', ' ZJG'],
  ['a trailing space', 'ZJG '],
  ['only spaces', '   '],
  ['NUL', 'a\u0000b'],
  ['a tab', 'a\tb'],
  ['a newline', 'a\nb'],
  ['DEL', 'a\u007fb'],
  ['a C1 control', 'a\u0085b'],
  ['a line separator', 'a\u2028b'],
  ['a lone high surrogate', 'a\ud800b'],
  ['a lone low surrogate', 'a\udc00b'],
])('an id with %s is rejected', (_label, id) => {
  expect(isInstitutionId(id)).toBe(false)
})
