import SearchIcon from '@mui/icons-material/Search'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import InputAdornment from '@mui/material/InputAdornment'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import type { IFolder } from '@looker/sdk/lib/4.0/models'
import { useId, useRef, useState } from 'react'
import { ErrorPanel } from '../ErrorPanel'
import { FolderPath } from './FolderPath'
import { FolderSearchResults } from './FolderSearchResults'
import { FolderTree } from './FolderTree'
import { disabledReasonFor, type FolderRules } from './folderRules'
import type { FolderSource } from './folderSource'
import { useDebouncedCallback } from '../../lib/useDebouncedCallback'
import { useFolderExpansion } from './useFolderExpansion'

export interface FolderPickerDialogProps extends FolderRules {
  /** Where folders come from (api/folders.ts: `folderPickerSource`). */
  source: FolderSource
  open: boolean
  title: string
  confirmLabel: string
  /** Revealed in the tree when the dialog opens, and preselected if it may be chosen. */
  initialFolderId?: string | null
  /** Shown above the actions, e.g. why the last attempt failed. */
  error?: string | null
  /**
   * Called once per press. While a returned promise is pending the dialog is locked, so a double click
   * acts once; a rejection unlocks it (the caller shows why through `error`).
   */
  onConfirm: (folder: IFolder) => unknown
  onCancel: () => void
}

/** The one folder picker: search by name or browse the tree, with folders that may not be chosen marked. */
export function FolderPickerDialog(props: FolderPickerDialogProps) {
  const [busy, setBusy] = useState(false)
  const titleId = useId()
  return (
    <Dialog
      open={props.open}
      onClose={busy ? undefined : props.onCancel}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id={titleId}>{props.title}</DialogTitle>
      {props.open && <PickerBody {...props} busy={busy} setBusy={setBusy} />}
    </Dialog>
  )
}

interface BodyProps extends FolderPickerDialogProps {
  busy: boolean
  setBusy: (busy: boolean) => void
}

function PickerBody({ busy, setBusy, ...props }: BodyProps) {
  const rules: FolderRules = {
    disabledFolderIds: props.disabledFolderIds,
    disabledReason: props.disabledReason,
    requireEditable: props.requireEditable,
  }
  const [text, setText] = useState('')
  const [term, setTerm] = useState('')
  const debounced = useDebouncedCallback((next: string) => setTerm(next.trim()), 250)
  const [selected, setSelected] = useState<IFolder | null>(null)
  // Once the user has chosen or moved in the tree, a late answer about the starting folder only reveals it.
  const [userMoved, setUserMoved] = useState(false)
  const [focusedKey, setFocusedKey] = useState<string | null>(null)
  const choose = (folder: IFolder | null) => {
    setUserMoved(true)
    setSelected(folder)
  }
  const focusOn = (key: string | null) => {
    setUserMoved(true)
    setFocusedKey(key)
  }
  const [revealed, setRevealed] = useState(false)
  const lock = useRef(false)
  const searchId = useId()
  const treeLabelId = useId()

  const initialId = props.initialFolderId ?? null
  const initial = props.source.useFolder(initialId)
  // Opens the initial folder's ancestors as soon as they are known.
  const { expanded, toggle, revealedKey } = useFolderExpansion(props.source, initialId)

  // Focus and preselect the initial folder once its place in the tree is known (adjusting state during render),
  // unless the user has already chosen: an answer that arrives late never replaces their choice.
  if (!revealed && initial.data && revealedKey) {
    setRevealed(true)
    if (!userMoved) {
      setFocusedKey(revealedKey)
      if (!disabledReasonFor(initial.data, rules)) setSelected(initial.data)
    }
  }

  const confirm = async () => {
    if (!selected || lock.current) return
    lock.current = true
    setBusy(true)
    try {
      await props.onConfirm(selected)
    } catch {
      // The caller reports the failure through `error`; the dialog only unlocks.
    } finally {
      lock.current = false
      setBusy(false)
    }
  }

  return (
    <>
      <DialogContent dividers sx={{ display: 'flex', flexDirection: 'column', gap: 2, minHeight: 360 }}>
        <TextField
          label="Search folders"
          value={text}
          onChange={(event) => {
            setText(event.target.value)
            debounced.call(event.target.value)
          }}
          autoFocus
          size="small"
          id={searchId}
          slotProps={{
            input: {
              startAdornment: (
                <InputAdornment position="start">
                  <SearchIcon fontSize="small" />
                </InputAdornment>
              ),
            },
          }}
        />
        <Box sx={{ flex: 1, overflow: 'auto', maxHeight: 360 }}>
          {term ? (
            <>
              <Typography id={treeLabelId} variant="overline" component="div">
                Folders matching “{term}”
              </Typography>
              <FolderSearchResults
                source={props.source}
                term={term}
                rules={rules}
                selectedId={selected?.id ?? null}
                onSelect={choose}
                labelId={treeLabelId}
              />
            </>
          ) : (
            <>
              <Typography id={treeLabelId} variant="overline" component="div">
                All folders
              </Typography>
              <FolderTree
                source={props.source}
                labelId={treeLabelId}
                rules={rules}
                selectedId={selected?.id ?? null}
                focusedKey={focusedKey}
                expanded={expanded}
                onSelect={choose}
                onFocus={focusOn}
                onToggle={toggle}
              />
            </>
          )}
        </Box>
        <Typography aria-live="polite">
          {selected ? (
            <>
              Selected:{' '}
              <FolderPath source={props.source} folderId={selected.id ?? ''} leafName={selected.name} />
            </>
          ) : (
            <Box component="span" sx={{ color: 'text.secondary' }}>
              No folder selected.
            </Box>
          )}
        </Typography>
        {props.error && <ErrorPanel variant="inline" detail={props.error} />}
      </DialogContent>
      <DialogActions>
        <Button onClick={props.onCancel} disabled={busy}>
          Cancel
        </Button>
        <Button
          variant="contained"
          disabled={!selected || busy}
          onClick={() => void confirm()}
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {props.confirmLabel}
        </Button>
      </DialogActions>
    </>
  )
}
