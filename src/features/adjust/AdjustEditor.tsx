import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import type { ILookmlModelExplore, IQuery } from '@looker/sdk/lib/4.0/models'
import { useMemo, useState, type FormEvent } from 'react'
import { describeError } from '../../lib/errors'
import { adjustmentsFrom, draftFrom, limitError, type Draft, type DraftErrors } from './adjustDraft'
import { MAX_ROW_LIMIT, type Adjustments } from './adjustParams'
import { FieldPicker, pickableFields } from './FieldPicker'
import { FilterRows } from './FilterRows'
import { SortRows } from './SortRows'

interface Props {
  saved: IQuery
  adjustments: Adjustments
  explore: ILookmlModelExplore | undefined
  exploreLoading: boolean
  exploreError: unknown
  labelOf: (field: string) => string
  onShow: (adjustments: Adjustments) => void
  onCancel: () => void
}

/**
 * The Adjust form: the look's filters (change a value, take one off, add one on any field of the
 * explore), its row limit and its sorts. Typing changes nothing yet; "Preview changes" shows the variant
 * (and puts it in the URL). Whatever is wrong is said under its field and nothing is lost.
 */
export function AdjustEditor(props: Props) {
  const { saved, labelOf } = props
  const [draft, setDraft] = useState<Draft>(() => draftFrom(saved, props.adjustments))
  const [errors, setErrors] = useState<DraftErrors | null>(null)
  const [added, setAdded] = useState<string | null>(null)
  const fields = useMemo(() => pickableFields(props.explore), [props.explore])
  const filtered = useMemo(() => new Set(draft.filters.map((r) => r.field)), [draft.filters])
  const savedLimit = saved.limit ? Number(saved.limit).toLocaleString('en-US') : null
  const liveLimitError = limitError(draft.limit, false)

  const change = (patch: Partial<Draft>) => {
    setDraft((d) => ({ ...d, ...patch }))
    setErrors(null)
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    const result = adjustmentsFrom(draft, saved)
    if (result.errors) setErrors(result.errors)
    else props.onShow(result.adjustments)
  }

  return (
    <Stack component="form" noValidate onSubmit={submit} spacing={2.5} aria-label="Adjust the look">
      <Stack spacing={1.5} component="fieldset" sx={{ border: 0, m: 0, p: 0, minWidth: 0 }}>
        <Typography component="legend" variant="subtitle2" sx={{ mb: 1.5 }}>
          Filters
        </Typography>
        <FilterRows
          rows={draft.filters}
          errors={errors?.filters ?? {}}
          labelOf={labelOf}
          focusField={added}
          onChange={(filters) => change({ filters })}
        />
        <FieldPicker
          fields={fields}
          exclude={filtered}
          loading={props.exploreLoading}
          error={
            props.exploreError
              ? `The explore's fields could not be read: ${describeError(props.exploreError)}`
              : null
          }
          onPick={(f) => {
            setAdded(f.name)
            change({ filters: [...draft.filters, { field: f.name, value: '', saved: null, removed: false }] })
          }}
        />
      </Stack>
      <TextField
        label="Row limit"
        value={draft.limit}
        onChange={(e) => change({ limit: e.target.value })}
        error={Boolean(errors?.limit ?? liveLimitError)}
        helperText={
          errors?.limit ??
          liveLimitError ??
          `1 to ${MAX_ROW_LIMIT.toLocaleString('en-US')} rows${savedLimit ? ` · saved: ${savedLimit}` : ''}`
        }
        slotProps={{ htmlInput: { inputMode: 'numeric' } }}
        size="small"
        sx={{ width: 220 }}
      />
      <Stack spacing={1.5} component="fieldset" sx={{ border: 0, m: 0, p: 0, minWidth: 0 }}>
        <Typography component="legend" variant="subtitle2" sx={{ mb: 1.5 }}>
          Sorts
        </Typography>
        <SortRows
          rows={draft.sorts}
          fields={saved.fields ?? []}
          labelOf={labelOf}
          error={errors?.sorts}
          onChange={(sorts) => change({ sorts })}
        />
      </Stack>
      <Stack direction="row" spacing={1}>
        <Button type="submit" variant="contained">
          Preview changes
        </Button>
        <Button onClick={props.onCancel}>Cancel</Button>
      </Stack>
    </Stack>
  )
}
