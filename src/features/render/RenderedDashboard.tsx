import DownloadIcon from '@mui/icons-material/Download'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { RenderTask } from '../../api/renderTasks'
import { downloadBlob } from '../../lib/download'
import { useObjectUrl } from './useObjectUrl'

const seconds = (value: number | null | undefined) => (value == null ? '—' : `${value.toFixed(1)} s`)

/**
 * A rendered dashboard: a PDF in the browser's own viewer (with a download link where there is none),
 * an image fitted to the panel; Download either way. The object URL lives only while this is on screen.
 */
export function RenderedDashboard({
  blob,
  title,
  task,
  fileName,
  paper,
}: {
  blob: Blob
  title: string
  task: RenderTask
  fileName: string
  /** How a PDF was laid out, e.g. "Letter, landscape, tiled" (the task itself does not say). */
  paper: string
}) {
  const url = useObjectUrl(blob)
  const name = `Rendered dashboard: ${title}`
  const pdf = blob.type === 'application/pdf'
  const download = () => downloadBlob(blob, fileName)
  let view
  if (!url) view = <Skeleton variant="rectangular" sx={{ width: '100%', height: pdf ? 480 : 320 }} />
  else if (pdf)
    view = (
      <Box
        component="object"
        data={url}
        type="application/pdf"
        aria-label={name}
        sx={{ display: 'block', width: '100%', height: '70vh', border: 0 }}
      >
        <Typography sx={{ p: 2 }}>This browser cannot show PDFs inline: use Download below.</Typography>
      </Box>
    )
  else view = <img src={url} alt={name} style={{ display: 'block', width: '100%', height: 'auto' }} />
  return (
    <Stack spacing={1} component="section" aria-label="Rendered dashboard">
      <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden' }}>{view}</Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          {pdf
            ? `PDF · ${paper}`
            : `${task.width} × ${task.height} ${String(task.result_format ?? '').toUpperCase()}`}{' '}
          · {Math.max(1, Math.round(blob.size / 1024))} KB · query {seconds(task.query_runtime)} · render{' '}
          {seconds(task.render_runtime)} · total {seconds(task.runtime)}
        </Typography>
        <Button startIcon={<DownloadIcon />} onClick={download} aria-label={`Download ${fileName}`}>
          Download
        </Button>
      </Stack>
    </Stack>
  )
}
