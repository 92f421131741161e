import type { ILookWithQuery } from '@looker/sdk/lib/4.0/models'
import type { LookEdit } from '../../api/lookMutations'
import type { WireDate } from '../../lib/dates'

export const MAX_TITLE_LENGTH = 255

export interface EditValues {
  title: string
  description: string
  isRunOnLoad: boolean
  isPublic: boolean
}

export type EditField = keyof EditValues
export type FieldErrors = Partial<Record<EditField, string>>

/** Looker's field names in a 422 body, mapped to the form's fields. */
export const SERVER_FIELD: Record<string, EditField> = {
  title: 'title',
  description: 'description',
  is_run_on_load: 'isRunOnLoad',
  public: 'isPublic',
}

export function valuesOf(look: ILookWithQuery): EditValues {
  return {
    title: look.title ?? '',
    description: look.description ?? '',
    isRunOnLoad: look.is_run_on_load ?? false,
    isPublic: look.public ?? false,
  }
}

export function validate(values: EditValues): FieldErrors {
  const errors: FieldErrors = {}
  const title = values.title.trim()
  if (!title) errors.title = 'Enter a title.'
  else if (title.length > MAX_TITLE_LENGTH) {
    errors.title = `Keep the title to ${MAX_TITLE_LENGTH} characters or fewer (it has ${title.length}).`
  }
  return errors
}

export function isDirty(base: EditValues, values: EditValues): boolean {
  return (
    base.title !== values.title ||
    base.description !== values.description ||
    base.isRunOnLoad !== values.isRunOnLoad ||
    base.isPublic !== values.isPublic
  )
}

/** Only what changed goes to the server, so a save never rewrites fields the user did not touch. */
export function changesBetween(base: EditValues, values: EditValues): LookEdit {
  const changes: LookEdit = {}
  const title = values.title.trim()
  if (title !== base.title) changes.title = title
  if (values.description !== base.description) changes.description = values.description
  if (values.isRunOnLoad !== base.isRunOnLoad) changes.is_run_on_load = values.isRunOnLoad
  if (values.isPublic !== base.isPublic) changes.public = values.isPublic
  return changes
}

/** An unsaved edit as kept in sessionStorage, so a reload or a sign-in round trip loses nothing. */
export interface EditDraft {
  base: EditValues
  startedAt: WireDate
  values: EditValues
}

export const lookDraftKey = (lookId: string) => `look-edit:${lookId}`
