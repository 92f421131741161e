import DownloadIcon from '@mui/icons-material/Download'
import Button from '@mui/material/Button'
import type { RenderTask } from '../../api/renderTasks'
import { downloadBlob } from '../../lib/download'

const seconds = (value: number | null | undefined) => (value == null ? '—' : `${value.toFixed(1)} s`)

/** "query 1.2 s · render 3.4 s · total 4.6 s", from Looker's runtimes on a finished task. */
export function runtimesText(task: RenderTask): string {
  return `query ${seconds(task.query_runtime)} · render ${seconds(task.render_runtime)} · total ${seconds(task.runtime)}`
}

/** Saves a rendered file under the name the panel chose for it. */
export function DownloadButton({ blob, fileName }: { blob: Blob; fileName: string }) {
  return (
    <Button
      startIcon={<DownloadIcon />}
      onClick={() => downloadBlob(blob, fileName)}
      aria-label={`Download ${fileName}`}
    >
      Download
    </Button>
  )
}
