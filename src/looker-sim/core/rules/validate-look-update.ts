import { MAX_TITLE_LENGTH, USERS_ROOT_ID } from '../constants'
import { badRequest, validationFailed, type FieldError } from '../errors'
import type { SimStore } from '../store'
import type { Viewer } from '../viewer'
import { canView } from '../access'

/** The writable Look fields this simulator applies; everything else in the body is ignored. */
export interface LookPatch {
  title?: string
  description?: string | null
  deleted?: boolean
  is_run_on_load?: boolean
  public?: boolean
  folder_id?: string
  user_id?: string
  query_id?: string
}

export const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)

/** Ids may arrive as numbers from older clients (the SDKs accept both). */
const asId = (value: unknown): string | undefined =>
  typeof value === 'string' && value.trim() !== ''
    ? value.trim()
    : typeof value === 'number' && Number.isInteger(value)
      ? String(value)
      : undefined

/**
 * Checks an update_look body and returns the changes to make, or throws 422 with one error per
 * field (all problems at once, so a form can show them together). Read-only and unknown properties
 * are ignored, as the spec says.
 */
export function validateLookPatch(store: SimStore, viewer: Viewer, body: unknown): LookPatch {
  if (!isPlainObject(body)) throw badRequest('The request body must be a JSON object.')
  const { patch, errors } = collectLookPatch(store, viewer, body)
  if (errors.length > 0) throw validationFailed(errors)
  return patch
}

/** The changes a Look body asks for, and what is wrong with it (create_look adds its own checks). */
export function collectLookPatch(
  store: SimStore,
  viewer: Viewer,
  body: Record<string, unknown>,
): { patch: LookPatch; errors: FieldError[] } {
  const errors: FieldError[] = []
  const patch: LookPatch = {}
  const invalid = (field: string, message: string) => errors.push({ field, code: 'invalid', message })

  if ('title' in body) {
    const title = body.title
    if (typeof title !== 'string' && title !== null) invalid('title', 'Title must be a string.')
    else if (title === null || title.trim() === '')
      errors.push({ field: 'title', code: 'missing', message: "Title can't be blank." })
    else if (title.trim().length > MAX_TITLE_LENGTH) {
      errors.push({
        field: 'title',
        code: 'too_long',
        message: `Title is too long (maximum is ${MAX_TITLE_LENGTH} characters).`,
      })
    } else patch.title = title.trim()
  }
  if ('description' in body) {
    const description = body.description
    if (description !== null && typeof description !== 'string')
      invalid('description', 'Description must be a string or null.')
    else patch.description = description === null || description.trim() === '' ? null : description
  }
  for (const flag of ['deleted', 'is_run_on_load', 'public'] as const) {
    if (!(flag in body)) continue
    const value = body[flag]
    if (typeof value !== 'boolean') invalid(flag, `${flag} must be true or false.`)
    else patch[flag] = value
  }
  if ('folder_id' in body) {
    const id = asId(body.folder_id)
    const folder = id === undefined ? undefined : store.folder(id)
    if (id === undefined) invalid('folder_id', 'folder_id must be a folder id.')
    else if (!folder || !canView(viewer.access.get(folder.id))) {
      errors.push({ field: 'folder_id', code: 'not_found', message: `Folder ${id} does not exist.` })
    } else if (folder.id === USERS_ROOT_ID) invalid('folder_id', 'Looks cannot be saved in the Users folder.')
    else patch.folder_id = folder.id
  }
  if ('user_id' in body) {
    const id = asId(body.user_id)
    if (id === undefined || !store.user(id)) {
      errors.push({
        field: 'user_id',
        code: 'not_found',
        message: `User ${String(body.user_id)} does not exist.`,
      })
    } else patch.user_id = id
  }
  if ('query_id' in body) {
    const id = asId(body.query_id)
    if (id === undefined || !store.query(id)) {
      errors.push({
        field: 'query_id',
        code: 'not_found',
        message: `Query ${String(body.query_id)} does not exist.`,
      })
    } else patch.query_id = id
  }
  return { patch, errors }
}
