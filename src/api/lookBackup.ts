import type { IApiVersion, IQuery } from '@looker/sdk/lib/4.0/models'
import { queryOptions } from '@tanstack/react-query'
import { runBulk } from '../lib/bulk'
import { describeError, hasStatus } from '../lib/errors'
import { safeFileStem } from '../lib/fileName'
import { versions } from './auth'
import { getFolderAncestors } from './folders'
import {
  BACKUP_LOOK_FIELDS,
  backupLookOf,
  LOOKS_BACKUP_FORMAT,
  LOOKS_BACKUP_VERSION,
  type BackupFolder,
  type BackupLook,
  type LooksBackup,
} from './lookBackupFormat'
import type { SelectedLook } from './lookLists'
import { getLook } from './looks'
import { getQuery } from './queries'
import { READ_FOR_WRITE, sendWrite } from './sendWrite'

/**
 * Builds the backup that must exist before looks are deleted for good (issue 15): each look read whole
 * (metadata and query) by the bulk runner, bounded, each read 429-safe under the write rule (a read a
 * write depends on: the delete waits for it), and its folder's path. What the
 * backup holds is exactly what the delete run may then delete: a look that is gone already or was
 * restored since it was selected is named in `skipped` and is not deleted.
 */

export type SkipReason = 'gone' | 'restored'

export interface BuiltBackup {
  backup: LooksBackup
  /** The selected looks the backup holds, in the order chosen: the delete run's list. */
  included: SelectedLook[]
  skipped: { look: SelectedLook; reason: SkipReason }[]
}

/** A look could not be read after the runner's retries: no backup, so nothing may be deleted. */
export class BackupFailedError extends Error {
  constructor(
    readonly look: SelectedLook,
    readonly cause: unknown,
  ) {
    super(`Could not read “${look.title}” for the backup: ${describeError(cause)}`)
    this.name = 'BackupFailedError'
  }
}

export interface BackupOptions {
  signal?: AbortSignal
  /** Looks read so far (including skipped ones), after each look. */
  onProgress?: (read: number) => void
  /** Who is making the backup (the admin), written into it. */
  createdBy?: { id: string | null; name: string | null } | null
  now?: () => Date
}

type Read = { kind: 'look'; look: BackupLook } | { kind: 'skip'; reason: SkipReason }

/** One read, 429s waited out and lost answers read again (the write rule's `read`); waits not shown. */
const readSafely = <T>(read: (signal?: AbortSignal) => Promise<T>, signal?: AbortSignal) =>
  sendWrite(READ_FOR_WRITE, read, { signal, showWaits: false })

async function folderOf(id: string | null, name: string | null, signal?: AbortSignal): Promise<BackupFolder> {
  if (!id) return { id: null, name, path: null }
  try {
    const ancestors = await readSafely((s) => getFolderAncestors(id, s, 'id,name'), signal)
    const steps = ancestors.map((f) => ({ id: String(f.id), name: f.name ?? `Folder ${String(f.id)}` }))
    return { id, name, path: [...steps, { id, name: name ?? `Folder ${id}` }] }
  } catch (e) {
    // The folder was removed after the look was trashed: the backup says so, and re-create asks for one.
    if (hasStatus(e, 404)) return { id, name, path: null }
    throw e
  }
}

/** Which instance the looks came from: worth a 429-safe read, not worth refusing the backup over. */
async function readSource(signal: AbortSignal): Promise<LooksBackup['source']> {
  let found: IApiVersion | null = null
  try {
    found = await readSafely((s) => versions(s), signal)
  } catch (e) {
    if (signal.aborted) throw e
  }
  return {
    web_server_url: found?.web_server_url ?? null,
    looker_release: found?.looker_release_version ?? null,
    api_version: '4.0',
  }
}

