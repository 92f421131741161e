import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import FormHelperText from '@mui/material/FormHelperText'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import type { IFolder, ILookWithQuery } from '@looker/sdk/lib/4.0/models'
import { useQuery } from '@tanstack/react-query'
import { useId, useRef, useState, type FormEvent } from 'react'
import { folderPickerSource, folderQueries } from '../../api/folders'
import { useCreateLook } from '../../api/lookMutations'
import { userQueries } from '../../api/users'
import { ErrorPanel } from '../../components/ErrorPanel'
import { FolderPickerDialog } from '../../components/FolderPicker'
import { checkSaveForm, NO_SAVE_ERRORS, saveErrorsFrom, type SaveErrors } from './saveForm'
import { MAX_TITLE_LENGTH } from './variant'

interface Props {
  open: boolean
  /** The adjusted query (already made for the preview). */
  queryId: string
  proposedTitle: string
  onClose: () => void
  onSaved: (look: ILookWithQuery, folderName: string) => void
}

/** "Save as a new look": title (proposed from the changes), description and folder, then create_look. */
export function SaveVariantDialog(props: Props) {
  const titleId = useId()
  // While the look is being created the dialog stays: its answer decides where the user goes next.
  const [busy, setBusy] = useState(false)
  return (
    <Dialog
      open={props.open}
      onClose={busy ? undefined : props.onClose}
      aria-labelledby={titleId}
      fullWidth
      maxWidth="sm"
    >
      <DialogTitle id={titleId}>Save as a new look</DialogTitle>
      {props.open && <SaveForm {...props} onBusy={setBusy} />}
    </Dialog>
  )
}

/**
 * The form, mounted while the dialog is open. A refused save keeps every value and says what is wrong
 * under its field; the Save button locks while the request is out, so one press makes one look.
 */
function SaveForm({
  queryId,
  proposedTitle,
  onClose,
  onSaved,
  onBusy,
}: Props & { onBusy: (busy: boolean) => void }) {
  const [title, setTitle] = useState(proposedTitle)
  const [description, setDescription] = useState('')
  const [chosen, setChosen] = useState<IFolder | null>(null)
  const [picking, setPicking] = useState(false)
  const [errors, setErrors] = useState<SaveErrors>(NO_SAVE_ERRORS)
  const create = useCreateLook()
  const sending = useRef(false)
  const folderHelpId = useId()
  // The user's personal folder is proposed until another is chosen (Looker's own default for a new look).
  const me = useQuery(userQueries.me())
  const personalId = me.data?.personal_folder_id ?? null
  const personal = useQuery({ ...folderQueries.detail(personalId ?? ''), enabled: personalId !== null })
  const proposed = personal.data?.can?.edit_content === true ? personal.data : null
  const folder = chosen ?? proposed

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (sending.current) return
    const problems = checkSaveForm({ title, folderId: folder?.id ?? null })
    if (problems) return setErrors(problems)
    sending.current = true
    onBusy(true)
    setErrors(NO_SAVE_ERRORS)
    try {
      const look = await create.mutateAsync({
        query: queryId,
        look: { title: title.trim(), description: description.trim() || null, folder_id: folder?.id ?? '' },
      })
      onSaved(look, folder?.name ?? 'the folder')
    } catch (error) {
      setErrors(saveErrorsFrom(error))
    } finally {
      sending.current = false
      onBusy(false)
    }
  }

  const busy = create.isPending
  return (
    <>
      <DialogContent dividers>
        <Stack
          component="form"
          id="save-variant-form"
          noValidate
          onSubmit={(e) => void submit(e)}
          spacing={2.5}
        >
          <Typography variant="body2" color="text.secondary">
            A new look with the adjusted query. The look you adjusted stays as it is.
          </Typography>
          <TextField
            label="Title"
            required
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            error={Boolean(errors.fields.title)}
            helperText={errors.fields.title ?? `${title.trim().length} / ${MAX_TITLE_LENGTH}`}
            autoFocus
            fullWidth
          />
          <TextField
            label="Description"
            value={description}
            onChange={(e) => setDescription(e.target.value)}
            error={Boolean(errors.fields.description)}
            helperText={errors.fields.description}
            multiline
            minRows={2}
            fullWidth
          />
          <Stack spacing={0.5} role="group" aria-labelledby={folderHelpId}>
            <Typography id={folderHelpId} variant="subtitle2">
              Folder
            </Typography>
            <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
              <Typography sx={{ flexGrow: 1 }} color={folder ? 'text.primary' : 'text.secondary'}>
                {folder
                  ? `${folder.name ?? `Folder ${folder.id}`}${folder.id === personalId ? ' (your personal folder)' : ''}`
                  : me.isPending || personal.isFetching
                    ? 'Finding your personal folder…'
                    : 'No folder chosen'}
              </Typography>
              <Button onClick={() => setPicking(true)} disabled={busy}>
                {folder ? 'Change folder…' : 'Choose folder…'}
              </Button>
            </Stack>
            {errors.fields.folder && <FormHelperText error>{errors.fields.folder}</FormHelperText>}
          </Stack>
          {errors.form && <ErrorPanel variant="inline" detail={errors.form} />}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={onClose} disabled={busy}>
          Cancel
        </Button>
        <Button
          type="submit"
          form="save-variant-form"
          variant="contained"
          disabled={busy}
          startIcon={busy ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          Save
        </Button>
      </DialogActions>
      <FolderPickerDialog
        source={folderPickerSource}
        open={picking}
        title="Save in folder"
        confirmLabel="Choose this folder"
        initialFolderId={folder?.id ?? null}
        requireEditable
        onConfirm={(picked) => {
          setChosen(picked)
          setErrors((e) => ({ ...e, fields: { ...e.fields, folder: undefined } }))
          setPicking(false)
        }}
        onCancel={() => setPicking(false)}
      />
    </>
  )
}
