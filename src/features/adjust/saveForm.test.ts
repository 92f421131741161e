import { describe, expect, it } from 'vitest'
import { LookerApiError } from '../../lib/errors'
import { checkSaveForm, saveErrorsFrom } from './saveForm'

describe('the save-as form', () => {
  it('needs a title within 255 characters and a folder before anything is sent', () => {
    expect(checkSaveForm({ title: '  ', folderId: null })).toEqual({
      fields: { title: 'Enter a title.', folder: 'Choose a folder to save the look in.' },
      form: null,
    })
    expect(checkSaveForm({ title: 'x'.repeat(256), folderId: '9' })?.fields.title).toBe(
      'At most 255 characters.',
    )
    expect(checkSaveForm({ title: ' Revenue (EMEA) ', folderId: '9' })).toBeNull()
  })

  it("puts a 422's field errors under their fields and a 409 title clash under Title", () => {
    const invalid = new LookerApiError({
      status: 422,
      kind: 'http',
      message: 'Validation Failed',
      fieldErrors: [
        { field: 'folder_id', code: 'invalid', message: 'you may not save into this folder' },
        { field: 'query_id', code: 'missing', message: 'is required' },
      ],
    })
    expect(saveErrorsFrom(invalid)).toEqual({
      fields: { folder: 'You may not save into this folder.' },
      form: 'The look was not saved: query_id: is required',
    })
    const clash = new LookerApiError({
      status: 409,
      kind: 'http',
      message: 'Title already used in this folder',
    })
    expect(saveErrorsFrom(clash)).toEqual({
      fields: { title: 'Title already used in this folder' },
      form: null,
    })
    const other = new LookerApiError({ status: 0, kind: 'network', message: 'Failed to fetch' })
    expect(saveErrorsFrom(other).form).toMatch(/^The look was not saved: /)
  })
})
