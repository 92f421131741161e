import ContentCopyIcon from '@mui/icons-material/ContentCopy'
import DeleteIcon from '@mui/icons-material/DeleteOutlined'
import DriveFileMoveIcon from '@mui/icons-material/DriveFileMoveOutlined'
import EditIcon from '@mui/icons-material/EditOutlined'
import OpenInNewIcon from '@mui/icons-material/OpenInNew'
import Button from '@mui/material/Button'
import type { IFolder, ILookWithQuery } from '@looker/sdk/lib/4.0/models'
import { useState, type Ref } from 'react'
import { useNavigate } from 'react-router'
import { folderPickerSource } from '../../api/folders'
import { useCopyLook, useMoveLook, useRestoreLook, useSoftDeleteLook } from '../../api/lookMutations'
import { FolderPickerDialog } from '../../components/FolderPicker'
import { useNotify } from '../../components/Notifier'
import { useBackend } from '../../lib/backend'
import { describeError } from '../../lib/errors'
import { GatedButton } from '../../components/GatedButton'
import { lookActionGates } from './lookPermissions'

interface Props {
  look: ILookWithQuery
  editing: boolean
  onEdit: () => void
  editRef?: Ref<HTMLButtonElement>
  deleteRef?: Ref<HTMLButtonElement>
  /** A delete (which hides the Delete button) or its undo has been asked for; it may still fail. */
  onDeleting?: () => void
  onRestoring?: () => void
}

type OpenDialog = 'copy' | 'move' | null

/** Edit, Copy, Move, Delete (and Open in Looker when connected), each gated by the look's `can` map. */
export function LookActions({ look, editing, onEdit, editRef, deleteRef, onDeleting, onRestoring }: Props) {
  const lookId = look.id ?? ''
  const folderId = look.folder_id ?? null
  const gates = lookActionGates(look, editing)
  const notify = useNotify()
  const { lookerWebUrl } = useBackend()
  const navigate = useNavigate()
  const [dialog, setDialog] = useState<OpenDialog>(null)
  const [dialogError, setDialogError] = useState<string | null>(null)
  const copy = useCopyLook()
  const move = useMoveLook()
  const softDelete = useSoftDeleteLook()
  const restore = useRestoreLook()

  const openDialog = (which: OpenDialog) => {
    setDialogError(null)
    setDialog(which)
  }

  const undoDelete = () => {
    onRestoring?.()
    // As in TrashBanner: the outcome is told even if this component has gone by the time Looker answers.
    restore.mutateAsync({ lookId, folderId }).then(
      () => notify({ severity: 'success', message: `Restored “${look.title ?? ''}”.` }),
      (error: unknown) =>
        notify({ severity: 'error', message: `Could not undo the delete: ${describeError(error)}` }),
    )
  }

  const deleteNow = () => {
    onDeleting?.()
    softDelete.mutate(
      { lookId },
      {
        onSuccess: () =>
          notify({
            severity: 'info',
            message: `Moved “${look.title ?? ''}” to the trash.`,
            action: { label: 'Undo', onClick: undoDelete },
          }),
        onError: (error) => {
          // The look is back (the optimistic delete is rolled back), and with it the Delete button.
          onRestoring?.()
          notify({ severity: 'error', message: `Could not delete the look: ${describeError(error)}` })
        },
      },
    )
  }

  // mutateAsync: the picker locks until the promise settles, so a double click makes one copy.
  const copyTo = (folder: IFolder) =>
    copy.mutateAsync({ lookId, folderId: folder.id ?? '' }).then(
      (created) => {
        setDialog(null)
        notify({
          severity: 'success',
          message: `Copied to “${folder.name ?? 'the folder'}”. You are now viewing the copy.`,
        })
        void navigate(`/looks/${encodeURIComponent(created.id ?? '')}`)
      },
      (error: unknown) => {
        setDialogError(`Could not copy the look: ${describeError(error)}`)
        throw error
      },
    )

  const moveTo = (folder: IFolder) =>
    move.mutateAsync({ lookId, folderId: folder.id ?? '' }).then(
      () => {
        setDialog(null)
        notify({ severity: 'success', message: `Moved to “${folder.name ?? 'the folder'}”.` })
      },
      (error: unknown) => {
        setDialogError(`Could not move the look: ${describeError(error)}`)
        throw error
      },
    )

  return (
    <>
      {lookerWebUrl && (
        <Button
          href={`${lookerWebUrl.replace(/\/$/, '')}/looks/${encodeURIComponent(lookId)}`}
          target="_blank"
          rel="noopener noreferrer"
          startIcon={<OpenInNewIcon />}
        >
          Open in Looker
        </Button>
      )}
      {!gates.edit.hidden && (
        <GatedButton
          ref={editRef}
          reason={gates.edit.reason}
          onClick={onEdit}
          startIcon={<EditIcon />}
          variant="outlined"
        >
          Edit
        </GatedButton>
      )}
      {!gates.copy.hidden && (
        <GatedButton
          reason={gates.copy.reason}
          onClick={() => openDialog('copy')}
          startIcon={<ContentCopyIcon />}
          variant="outlined"
        >
          Copy
        </GatedButton>
      )}
      {!gates.move.hidden && (
        <GatedButton
          reason={gates.move.reason}
          onClick={() => openDialog('move')}
          startIcon={<DriveFileMoveIcon />}
          variant="outlined"
        >
          Move
        </GatedButton>
      )}
      {!gates.delete.hidden && (
        <GatedButton
          ref={deleteRef}
          reason={softDelete.isPending ? 'Deleting…' : gates.delete.reason}
          onClick={deleteNow}
          startIcon={<DeleteIcon />}
          variant="outlined"
          color="error"
        >
          Delete
        </GatedButton>
      )}
      <FolderPickerDialog
        source={folderPickerSource}
        open={dialog === 'copy'}
        title="Copy to folder"
        confirmLabel="Copy here"
        initialFolderId={folderId}
        requireEditable
        error={dialogError}
        onConfirm={copyTo}
        onCancel={() => setDialog(null)}
      />
      <FolderPickerDialog
        source={folderPickerSource}
        open={dialog === 'move'}
        title="Move to folder"
        confirmLabel="Move here"
        initialFolderId={folderId}
        disabledFolderIds={folderId ? [folderId] : []}
        disabledReason="The look is already in this folder"
        requireEditable
        error={dialogError}
        onConfirm={moveTo}
        onCancel={() => setDialog(null)}
      />
    </>
  )
}
