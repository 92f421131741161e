import FolderIcon from '@mui/icons-material/FolderOutlined'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import { useEffect, useRef, useState } from 'react'
import { FolderPickerDialog } from './FolderPickerDialog'
import type { FolderSource } from './folderSource'

interface Props {
  source: FolderSource
  /** The chosen folder, or null for any folder. */
  folderId: string | null
  onChange: (id: string | null) => void
  /** The picker dialog's title and confirm button, e.g. "Show dashboards from folder". */
  dialogTitle: string
  confirmLabel: string
}

/**
 * A list's folder filter: "Any folder" opens the folder picker; a chosen folder shows as a chip that
 * opens it again, with a delete button to go back to any folder.
 */
export function FolderFilter({ source, folderId, onChange, dialogTitle, confirmLabel }: Props) {
  const [open, setOpen] = useState(false)
  const folder = source.useFolder(folderId)
  // Choosing a folder replaces the "Any folder" button with the chip (and removing the chip brings the
  // button back): the control that had focus is gone, so focus its replacement once it is on screen.
  const control = useRef<HTMLDivElement & HTMLButtonElement>(null)
  const refocus = useRef(false)
  useEffect(() => {
    if (!refocus.current) return
    refocus.current = false
    control.current?.focus()
  }, [folderId])
  const change = (id: string | null) => {
    refocus.current = id !== folderId
    onChange(id)
  }
  return (
    <>
      {folderId ? (
        <Chip
          ref={control}
          icon={<FolderIcon />}
          label={`Folder: ${folder.data?.name ?? (folder.isError ? `#${folderId} (no longer exists)` : '…')}`}
          onClick={() => setOpen(true)}
          onDelete={() => change(null)}
          sx={{ mt: 0.5 }}
        />
      ) : (
        <Button
          ref={control}
          startIcon={<FolderIcon />}
          onClick={() => setOpen(true)}
          sx={{ alignSelf: 'flex-start', mt: 0.5 }}
        >
          Any folder
        </Button>
      )}
      <FolderPickerDialog
        source={source}
        open={open}
        title={dialogTitle}
        confirmLabel={confirmLabel}
        initialFolderId={folderId}
        onCancel={() => setOpen(false)}
        onConfirm={(f) => {
          setOpen(false)
          change(f.id ?? null)
        }}
      />
    </>
  )
}
