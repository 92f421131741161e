import type { ILookWithQuery } from '@looker/sdk/lib/4.0/models'
import { useEffect, useRef, useState, type FormEvent } from 'react'
import { isLookEditConflict, useUpdateLook } from '../../api/lookMutations'
import type { WireDate } from '../../lib/dates'
import { drafts } from '../../lib/drafts'
import { describeError, fieldErrorsFrom } from '../../lib/errors'
import {
  changesBetween,
  isDirty,
  lookDraftKey,
  SERVER_FIELD,
  validate,
  valuesOf,
  type EditDraft,
  type EditField,
  type EditValues,
  type FieldErrors,
} from './lookEditValues'
import { useUnsavedChangesGuard } from './useUnsavedChangesGuard'

export type EditOutcome = 'saved' | 'cancelled' | 'reloaded'

/**
 * One edit of a look, from start to save (decision 0006). Nothing typed is lost: the values are kept
 * as a draft (a reload or a sign-in round trip brings them back), a failed save keeps them, leaving asks
 * first, and a change made elsewhere meanwhile is caught (`conflict`) before it is overwritten.
 */
export function useLookEditSession(look: ILookWithQuery, onClose: (outcome: EditOutcome) => void) {
  const lookId = look.id ?? ''
  const draftKey = lookDraftKey(lookId)
  // An edit interrupted by a reload or a sign-in round trip comes back from its draft.
  const [restored] = useState(() => drafts.read<EditDraft>(draftKey))
  // What the edit started from: the base for "dirty", for the PATCH diff and for conflict detection.
  const [base] = useState(() => restored?.base ?? valuesOf(look))
  const [startedAt, setStartedAt] = useState<WireDate>(restored?.startedAt ?? look.updated_at)
  const [values, setValues] = useState<EditValues>(restored?.values ?? base)
  // Client errors show once Save was pressed (or the title left); server errors until that field changes.
  const [attempted, setAttempted] = useState(false)
  const [clientErrors, setClientErrors] = useState<FieldErrors>({})
  const [serverErrors, setServerErrors] = useState<FieldErrors>({})
  const [formError, setFormError] = useState<string | null>(null)
  const [conflict, setConflict] = useState<ILookWithQuery | null>(null)
  const titleRef = useRef<HTMLInputElement>(null)
  const update = useUpdateLook()
  const dirty = isDirty(base, values)
  const blocker = useUnsavedChangesGuard(dirty && !update.isSuccess)

  useEffect(() => {
    if (dirty) drafts.write(draftKey, { base, startedAt, values } satisfies EditDraft)
    else drafts.clear(draftKey)
  }, [dirty, draftKey, base, startedAt, values])

  const close = (outcome: EditOutcome) => {
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
          if (isLookEditConflict(error)) return setConflict(error.current)
          // Titles are unique within a folder: Looker answers 409 for a clash, which belongs under Title.
          const mapped = fieldErrorsFrom<EditField>(error, SERVER_FIELD, 'title')
          if (!mapped) return setFormError(describeError(error))
          setServerErrors(mapped.fields)
          if (mapped.fields.title) titleRef.current?.focus()
          if (mapped.unplaced.length > 0) setFormError(mapped.unplaced.join('; '))
        },
      },
    )
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (update.isPending) return
    setAttempted(true)
    const found = validate(values)
    setClientErrors(found)
    if (found.title) return titleRef.current?.focus()
    if (!dirty) return close('cancelled')
    save(startedAt)
  }

  return {
    values,
    base,
    change,
    /** Leaving the title checks it, until Save was pressed once (then every change does). */
    checkTitle: () => {
      if (!attempted) setClientErrors(validate(values))
    },
    errors: { ...serverErrors, ...clientErrors } as FieldErrors,
    formError,
    conflict,
    dirty,
    saving: update.isPending,
    submit,
    close,
    /** Save over their version: from now on the edit is based on it, so a further change is caught again. */
    overwrite: () => {
      if (!conflict) return
      setStartedAt(conflict.updated_at)
      save(conflict.updated_at)
    },
    /** Leaving (in-app navigation) while the edit is not saved: the page asks, then proceeds or stays. */
    blocker,
    /** The user chose to leave: their edit is discarded, not kept for the next visit. */
    leave: () => {
      drafts.clear(draftKey)
      blocker.proceed?.()
    },
    titleRef,
  }
}
