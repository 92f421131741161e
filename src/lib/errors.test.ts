import { describe, expect, it } from 'vitest'
import { fieldErrorsFrom, hasStatus, LookerApiError } from './errors'

const answer = (status: number) => new LookerApiError({ status, kind: 'http', message: 'x' })

describe('hasStatus', () => {
  it('is true only for a server answer with one of the statuses asked about', () => {
    expect(hasStatus(answer(404), 404)).toBe(true)
    expect(hasStatus(answer(403), 403, 404)).toBe(true)
    expect(hasStatus(answer(409), 403, 404)).toBe(false)
    expect(answer(422).hasStatus(409, 422)).toBe(true)
  })

  it('a network failure, a plain Error or nothing at all has no status', () => {
    expect(hasStatus(new LookerApiError({ status: 0, kind: 'network', message: 'x' }), 0)).toBe(false)
    expect(hasStatus(Object.assign(new Error('x'), { status: 404 }), 404)).toBe(false)
    expect(hasStatus(null, 404)).toBe(false)
  })
})

describe('fieldErrorsFrom', () => {
  const FIELDS = { title: 'title', is_run_on_load: 'runOnLoad' } as const
  const refused = (status: number, errors: { field: string; message: string }[] = []) =>
    new LookerApiError({
      status,
      kind: 'http',
      message: 'Title already used in this folder',
      fieldErrors: errors.map((e) => ({ ...e, code: 'invalid' })),
    })

  it("puts a 422's field errors under the form's fields, as sentences, and keeps the rest", () => {
    const error = refused(422, [
      { field: 'title', message: 'contains a reserved word' },
      { field: 'is_run_on_load', message: 'is not allowed.' },
      { field: 'constructor', message: 'is odd' },
    ])
    expect(fieldErrorsFrom(error, FIELDS)).toEqual({
      fields: { title: 'Contains a reserved word.', runOnLoad: 'Is not allowed.' },
      unplaced: ['constructor: is odd'],
    })
  })

  it('puts a 409 under the field it clashes on; anything else is not a field error', () => {
    expect(fieldErrorsFrom(refused(409), FIELDS, 'title')).toEqual({
      fields: { title: 'Title already used in this folder' },
      unplaced: [],
    })
    expect(fieldErrorsFrom(refused(409), FIELDS)).toBeNull()
    expect(fieldErrorsFrom(refused(422), FIELDS)).toBeNull()
    expect(fieldErrorsFrom(refused(500), FIELDS, 'title')).toBeNull()
    expect(fieldErrorsFrom(new Error('boom'), FIELDS, 'title')).toBeNull()
  })
})
