import type { ApiLookWithQuery } from '../api-types'
import { badRequest, forbidden, validationFailed, type FieldError } from '../errors'
import { hasPermission } from '../roles'
import { lookWithQuery } from '../serialize'
import type { SimStore } from '../store'
import type { LookRecord } from '../types'
import type { Viewer } from '../viewer'
import { assertCanSaveIn, shortUrlSlug } from './look-actions'
import { assertTitleFree } from './titles'
import { collectLookPatch, isPlainObject } from './validate-look-update'

/**
 * create_look (POST /looks, body LookWithQuery). Checks, in order: the caller's role may save content
 * (403), the body (422, every problem at once: title, folder_id and query_id are required, and each is
 * checked as update_look checks it), edit access to the folder (403), only an admin creates a look for
 * someone else (403), and the title is free in the folder (409).
 */
export function createLook(store: SimStore, viewer: Viewer, body: unknown): ApiLookWithQuery {
  if (!isPlainObject(body)) throw badRequest('The request body must be a JSON object.')
  if (!hasPermission(viewer.user, 'save_content')) {
    throw forbidden('You do not have permission to save looks: that needs the "save_content" permission.')
  }
  const { patch, errors } = collectLookPatch(store, viewer, body)
  const missing = (field: string, message: string) => errors.push({ field, code: 'missing', message })
  const reported = new Set(errors.map((e) => e.field))
  if (!('title' in body)) missing('title', "Title can't be blank.")
  if (!('folder_id' in body) && !reported.has('folder_id')) missing('folder_id', 'folder_id is required.')
  if (!('query_id' in body) && !reported.has('query_id')) {
    missing('query_id', 'query_id is required: create the query first with create_query.')
  }
  if (patch.deleted === true) {
    errors.push({ field: 'deleted', code: 'invalid', message: 'A new look cannot be created in the trash.' })
  }
  if (errors.length > 0) throw validationFailed(sortByField(errors))
  const { title, folder_id: folderId, query_id: queryId } = patch
  if (title === undefined || folderId === undefined || queryId === undefined) {
    throw new Error('create_look: a checked body lacks title, folder_id or query_id')
  }

  const folder = store.visibleFolder(viewer, folderId)
  assertCanSaveIn(viewer, folder)
  const ownerId = patch.user_id ?? viewer.user.id
  if (ownerId !== viewer.user.id && !viewer.isAdmin) {
    throw forbidden('Only an admin can create a look owned by someone else.')
  }
  assertTitleFree(store, folder.id, title)

  const now = store.nowIso()
  const id = store.nextId('look')
  const slug = shortUrlSlug(store, id)
  const look: LookRecord = {
    id,
    title,
    description: patch.description ?? null,
    folder_id: folder.id,
    user_id: ownerId,
    query_id: queryId,
    content_metadata_id: store.nextId('contentMetadata'),
    created_at: now,
    updated_at: now,
    last_updater_id: viewer.user.id,
    last_viewed_at: null,
    last_accessed_at: null,
    view_count: 0,
    favorite_count: 0,
    deleted: false,
    deleted_at: null,
    deleter_id: null,
    public: patch.public ?? false,
    public_slug: patch.public ? `${slug}${id.padStart(22, '0')}` : null,
    short_url_slug: slug,
    is_run_on_load: patch.is_run_on_load ?? false,
  }
  store.addLook(look)
  return lookWithQuery(viewer, store, look)
}

/** Errors in the order of the form's fields, so a client can show the first one first. */
function sortByField(errors: FieldError[]): FieldError[] {
  const order = ['title', 'description', 'folder_id', 'query_id', 'user_id']
  const rank = (e: FieldError) => (order.includes(e.field) ? order.indexOf(e.field) : order.length)
  return [...errors].sort((a, b) => rank(a) - rank(b))
}
