import type { ILookWithQuery, IQuery, IWriteQuery } from '@looker/sdk/lib/4.0/models'

/**
 * The looks backup file (docs/decisions/0016-looks-backup-format.md): one JSON document, written before a
 * permanent delete and read by "Re-create from a backup". Version 1 keeps, for each look, what is needed
 * to make it again (its query definition, title, description, folder) and what helps a person decide
 * (owner, dates, usage). A reader refuses a version it does not know rather than guessing.
 */

export const LOOKS_BACKUP_FORMAT = 'lookbook.looks-backup'
export const LOOKS_BACKUP_VERSION = 1

/**
 * Everything create_query accepts (the spec's writable Query properties) except `client_id`: that names
 * the original query, and Looker refuses a client_id that is already in use, so a re-created look gets a
 * new one.
 */
export const BACKUP_QUERY_KEYS = [
  'model',
  'view',
  'fields',
  'pivots',
  'fill_fields',
  'filters',
  'filter_expression',
  'sorts',
  'limit',
  'column_limit',
  'total',
  'row_total',
  'subtotals',
  'vis_config',
  'filter_config',
  'visible_ui_sections',
  'dynamic_fields',
  'query_timezone',
] as const satisfies readonly (keyof IWriteQuery)[]

export type BackupQuery = Pick<IWriteQuery, (typeof BACKUP_QUERY_KEYS)[number]> & {
  model: string
  view: string
}

export interface BackupFolderStep {
  id: string
  name: string
}

export interface BackupFolder {
  id: string | null
  name: string | null
  /** From the top (Shared, Users…) down to the folder itself; null when it was already gone. */
  path: BackupFolderStep[] | null
}

export interface BackupLook {
  /** The look's id on the instance it came from (a re-created look gets a new one). */
  id: string
  title: string
  description: string | null
  is_run_on_load: boolean
  public: boolean
  folder: BackupFolder
  owner: { id: string | null; name: string | null }
  created_at: string | null
  updated_at: string | null
  deleted_at: string | null
  deleter_id: string | null
  last_viewed_at: string | null
  view_count: number | null
  favorite_count: number | null
  /** The original query's id and slug, for reference only. */
  query_id: string | null
  query_slug: string | null
  query: BackupQuery
}

export interface LooksBackup {
  format: typeof LOOKS_BACKUP_FORMAT
  version: typeof LOOKS_BACKUP_VERSION
  created_at: string
  /** The Looker instance the looks were on (from `versions`), when it could be read. */
  source: { web_server_url: string | null; looker_release: string | null; api_version: '4.0' }
  created_by: { id: string | null; name: string | null } | null
  looks: BackupLook[]
}

/** The fields a backup reads of each look: its metadata and its whole query. */
export const BACKUP_LOOK_FIELDS = [
  'id,title,description,is_run_on_load,public,folder_id,folder(id,name),user_id,user_name',
  'created_at,updated_at,deleted,deleted_at,deleter_id,last_viewed_at,view_count,favorite_count',
  'query_id,query',
].join(',')

const text = (value: unknown): string | null => (typeof value === 'string' ? value : null)
const wireDate = (value: unknown): string | null =>
  value instanceof Date ? value.toISOString() : text(value)

/** The writable part of a query, with absent properties left out (so a re-made query equals the old). */
export function backupQueryOf(query: IQuery): BackupQuery {
  const out: Record<string, unknown> = {}
  for (const key of BACKUP_QUERY_KEYS) {
    const value = query[key]
    if (value !== undefined) out[key] = value
  }
  return { ...out, model: query.model, view: query.view }
}

/** One look as the backup keeps it. `folder` is resolved by the caller (its path needs a read). */
export function backupLookOf(look: ILookWithQuery, query: IQuery, folder: BackupFolder): BackupLook {
  return {
    id: String(look.id),
    title: look.title ?? '',
    description: look.description ?? null,
    is_run_on_load: look.is_run_on_load === true,
    public: look.public === true,
    folder,
    owner: { id: look.user_id ?? null, name: look.user_name ?? null },
    created_at: wireDate(look.created_at),
    updated_at: wireDate(look.updated_at),
    deleted_at: wireDate(look.deleted_at),
    deleter_id: look.deleter_id ?? null,
    last_viewed_at: wireDate(look.last_viewed_at),
    view_count: look.view_count ?? null,
    favorite_count: look.favorite_count ?? null,
    query_id: look.query_id ?? query.id ?? null,
    query_slug: query.slug ?? null,
    query: backupQueryOf(query),
  }
}

/** The file as written: indented, so a person can read and compare it. */
export function backupBlob(backup: LooksBackup): Blob {
  return new Blob([JSON.stringify(backup, null, 2)], { type: 'application/json' })
}
