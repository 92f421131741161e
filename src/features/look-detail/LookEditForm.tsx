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
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { drafts } from '../../lib/drafts'
import { isLookEditConflict, useUpdateLook } from '../../api/lookMutations'
import type { WireDate } from '../../lib/dates'
import { ConfirmDialog } from '../../components/ConfirmDialog'
import { ErrorPanel } from '../../components/ErrorPanel'
import { formatDateTime } from '../../lib/dates'
import { describeError, hasStatus } from '../../lib/errors'
import {
  changesBetween,
  isDirty,
  lookDraftKey,
  MAX_TITLE_LENGTH,
  SERVER_FIELD,
  validate,
  valuesOf,
  type EditDraft,
  type EditValues,
  type FieldErrors,
} from './lookEditValues'
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard'

interface Props {
  look: ILookWithQuery
  /** The form is done: saved (with the server's look), cancelled, or reloaded after a conflict. */
  onClose: (outcome: 'saved' | 'cancelled' | 'reloaded') => void
}

/**
 * Edits title, description, run on load and public. Nothing typed is lost: a failed save keeps the
 * values, leaving asks first, and a change made elsewhere meanwhile is caught before it is overwritten.
 */
export function LookEditForm({ look, onClose }: Props) {
  const lookId = look.id ?? ''
  const draftKey = lookDraftKey(lookId)
  // An edit interrupted by a reload or a sign-in round trip comes back from its draft.
  const [restored] = useState(() => drafts.read<EditDraft>(draftKey))
  // What the edit started from: the base for "dirty", for the PATCH diff and for conflict detection.
  const [base] = useState(() => restored?.base ?? valuesOf(look))
  const [startedAt, setStartedAt] = useState<WireDate>(restored?.startedAt ?? look.updated_at)
  const [values, setValues] = useState<EditValues>(restored?.values ?? base)
  const [clientErrors, setClientErrors] = useState<FieldErrors>({})
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [conflict, setConflict] = useState<ILookWithQuery | null>(null)
  const [confirmCancel, setConfirmCancel] = useState(false)
  const [attempted, setAttempted] = useState(false)
  const titleRef = useRef<HTMLInputElement>(null)
  const update = useUpdateLook()
  const dirty = isDirty(base, values)
  const blocker = useUnsavedChangesGuard(dirty && !update.isSuccess)
  const errors: FieldErrors = { ...serverErrors, ...clientErrors }
  const canChangePublic = look.can?.update_publicity === true

  useEffect(() => {
    if (dirty) drafts.write(draftKey, { base, startedAt, values } satisfies EditDraft)
    else drafts.clear(draftKey)
  }, [dirty, draftKey, base, startedAt, values])
  const close = (outcome: 'saved' | 'cancelled' | 'reloaded') => {
    drafts.clear(draftKey)
    onClose(outcome)
  }

  const change = <K extends keyof EditValues>(field: K, value: EditValues[K]) => {
    const next = { ...values, [field]: value }
    setValues(next)
    setServerErrors((current) => ({ ...current, [field]: undefined }))
    if (attempted || clientErrors.title) setClientErrors(validate(next))
  }

  const save = (expectedUpdatedAt: WireDate) => {
    setFormError(null)
    setConflict(null)
    update.mutate(
      { lookId, changes: changesBetween(base, values), expectedUpdatedAt },
      {
        onSuccess: () => close('saved'),
        onError: (error) => {
          if (isLookEditConflict(error)) {
            setConflict(error.current)
            return
          }
          // Titles are unique within a folder: Looker answers 409 for a clash, which belongs under Title.
          if (hasStatus(error, 409)) {
            setServerErrors({ title: error.message })
            titleRef.current?.focus()
            return
          }
          if (hasStatus(error, 422) && error.fieldErrors.length > 0) {
            const mapped: FieldErrors = {}
            const unplaced: string[] = []
            for (const fieldError of error.fieldErrors) {
              const field = Object.hasOwn(SERVER_FIELD, fieldError.field)
                ? SERVER_FIELD[fieldError.field]
                : null
              if (field) mapped[field] = `${capitalize(fieldError.message)}.`.replace(/\.\.$/, '.')
              else unplaced.push(`${fieldError.field}: ${fieldError.message}`)
            }
            setServerErrors(mapped)
            if (mapped.title) titleRef.current?.focus()
            if (unplaced.length > 0) setFormError(unplaced.join('; '))
            return
          }
          setFormError(describeError(error))
        },
      },
    )
  }

  const onSubmit = (event: FormEvent) => {
    event.preventDefault()
    if (update.isPending) return
    setAttempted(true)
    const found = validate(values)
    setClientErrors(found)
    if (found.title) {
      titleRef.current?.focus()
      return
    }
    if (!dirty) {
      close('cancelled')
      return
    }
    save(startedAt)
  }

  const overwrite = () => {
    if (!conflict) return
    // From now on the edit is based on their version: a further change elsewhere is caught again.
    setStartedAt(conflict.updated_at)
    save(conflict.updated_at)
  }

  return (
    <Card variant="outlined">
      <CardContent>
        <Typography variant="h2" gutterBottom>
          Edit look
        </Typography>
        <Stack component="form" noValidate onSubmit={onSubmit} spacing={2} aria-label="Edit look">
          <TextField
            label="Title"
            required
            value={values.title}
            onChange={(event) => change('title', event.target.value)}
            onBlur={() => {
              if (!attempted) setClientErrors(validate(values))
            }}
            error={Boolean(errors.title)}
            helperText={errors.title ?? `${values.title.trim().length} / ${MAX_TITLE_LENGTH}`}
            inputRef={titleRef}
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
          {conflict && (
            <Alert
              severity="warning"
              action={
                <Stack direction="row" spacing={1}>
                  <Button color="inherit" size="small" onClick={() => close('reloaded')}>
                    Reload
                  </Button>
                  <Button color="inherit" size="small" onClick={overwrite}>
                    Overwrite
                  </Button>
                </Stack>
              }
            >
              <AlertTitle>This look changed while you were editing</AlertTitle>
              It was updated {formatDateTime(conflict.updated_at) ?? 'recently'}
              {conflict.title !== base.title ? ` (title now “${conflict.title ?? ''}”)` : ''}. Reload discards
              your changes and shows the current version; Overwrite saves your changes over it.
            </Alert>
          )}
          {formError && <ErrorPanel title="Your changes were not saved" detail={formError} />}
          <Stack direction="row" spacing={1}>
            <Button
              type="submit"
              variant="contained"
              disabled={update.isPending}
              startIcon={update.isPending ? <CircularProgress size={16} color="inherit" /> : undefined}
            >
              Save
            </Button>
            <Button
              disabled={update.isPending}
              onClick={() => (dirty ? setConfirmCancel(true) : close('cancelled'))}
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
          close('cancelled')
        }}
      />
      <ConfirmDialog
        open={blocker.state === 'blocked'}
        title="Leave without saving?"
        message="Your changes to this look have not been saved. If you leave now they will be lost."
        confirmLabel="Leave and discard"
        destructive
        onCancel={() => blocker.reset?.()}
        onConfirm={() => {
          // The user chose to leave: their edit is discarded, not kept for the next visit.
          drafts.clear(draftKey)
          blocker.proceed?.()
        }}
      />
    </Card>
  )
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1)
}
