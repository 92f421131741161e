import DownloadIcon from '@mui/icons-material/Download'
import Button from '@mui/material/Button'
import CircularProgress from '@mui/material/CircularProgress'
import Menu from '@mui/material/Menu'
import MenuItem from '@mui/material/MenuItem'
import Paper from '@mui/material/Paper'
import Popper from '@mui/material/Popper'
import { useMutation } from '@tanstack/react-query'
import { useEffect, useRef, useState } from 'react'
import { useNotify } from '../../components/Notifier'
import { TaskDeadlineNotice } from '../../components/TaskDeadlineNotice'
import { downloadBlob } from '../../lib/download'
import { describeError } from '../../lib/errors'
import { isAbortError } from '../../lib/polling'
import { EXPORT_FORMATS, exportQuery, type ExportFormat } from '../../api/queryExport'
import { keepWaiting, useTaskOverdue } from '../../lib/taskDeadline'
import { exportFileName } from './formatCell'

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
  /** The look the query belongs to; absent for an adjusted variant (its query is no look's). */
  lookId?: string
  limit: number
  title: string
}) {
  const [anchor, setAnchor] = useState<HTMLElement | null>(null)
  const notify = useNotify()
  // Leaving the tab stops a running export (a mutation cannot be stopped by itself).
  const controller = useRef<AbortController | null>(null)
  useEffect(() => () => controller.current?.abort(), [])
  const [button, setButton] = useState<HTMLButtonElement | null>(null)
  // The running export's task: past the deadline it asks, next to this button, whether to keep waiting.
  const [taskId, setTaskId] = useState<string | null>(null)
  const [resumed, setResumed] = useState<string | null>(null)
  const overdue = useTaskOverdue(taskId)
  const exporting = useMutation({
    mutationFn: ({ format, signal }: { format: ExportFormat; signal: AbortSignal }) =>
      exportQuery({ queryId, lookId, limit, format }, signal, setTaskId),
    // It starts a query task (a POST): never repeated by itself.
    retry: false,
    onSuccess: (blob, { format }) => {
      const name = exportFileName(title, limit, format)
      downloadBlob(blob, name)
      notify({ severity: 'success', message: `Downloaded ${name}.` })
    },
    onError: (error) => {
      if (!isAbortError(error))
        notify({ severity: 'error', message: `The export failed: ${describeError(error)}` })
    },
  })
  const busy = exporting.isPending ? exporting.variables.format : null
  const asking = busy !== null && taskId !== null && (overdue || resumed === taskId)
  // The notice (and its focus) goes with the export; focus returns to Export once it is enabled again.
  const refocus = useRef(false)
  const stopWaiting = () => {
    controller.current?.abort()
    notify({ severity: 'info', message: 'Stopped waiting for the export.' })
    refocus.current = true
  }
  useEffect(() => {
    if (busy !== null || !refocus.current) return
    refocus.current = false
    button?.focus()
  }, [busy, button])

  const run = (format: ExportFormat) => {
    setAnchor(null)
    controller.current?.abort()
    controller.current = new AbortController()
    setTaskId(null)
    exporting.mutate({ format, signal: controller.current.signal })
  }

  return (
    <>
      <Button
        ref={setButton}
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
      <Popper open={asking} anchorEl={button} placement="bottom-end" sx={{ zIndex: 'modal' }}>
        <Paper elevation={4} sx={{ mt: 1, p: 1, maxWidth: 'min(420px, calc(100vw - 32px))' }}>
          <TaskDeadlineNotice
            overdue={overdue}
            what="export"
            onKeepWaiting={() => {
              setResumed(taskId)
              if (taskId) keepWaiting(taskId)
            }}
            onCancel={stopWaiting}
          />
        </Paper>
      </Popper>
    </>
  )
}
