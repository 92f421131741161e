import DownloadIcon from '@mui/icons-material/Download'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import Snackbar from '@mui/material/Snackbar'
import { useEffect, useRef, useState } from 'react'
import { downloadBlob } from '../../lib/download'
import { describeError } from '../../lib/errors'
import { isAbortError } from '../../lib/polling'
import { exportQuery } from './exportQuery'
import { EXPORT_FORMATS, exportFileName, type ExportFormat } from './formatCell'

const LABELS: Record<ExportFormat, string> = {
  csv: 'CSV',
  json: 'JSON',
  md: 'Markdown',
  txt: 'Text (tab-separated)',
  html: 'HTML',
}

/** Export: a query task in the chosen format, downloaded as `<title>-<rows>-rows.<ext>`. */
export function ExportMenu({
  queryId,
  lookId,
  limit,
  title,
}: {
  queryId: string
  lookId: string
  limit: number
  title: string
}) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const [busy, setBusy] = useState<ExportFormat | null>(null)
  const [message, setMessage] = useState<string | null>(null)
  const controller = useRef<AbortController | null>(null)
  useEffect(() => () => controller.current?.abort(), [])

  const run = (format: ExportFormat) => {
    setAnchor(null)
    controller.current?.abort()
    const mine = new AbortController()
    controller.current = mine
    setBusy(format)
    exportQuery({ queryId, lookId, limit, format }, mine.signal)
      .then((blob) => {
        const name = exportFileName(title, limit, format)
        downloadBlob(blob, name)
        setMessage(`Downloaded ${name}.`)
      })
      .catch((error: unknown) => {
        if (!isAbortError(error)) setMessage(`The export failed: ${describeError(error)}`)
      })
      .finally(() => {
        if (controller.current === mine) setBusy(null)
      })
  }

  return (
    <>
      <Button
        variant="outlined"
        startIcon={busy ? <CircularProgress size={16} /> : <DownloadIcon />}
        onClick={(e) => setAnchor(e.currentTarget)}
        aria-haspopup="menu"
        disabled={busy !== null}
      >
        {busy ? `Exporting ${LABELS[busy]}…` : 'Export'}
      </Button>
      <Menu anchorEl={anchor} open={anchor !== null} onClose={() => setAnchor(null)}>
        {EXPORT_FORMATS.map((format) => (
          <MenuItem key={format} onClick={() => run(format)}>
            {LABELS[format]}
          </MenuItem>
        ))}
      </Menu>
      <Snackbar
        open={message !== null}
        autoHideDuration={5000}
        onClose={() => setMessage(null)}
        message={message}
      />
    </>
  )
}
