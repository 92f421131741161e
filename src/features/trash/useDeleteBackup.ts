import { useQuery } from '@tanstack/react-query'
import { useMemo, useState } from 'react'
import { useAdminStatus } from '../../api/admin'
import { backupFileName, lookBackupQueries, type BuiltBackup } from '../../api/lookBackup'
import { backupBlob } from '../../api/lookBackupFormat'
import type { SelectedLook } from '../../api/lookLists'
import { downloadBlob } from '../../lib/download'
import { describeError } from '../../lib/errors'

/** A backup made for a delete: what it holds, and its file, to save now and again from the outcome. */
export interface SavedBackup {
  built: BuiltBackup
  blob: Blob
  fileName: string
}

export type BackupState =
  | { status: 'reading'; read: number; total: number }
  | { status: 'ready'; saved: SavedBackup }
  | { status: 'failed'; error: unknown; retry: () => void }

/** Starts the download. Null when it started; otherwise why not, in words (then nothing may be deleted). */
export function saveBackup(saved: SavedBackup): string | null {
  try {
    downloadBlob(saved.blob, saved.fileName)
    return null
  } catch (e) {
    return `The backup file could not be saved: ${describeError(e)}`
  }
}

/**
 * The backup of the looks about to be deleted for good, read as soon as the delete is asked for, so it is
 * ready by the time the admin has typed the count. No backup, no delete: the caller enables the delete
 * only when this is `ready`, and saves the file (in the click, so the browser allows the download) first.
 */
export function useDeleteBackup(looks: readonly SelectedLook[], enabled: boolean): BackupState {
  const admin = useAdminStatus()
  const [read, setRead] = useState(0)
  const createdBy = admin.data ? { id: admin.data.userId, name: admin.data.displayName } : null
  const query = useQuery({
    ...lookBackupQueries.forLooks(looks, { createdBy, onProgress: setRead }),
    enabled,
  })
  const saved = useMemo<SavedBackup | null>(
    () =>
      query.data
        ? {
            built: query.data,
            blob: backupBlob(query.data.backup),
            fileName: backupFileName(query.data.backup),
          }
        : null,
    [query.data],
  )
  if (saved) return { status: 'ready', saved }
  if (query.isError)
    return {
      status: 'failed',
      error: query.error,
      retry: () => {
        setRead(0)
        void query.refetch()
      },
    }
  return { status: 'reading', read, total: looks.length }
}