export async function buildLooksBackup(
  looks: readonly SelectedLook[],
  options: BackupOptions = {},
): Promise<BuiltBackup> {
  const stop = new AbortController()
  const signal = options.signal ? AbortSignal.any([options.signal, stop.signal]) : stop.signal
  // Looks in one folder share its path: one read per folder (a failed read is not kept, so a retry reads again).
  const folders = new Map<string, Promise<BackupFolder>>()
  const folderPath = (id: string | null, name: string | null) => {
    if (!id) return folderOf(null, name, signal)
    let found = folders.get(id)
    if (!found) {
      found = folderOf(id, name, signal)
      folders.set(id, found)
      found.catch(() => folders.delete(id))
    }
    return found
  }
  const reads: (Read | undefined)[] = new Array<Read | undefined>(looks.length)
  let read = 0
  let failure: BackupFailedError | null = null

  const report = await runBulk({
    items: looks,
    signal,
    action: async (selected) => {
      const index = looks.indexOf(selected)
      try {
        const look = await readSafely((s) => getLook(selected.id, s, BACKUP_LOOK_FIELDS), signal)
        if (look.deleted !== true) {
          reads[index] = { kind: 'skip', reason: 'restored' }
          return
        }
        // Some servers leave the nested query out of a projection: read it by id then.
        let query: IQuery | null | undefined = look.query
        if (!query?.model || !query.view)
          query = look.query_id ? await readSafely((s) => getQuery(look.query_id!, s), signal) : null
        if (!query?.model || !query.view) throw new Error('Looker sent no query for it.')
        const folder = await folderPath(look.folder_id ?? null, look.folder?.name ?? null)
        reads[index] = { kind: 'look', look: backupLookOf(look, query, folder) }
      } catch (e) {
        if (hasStatus(e, 404)) {
          reads[index] = { kind: 'skip', reason: 'gone' }
          return
        }
        throw e
      }
    },
    onOutcome: (outcome) => {
      if (outcome.status === 'failed' && !failure) {
        failure = new BackupFailedError(outcome.item, outcome.error)
        // One look that cannot be read means no backup: stop reading the others.
        stop.abort()
      }
      if (outcome.status !== 'stopped') options.onProgress?.(++read)
    },
  })
  if (failure) throw failure as BackupFailedError
  if (report.stopped) throw new DOMException('The backup was stopped.', 'AbortError')

  const source = await readSource(signal)
  const included: SelectedLook[] = []
  const skipped: BuiltBackup['skipped'] = []
  const backupLooks: BackupLook[] = []
  looks.forEach((look, i) => {
    const result = reads[i]!
    if (result.kind === 'skip') skipped.push({ look, reason: result.reason })
    else {
      included.push(look)
      backupLooks.push(result.look)
    }
  })
  return {
    backup: {
      format: LOOKS_BACKUP_FORMAT,
      version: LOOKS_BACKUP_VERSION,
      created_at: (options.now?.() ?? new Date()).toISOString(),
      source,
      created_by: options.createdBy ?? null,
      looks: backupLooks,
    },
    included,
    skipped,
  }
}

/** "looks-backup looker.example.com 2026-12-01 10-22-03 (3 looks).json": safe on every disk. */
export function backupFileName(backup: LooksBackup): string {
  let host: string
  try {
    host = backup.source.web_server_url ? new URL(backup.source.web_server_url).host : ''
  } catch {
    host = ''
  }
  const stamp = backup.created_at
    .replace(/\.\d+Z$/, 'Z')
    .replace('T', ' ')
    .replace(/:/g, '-')
  const n = backup.looks.length
  const stem = safeFileStem(
    ['looks-backup', host, stamp, `(${n} ${n === 1 ? 'look' : 'looks'})`].filter(Boolean).join(' '),
    'looks-backup',
  )
  return `${stem}.json`
}

export const lookBackupKeys = {
  all: ['lookBackup'] as const,
  forLooks: (ids: readonly string[], createdBy: string | null) =>
    [...lookBackupKeys.all, { ids, createdBy }] as const,
}

export const lookBackupQueries = {
  /**
   * The backup of exactly these looks, read when the delete dialog opens: a snapshot that lives as long as
   * the dialog (never refetched behind the admin's back, dropped when it closes). The runner does the
   * retrying, so React Query does not.
   */
  forLooks: (
    looks: readonly SelectedLook[],
    { createdBy = null, onProgress }: Pick<BackupOptions, 'createdBy' | 'onProgress'> = {},
  ) =>
    // onProgress reports how far the read is and createdBy is keyed by its id: neither changes what is read.
    // eslint-disable-next-line @tanstack/query/exhaustive-deps
    queryOptions({
      queryKey: lookBackupKeys.forLooks(
        looks.map((l) => l.id),
        createdBy?.id ?? null,
      ),
      queryFn: ({ signal }) => buildLooksBackup(looks, { createdBy, onProgress, signal }),
      staleTime: Infinity,
      gcTime: 0,
      retry: false,
    }),
}
