import Button from '@mui/material/Button'
import { useState } from 'react'
import { folderPickerSource } from '../../api/folders'
import { FolderPickerDialog } from '../../components/FolderPicker'
import { describeError } from '../../lib/errors'
import { BulkRunDialog } from './BulkRunDialog'
import { ConfirmBulkDialog, countLooks } from './ConfirmBulkDialog'
import { BackupSavedNotice, BackupStatus } from './BackupStatus'
import {
  deleteBackedUp,
  deleteLookForever,
  moveLookToTrash,
  restoreLook,
  restoreLookInto,
  type LookAction,
} from './lookActions'
import { FolderMissingError, NotInTrashError } from '../../api/lookWrites'
import type { SelectedLook } from '../../api/lookLists'
import { useBulkLookRun, type RowState } from './useBulkLookRun'
import { saveBackup, useDeleteBackup, type SavedBackup } from './useDeleteBackup'
import { useFocusFallback } from './useFocusFallback'

export type BulkKind = 'restore' | 'delete' | 'trash'

export interface BulkRequest {
  kind: BulkKind
  looks: readonly SelectedLook[]
}

const ACTIONS: Record<BulkKind, { action: LookAction; done: string; running: (n: number) => string }> = {
  restore: { action: restoreLook, done: 'Restored', running: (n) => `Restoring ${countLooks(n)}` },
  delete: {
    action: deleteLookForever,
    done: 'Deleted',
    running: (n) => `Permanently deleting ${countLooks(n)}`,
  },
  trash: {
    action: moveLookToTrash,
    done: 'Moved to trash',
    running: (n) => `Moving ${countLooks(n)} to the trash`,
  },
}

const folderMissing = (row: RowState) => row.status === 'failed' && row.error instanceof FolderMissingError
// Retrying cannot help these: the look is no longer in the trash, or it needs a new folder first.
const retryable = (row: RowState) =>
  row.status === 'failed' &&
  !(row.error instanceof FolderMissingError) &&
  !(row.error instanceof NotInTrashError)
const notStarted = (row: RowState) => row.status === 'stopped'

interface Props {
  request: BulkRequest
  /** Called when the dialogs close, with the ids that were acted on successfully. */
  onFinished: (succeededIds: string[]) => void
}

/**
 * Confirm → run with progress → outcome, Retry failed, and a new folder for looks whose folder is gone.
 * A permanent delete is backed up first: the backup is read while the admin confirms, saved in the
 * confirming click, and the run deletes exactly what it holds.
 */
export function BulkFlow({ request, onFinished }: Props) {
  const run = useBulkLookRun()
  const [phase, setPhase] = useState<'confirm' | 'run'>('confirm')
  const [picking, setPicking] = useState(false)
  const [pickError, setPickError] = useState<string | null>(null)
  const deleting = request.kind === 'delete'
  const backup = useDeleteBackup(request.looks, deleting && phase === 'confirm')
  const [saved, setSaved] = useState<SavedBackup | null>(null)
  const [saveError, setSaveError] = useState<string | null>(null)
  const { done, running } = ACTIONS[request.kind]
  const action = saved ? deleteBackedUp(saved.built) : ACTIONS[request.kind].action

  const finish = () => {
    const rows = run.state?.rows ?? {}
    onFinished(Object.keys(rows).filter((id) => rows[id]?.status === 'succeeded'))
  }

  if (phase === 'confirm' || !run.state) {
    return (
      <ConfirmBulkDialog
        looks={request.looks}
        kind={request.kind}
        onCancel={() => onFinished([])}
        backup={
          deleting
            ? {
                ready: backup.status === 'ready',
                status: <BackupStatus state={backup} saveError={saveError} />,
              }
            : undefined
        }
        onConfirm={() => {
          if (!deleting) {
            setPhase('run')
            void run.start(request.looks, action, done)
            return
          }
          if (backup.status !== 'ready') return
          // In the click itself, so the browser lets the download start; the first DELETE comes after it.
          const failed = saveBackup(backup.saved)
          setSaveError(failed)
          if (failed) return
          setSaved(backup.saved)
          setPhase('run')
          void run.start(request.looks, deleteBackedUp(backup.saved.built), done)
        }}
      />
    )
  }

  const rows = Object.values(run.state.rows)
  const nRetry = rows.filter(retryable).length
  const nStopped = rows.filter(notStarted).length
  const nMissing = rows.filter(folderMissing).length
  return (
    <>
      <BulkRunDialog
        title={running(run.state.looks.length)}
        state={run.state}
        onStop={run.stop}
        onClose={finish}
        notice={
          saved && (
            <BackupSavedNotice
              saved={saved}
              error={saveError}
              onSave={() => setSaveError(saveBackup(saved))}
            />
          )
        }
        endActions={
          <>
            {nMissing > 0 && (
              <Button onClick={() => setPicking(true)}>Choose a folder for {countLooks(nMissing)}…</Button>
            )}
            {nStopped > 0 && (
              <Button onClick={() => void run.rerun(notStarted, action, done)}>
                Continue ({nStopped} not started)
              </Button>
            )}
            {nRetry > 0 && (
              <Button color="warning" onClick={() => void run.rerun(retryable, action, done)}>
                Retry failed ({nRetry})
              </Button>
            )}
          </>
        }
      />
      <FolderPickerDialog
        source={folderPickerSource}
        open={picking}
        title={`Restore ${countLooks(nMissing)} into…`}
        confirmLabel="Restore here"
        requireEditable
        error={pickError}
        onCancel={() => setPicking(false)}
        onConfirm={(folder) => {
          if (!folder.id) return
          setPicking(false)
          setPickError(null)
          run
            .rerun(
              folderMissing,
              restoreLookInto(folder.id),
              `Restored into ${folder.name ?? 'the chosen folder'}`,
            )
            .catch((e: unknown) => setPickError(describeError(e)))
        }}
      />
    </>
  )
}

/**
 * A bulk action asked for from a list: `ask` opens its dialogs (`dialogs`, to render), and when they
 * close the looks acted on leave the selection. The action buttons are then disabled (nothing is
 * selected), so focus goes to the selection line (`statusRef`) rather than to <body>.
 */
export function useBulkFlow(removeFromSelection: (ids: string[]) => void) {
  const [request, setRequest] = useState<BulkRequest | null>(null)
  const statusRef = useFocusFallback<HTMLElement>(request !== null)
  const dialogs = request && (
    <BulkFlow
      request={request}
      onFinished={(ids) => {
        removeFromSelection(ids)
        setRequest(null)
      }}
    />
  )
  return { ask: setRequest, statusRef, dialogs }
}
