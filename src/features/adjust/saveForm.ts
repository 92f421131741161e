import { describeError, fieldErrorsFrom } from '../../lib/errors'
import { MAX_TITLE_LENGTH } from './variant'

export type SaveField = 'title' | 'description' | 'folder'

export interface SaveErrors {
  fields: Partial<Record<SaveField, string>>
  /** What fits no field: shown above the buttons. */
  form: string | null
}

export const NO_SAVE_ERRORS: SaveErrors = { fields: {}, form: null }

/** Checked before sending: a title (trimmed, at most 255 characters) and a folder. */
export function checkSaveForm(values: { title: string; folderId: string | null }): SaveErrors | null {
  const fields: SaveErrors['fields'] = {}
  const title = values.title.trim()
  if (title === '') fields.title = 'Enter a title.'
  else if (title.length > MAX_TITLE_LENGTH) fields.title = `At most ${MAX_TITLE_LENGTH} characters.`
  if (!values.folderId) fields.folder = 'Choose a folder to save the look in.'
  return Object.keys(fields).length > 0 ? { fields, form: null } : null
}

// Looker's body field names → the form's fields (create_look's 422s and its 409 title clash).
const FIELD_MAP: Readonly<Record<string, SaveField>> = {
  title: 'title',
  description: 'description',
  folder_id: 'folder',
}

/**
 * A refused save, laid out on the form: 422 field errors under their fields (what fits none above the
 * buttons), a 409 (the title is taken in that folder) under Title, anything else as one sentence.
 */
export function saveErrorsFrom(error: unknown): SaveErrors {
  const mapped = fieldErrorsFrom(error, FIELD_MAP, 'title')
  if (!mapped) return { fields: {}, form: `The look was not saved: ${describeError(error)}` }
  return {
    fields: mapped.fields,
    form: mapped.unplaced.length > 0 ? `The look was not saved: ${mapped.unplaced.join('; ')}` : null,
  }
}
