import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Button from '@mui/material/Button'
import Card from '@mui/material/Card'
import CardContent from '@mui/material/CardContent'
import CircularProgress from '@mui/material/CircularProgress'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormHelperText from '@mui/material/FormHelperText'
import Stack from '@mui/material/Stack'
import Switch from '@mui/material/Switch'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import type { ILookWithQuery } from '@looker/sdk/lib/4.0/models'
import { useState } from 'react'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorPanel } from '../../components/ErrorPanel'
import { formatDateTime } from '../../lib/dates'
import { MAX_TITLE_LENGTH } from './lookEditValues'
import { useLookEditSession, type EditOutcome } from './useLookEditSession'

interface Props {
  look: ILookWithQuery
  /** The form is done: saved (with the server's look), cancelled, or reloaded after a conflict. */
  onClose: (outcome: EditOutcome) => void
}

/**
 * Edits title, description, run on load and public. Nothing typed is lost: a failed save keeps the
 * values, leaving asks first, and a change made elsewhere meanwhile is caught before it is overwritten.
 */
export function LookEditForm({ look, onClose }: Props) {
  const edit = useLookEditSession(look, onClose)
  const [confirmCancel, setConfirmCancel] = useState(false)
  const { values, errors, change } = edit
  const canChangePublic = look.can?.update_publicity === true

  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h2" gutterBottom>
          Edit look
        </Typography>
        <Stack component="form" noValidate onSubmit={edit.submit} spacing={2} aria-label="Edit look">
          <TextField
            label="Title"
            required
            value={values.title}
            onChange={(event) => change('title', event.target.value)}
            onBlur={edit.checkTitle}
            error={Boolean(errors.title)}
            helperText={errors.title ?? `${values.title.trim().length} / ${MAX_TITLE_LENGTH}`}
            inputRef={edit.titleRef}
            autoFocus
            fullWidth
          />
          <TextField
            label="Description"
            value={values.description}
            onChange={(event) => change('description', event.target.value)}
            error={Boolean(errors.description)}
            helperText={errors.description}
            multiline
            minRows={3}
            fullWidth
          />
          <div>
            <FormControlLabel
              control={
                <Switch
                  checked={values.isRunOnLoad}
                  onChange={(event) => change('isRunOnLoad', event.target.checked)}
                />
              }
              label="Run on load"
            />
            <FormHelperText error={Boolean(errors.isRunOnLoad)} sx={{ mt: 0 }}>
              {errors.isRunOnLoad ?? 'Run the query as soon as the look is opened in Looker.'}
            </FormHelperText>
          </div>
          <div>
            <FormControlLabel
              control={
                <Switch
                  checked={values.isPublic}
                  disabled={!canChangePublic}
                  onChange={(event) => change('isPublic', event.target.checked)}
                />
              }
              label="Public"
            />
            <FormHelperText error={Boolean(errors.isPublic)} sx={{ mt: 0 }}>
              {errors.isPublic ??
                (canChangePublic
                  ? 'Anyone with the public link can see the look, without signing in.'
                  : 'You are not allowed to change whether this look is public.')}
            </FormHelperText>
          </div>
          {edit.conflict && (
            <ConflictAlert
              current={edit.conflict}
              startTitle={edit.base.title}
              onReload={() => edit.close('reloaded')}
              onOverwrite={edit.overwrite}
            />
          )}
          {edit.formError && <ErrorPanel title="Your changes were not saved" detail={edit.formError} />}
          <Stack direction="row" spacing={1}>
            <Button
              type="submit"
              variant="contained"
              disabled={edit.saving}
              startIcon={edit.saving ? <CircularProgress size={16} color="inherit" /> : undefined}
            >
              Save
            </Button>
            <Button
              disabled={edit.saving}
              onClick={() => (edit.dirty ? setConfirmCancel(true) : edit.close('cancelled'))}
            >
              Cancel
            </Button>
          </Stack>
        </Stack>
      </CardContent>
      <ConfirmDialog
        open={confirmCancel}
        title="Discard your changes?"
        message="The changes you made to this look will be lost."
        confirmLabel="Discard changes"
        destructive
        onCancel={() => setConfirmCancel(false)}
        onConfirm={() => {
          setConfirmCancel(false)
          edit.close('cancelled')
        }}
      />
      <ConfirmDialog
        open={edit.blocker.state === 'blocked'}
        title="Leave without saving?"
        message="Your changes to this look have not been saved. If you leave now they will be lost."
        confirmLabel="Leave and discard"
        destructive
        onCancel={() => edit.blocker.reset?.()}
        onConfirm={edit.leave}
      />
    </Card>
  )
}

/** Someone else saved the look meanwhile: what changed, and the two ways on. */
function ConflictAlert({
  current,
  startTitle,
  onReload,
  onOverwrite,
}: {
  current: ILookWithQuery
  startTitle: string
  onReload: () => void
  onOverwrite: () => void
}) {
  return (
    <Alert
      severity="warning"
      action={
        <Stack direction="row" spacing={1}>
          <Button color="inherit" size="small" onClick={onReload}>
            Reload
          </Button>
          <Button color="inherit" size="small" onClick={onOverwrite}>
            Overwrite
          </Button>
        </Stack>
      }
    >
      <AlertTitle>This look changed while you were editing</AlertTitle>
      It was updated {formatDateTime(current.updated_at) ?? 'recently'}
      {current.title !== startTitle ? ` (title now “${current.title ?? ''}”)` : ''}. Reload discards your
      changes and shows the current version; Overwrite saves your changes over it.
    </Alert>
  )
}
