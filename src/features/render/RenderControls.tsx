import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import { useState, type FormEvent, type Ref } from 'react'
import type { ImageFormat } from '../../api/renderTasks'
import { MAX_SIZE, MIN_SIZE, PRESETS, sizeError, type RenderSettings } from './renderSettings'

interface Props {
  settings: RenderSettings
  busy: boolean
  /** Settings changed (kept in the URL as soon as they are valid). */
  onChange: (settings: RenderSettings) => void
  onRender: (settings: RenderSettings) => void
  renderButtonRef?: Ref<HTMLButtonElement>
  /** Id of the text saying why nothing can be rendered now (e.g. the look is in the trash); null when it can. */
  blockedBy?: string | null
}

/** Format, Width, Height (with presets) and Render. Sizes are checked here, before any request. */
export function RenderControls({
  settings,
  busy,
  onChange,
  onRender,
  renderButtonRef,
  blockedBy = null,
}: Props) {
  // Typed text is kept as typed, so an invalid value is shown with its error and never lost.
  const [draft, setDraft] = useState({ width: String(settings.width), height: String(settings.height) })
  // Only a size that changed from outside (a preset, the URL) replaces the typed text: changing the
  // format must not throw away a width still being typed.
  const [synced, setSynced] = useState(settings)
  if (synced.width !== settings.width || synced.height !== settings.height) {
    setSynced(settings)
    setDraft({ width: String(settings.width), height: String(settings.height) })
  }
  const widthError = sizeError(draft.width)
  const heightError = sizeError(draft.height)
  const valid = !widthError && !heightError

  const update = (next: Partial<typeof draft>) => {
    const merged = { ...draft, ...next }
    setDraft(merged)
    if (!sizeError(merged.width) && !sizeError(merged.height)) {
      onChange({ ...settings, width: Number(merged.width), height: Number(merged.height) })
    }
  }

  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!valid || busy || blockedBy) return
    onRender({ ...settings, width: Number(draft.width), height: Number(draft.height) })
  }

  return (
    <Stack component="form" onSubmit={submit} spacing={2} aria-label="Render settings" noValidate>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'flex-start' } }}>
        <TextField
          select
          label="Format"
          value={settings.format}
          onChange={(e) => onChange({ ...settings, format: e.target.value as ImageFormat })}
          sx={{ minWidth: 120 }}
          size="small"
        >
          <MenuItem value="png">PNG</MenuItem>
          <MenuItem value="jpg">JPEG</MenuItem>
        </TextField>
        <TextField
          label="Width"
          value={draft.width}
          onChange={(e) => update({ width: e.target.value })}
          error={Boolean(widthError)}
          helperText={widthError ?? `${MIN_SIZE}–${MAX_SIZE} px`}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          size="small"
          sx={{ width: 150 }}
        />
        <TextField
          label="Height"
          value={draft.height}
          onChange={(e) => update({ height: e.target.value })}
          error={Boolean(heightError)}
          helperText={heightError ?? `${MIN_SIZE}–${MAX_SIZE} px`}
          slotProps={{ htmlInput: { inputMode: 'numeric' } }}
          size="small"
          sx={{ width: 150 }}
        />
        <Button
          ref={renderButtonRef}
          type="submit"
          variant="contained"
          disabled={!valid || busy || blockedBy !== null}
          aria-describedby={blockedBy ?? undefined}
          sx={{ height: 40 }}
        >
          Render
        </Button>
      </Stack>
      <Stack
        direction="row"
        spacing={1}
        useFlexGap
        sx={{ flexWrap: 'wrap' }}
        role="group"
        aria-label="Size presets"
      >
        {PRESETS.map((p) => {
          const active = settings.width === p.width && settings.height === p.height
          return (
            <Chip
              key={p.label}
              label={p.label}
              color={active ? 'primary' : 'default'}
              variant={active ? 'filled' : 'outlined'}
              aria-pressed={active}
              onClick={() => update({ width: String(p.width), height: String(p.height) })}
            />
          )
        })}
      </Stack>
    </Stack>
  )
}
