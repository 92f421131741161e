import Button from '@mui/material/Button'
import FormControl from '@mui/material/FormControl'
import FormControlLabel from '@mui/material/FormControlLabel'
import FormLabel from '@mui/material/FormLabel'
import MenuItem from '@mui/material/MenuItem'
import Radio from '@mui/material/Radio'
import RadioGroup from '@mui/material/RadioGroup'
import Stack from '@mui/material/Stack'
import Switch from '@mui/material/Switch'
import TextField from '@mui/material/TextField'
import type { IDashboardBase } from '@looker/sdk/lib/4.0/models'
import { useId, useState, type FormEvent, type ReactNode } from 'react'
import type { DashboardFormat, PdfPaperSize } from '../../api/renderTasks'
import { dashboardTitle } from '../../lib/dashboardLinks'
import {
  dashboardSettingsError,
  PAPER_SIZES,
  type DashboardLayout,
  type DashboardSettings,
} from './dashboardSettings'
import { MAX_SIZE, MIN_SIZE, sizeError } from './renderSettings'

interface Props {
  dashboards: IDashboardBase[]
  settings: DashboardSettings
  busy: boolean
  onChange: (settings: DashboardSettings) => void
  onRender: (settings: DashboardSettings) => void
  /** False on a dashboard's own page: there is nothing to choose. */
  chooseDashboard?: boolean
  /** Under the format and size: the dashboard's filters. */
  filters?: ReactNode
}

/**
 * Dashboard, Format, then Paper size and Landscape (PDF) or Width and Height (images), the dashboard's
 * filters, Layout, Render.
 */
export function DashboardRenderControls({
  dashboards,
  settings,
  busy,
  onChange,
  onRender,
  chooseDashboard = true,
  filters,
}: Props) {
  // Typed sizes are kept as typed: an invalid one shows its error and is never lost.
  const layoutLabelId = useId()
  const [draft, setDraft] = useState({ width: String(settings.width), height: String(settings.height) })
  const widthError = sizeError(draft.width)
  const heightError = sizeError(draft.height)
  const pdf = settings.format === 'pdf'
  const blocked = dashboardSettingsError(settings) ?? (pdf ? null : (widthError ?? heightError))
  const set = (patch: Partial<DashboardSettings>) => onChange({ ...settings, ...patch })
  const typeSize = (patch: Partial<typeof draft>) => {
    const next = { ...draft, ...patch }
    setDraft(next)
    if (!sizeError(next.width) && !sizeError(next.height))
      set({ width: Number(next.width), height: Number(next.height) })
  }
  const submit = (event: FormEvent) => {
    event.preventDefault()
    if (!blocked && !busy) onRender(settings)
  }

  return (
    <Stack component="form" onSubmit={submit} spacing={2} aria-label="Dashboard render settings" noValidate>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2} sx={{ alignItems: { md: 'flex-start' } }}>
        {chooseDashboard && (
          <TextField
            select
            label="Dashboard"
            value={settings.dashboardId}
            onChange={(e) => set({ dashboardId: e.target.value, filters: {} })}
            size="small"
            sx={{ minWidth: 220 }}
          >
            {dashboards.map((d) => (
              <MenuItem key={d.id} value={d.id ?? ''}>
                {dashboardTitle(d)}
              </MenuItem>
            ))}
          </TextField>
        )}
        <TextField
          select
          label="Format"
          value={settings.format}
          onChange={(e) => set({ format: e.target.value as DashboardFormat })}
          size="small"
          sx={{ minWidth: 110 }}
        >
          <MenuItem value="pdf">PDF</MenuItem>
          <MenuItem value="png">PNG</MenuItem>
          <MenuItem value="jpg">JPEG</MenuItem>
        </TextField>
        {pdf ? (
          <>
            <TextField
              select
              label="Paper size"
              value={settings.paperSize}
              onChange={(e) => set({ paperSize: e.target.value as PdfPaperSize })}
              size="small"
              sx={{ minWidth: 190 }}
            >
              {PAPER_SIZES.map((p) => (
                <MenuItem key={p.value} value={p.value}>
                  {p.label}
                </MenuItem>
              ))}
            </TextField>
            <FormControlLabel
              control={
                <Switch checked={settings.landscape} onChange={(e) => set({ landscape: e.target.checked })} />
              }
              label="Landscape"
              sx={{ height: 40 }}
            />
          </>
        ) : (
          <>
            <TextField
              label="Width"
              value={draft.width}
              onChange={(e) => typeSize({ width: e.target.value })}
              error={Boolean(widthError)}
              helperText={widthError ?? `${MIN_SIZE}–${MAX_SIZE} px`}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              size="small"
              sx={{ width: 140 }}
            />
            <TextField
              label="Height"
              value={draft.height}
              onChange={(e) => typeSize({ height: e.target.value })}
              error={Boolean(heightError)}
              helperText={heightError ?? `${MIN_SIZE}–${MAX_SIZE} px`}
              slotProps={{ htmlInput: { inputMode: 'numeric' } }}
              size="small"
              sx={{ width: 140 }}
            />
          </>
        )}
      </Stack>
      {filters}
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={2} sx={{ alignItems: { sm: 'center' } }}>
        <FormControl>
          <FormLabel id={layoutLabelId}>Layout</FormLabel>
          <RadioGroup
            row
            aria-labelledby={layoutLabelId}
            value={settings.layout}
            onChange={(e) => set({ layout: e.target.value as DashboardLayout })}
          >
            <FormControlLabel value="single_column" control={<Radio />} label="Single column" />
            <FormControlLabel value="tiled" control={<Radio />} label="Tiled" />
          </RadioGroup>
        </FormControl>
        <Button type="submit" variant="contained" disabled={Boolean(blocked) || busy}>
          Render dashboard
        </Button>
      </Stack>
    </Stack>
  )
}
