import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Checkbox from '@mui/material/Checkbox'
import CircularProgress from '@mui/material/CircularProgress'
import Dialog from '@mui/material/Dialog'
import DialogActions from '@mui/material/DialogActions'
import DialogContent from '@mui/material/DialogContent'
import DialogTitle from '@mui/material/DialogTitle'
import FormControlLabel from '@mui/material/FormControlLabel'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import { useId, useState } from 'react'
import { useNotify } from '../../components/Notifier'
import { ErrorPanel } from '../../components/ErrorPanel'
import { downloadBlob } from '../../lib/download'
import { describeError } from '../../lib/errors'
import { isAbortError } from '../../lib/polling'
import { DownloadRows } from './DownloadRows'
import {
  DEFAULT_DOWNLOAD,
  DOWNLOAD_FORMATS,
  downloadErrorText,
  downloadFileName,
  DownloadTooLarge,
  isImageFormat,
  optionErrors,
  type DownloadFormat,
  type DownloadOptions,
} from './downloadOptions'
import { useDownload, type DownloadTarget } from './useDownload'

interface Props {
  open: boolean
  /** The look's title, or the variant's: the file is named after it. */
  title: string
  target: DownloadTarget
  /** Why "All results" is not offered (Looker's download_without_limit); null when it is. */
  allResultsBlocked: string | null
  onClose: () => void
  /** Tests shorten the wait before a slow download counts as too large. */
  deadlineMs?: number
}

/** Download like Looker's own dialog: format, which rows, vis options and formatting, or an image size. */
export function DownloadDialog(props: Props) {
  const titleId = useId()
  return (
    <Dialog open={props.open} onClose={props.onClose} aria-labelledby={titleId} fullWidth maxWidth="sm">
      <DialogTitle id={titleId}>Download</DialogTitle>
      {props.open && <DownloadForm {...props} />}
    </Dialog>
  )
}

function DownloadForm({ title, target, allResultsBlocked, onClose, deadlineMs }: Props) {
  const notify = useNotify()
  const download = useDownload(target, deadlineMs)
  const [options, setOptions] = useState<DownloadOptions>(DEFAULT_DOWNLOAD)
  const [text, setText] = useState({ custom: '100', width: '800', height: '600' })
  const errors = optionErrors({
    ...options,
    customText: text.custom,
    widthText: text.width,
    heightText: text.height,
  })
  const valid = Object.keys(errors).length === 0
  const image = isImageFormat(options.format)
  const fileName = downloadFileName(title, options)
  const set = (patch: Partial<DownloadOptions>) => {
    download.run.reset()
    download.background.reset()
    setOptions((o) => ({ ...o, ...patch }))
  }
  const setNumber = (key: 'custom' | 'width' | 'height', value: string) => {
    setText((t) => ({ ...t, [key]: value }))
    const n = Number(value.trim())
    if (Number.isInteger(n)) set(key === 'custom' ? { customLimit: n } : { [key]: n })
  }
  const saved = (blob: Blob) => {
    downloadBlob(blob, fileName)
    notify({ severity: 'success', message: `Downloaded ${fileName}.` })
    onClose()
  }

  const runError = download.run.error
  const tooLarge = runError instanceof DownloadTooLarge
  const busy = download.run.isPending || download.background.isPending
  const cancel = () => {
    download.stop()
    onClose()
  }
  return (
    <>
      <DialogContent dividers>
        <Stack
          component="form"
          id="download-form"
          aria-label="Download options"
          noValidate
          spacing={2.5}
          onSubmit={(e) => {
            e.preventDefault()
            if (valid && !busy) download.start(options, saved)
          }}
        >
          <TextField
            select
            label="Format"
            value={options.format}
            onChange={(e) => set({ format: e.target.value as DownloadFormat })}
            size="small"
            sx={{ maxWidth: 360 }}
          >
            {DOWNLOAD_FORMATS.map((f) => (
              <MenuItem key={f.format} value={f.format}>
                {f.label}
              </MenuItem>
            ))}
          </TextField>
          {image ? (
            <Stack direction="row" spacing={2} role="group" aria-label="Image size">
              {(['width', 'height'] as const).map((key) => (
                <TextField
                  key={key}
                  label={key === 'width' ? 'Width' : 'Height'}
                  value={text[key]}
                  onChange={(e) => setNumber(key, e.target.value)}
                  error={Boolean(errors[key])}
                  helperText={errors[key] ?? '100–4096 px'}
                  slotProps={{ htmlInput: { inputMode: 'numeric' } }}
                  size="small"
                  sx={{ width: 150 }}
                />
              ))}
            </Stack>
          ) : (
            <>
              <DownloadRows
                rows={options.rows}
                customText={text.custom}
                customError={errors.custom ?? null}
                allBlocked={allResultsBlocked}
                displayedLimit={target.displayedLimit}
                onRows={(rows) => set({ rows })}
                onCustom={(value) => setNumber('custom', value)}
              />
              <Stack>
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={options.applyVis}
                      onChange={(e) => set({ applyVis: e.target.checked })}
                    />
                  }
                  label="With visualization options applied"
                />
                <FormControlLabel
                  control={
                    <Checkbox
                      checked={options.applyFormatting}
                      onChange={(e) => set({ applyFormatting: e.target.checked })}
                    />
                  }
                  label="With formatting applied"
                />
              </Stack>
            </>
          )}
          <Typography variant="body2" color="text.secondary" sx={{ overflowWrap: 'anywhere' }}>
            File name: <strong>{fileName}</strong>
          </Typography>
          {runError && !tooLarge && !isAbortError(runError) && (
            <ErrorPanel variant="inline" detail={downloadErrorText(runError)} />
          )}
          {tooLarge && (
            <Alert
              severity="warning"
              action={
                download.canExport(options.format) ? (
                  <Button
                    color="inherit"
                    size="small"
                    disabled={busy}
                    onClick={() => download.exportInBackground(options, saved)}
                  >
                    Export in the background
                  </Button>
                ) : undefined
              }
            >
              This result is too large to download directly.{' '}
              {download.canExport(options.format)
                ? 'Export it in the background instead: Looker prepares the file as a query task and the page fetches it when it is ready.'
                : 'Choose CSV, JSON, Markdown, text or HTML to export it in the background, or ask for fewer rows.'}
            </Alert>
          )}
          {download.background.isError && !isAbortError(download.background.error) && (
            <ErrorPanel
              variant="inline"
              detail={`The export failed: ${describeError(download.background.error)}`}
            />
          )}
          {download.background.isPending && (
            <Typography role="status">
              Exporting in the background… this can take a while for a large result.
            </Typography>
          )}
        </Stack>
      </DialogContent>
      <DialogActions>
        <Button onClick={cancel}>Cancel</Button>
        <Button
          type="submit"
          form="download-form"
          variant="contained"
          disabled={!valid || busy}
          startIcon={download.run.isPending ? <CircularProgress size={16} color="inherit" /> : undefined}
        >
          {download.run.isPending ? 'Downloading…' : 'Download'}
        </Button>
      </DialogActions>
    </>
  )
}
