import OpenInNewIcon from '@mui/icons-material/OpenInNew'
import PictureAsPdfIcon from '@mui/icons-material/PictureAsPdf'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { lazy, Suspense } from 'react'
import type { RenderTask } from '../../api/renderTasks'
import { DownloadButton, runtimesText } from './renderSummary'
import { useObjectUrl } from '../../lib/useObjectUrl'

// pdf.js and its worker load only when a PDF is shown (decision 0019).
const PdfPages = lazy(() => import('./PdfPages').then((m) => ({ default: m.PdfPages })))

/**
 * A rendered dashboard: an image fitted to the panel, or a PDF as a card (Open in the browser's own
 * viewer in a new tab) above its pages drawn in the page by pdf.js; Download either way. The app's
 * Content-Security-Policy forbids <object> and blob: frames (`object-src 'none'`), hence canvases. The
 * object URL lives only while this is on screen.
 */
export function RenderedDashboard({
  blob,
  title,
  task,
  fileName,
  paper,
  filters,
}: {
  blob: Blob
  title: string
  task: RenderTask
  fileName: string
  /** How a PDF was laid out, e.g. "A4, landscape, tiled" (the task itself does not say). */
  paper: string
  /** The filter values it was rendered with, e.g. "Region: EMEA; Date: any value" ('' when none). */
  filters?: string
}) {
  const url = useObjectUrl(blob)
  const name = `Rendered dashboard: ${title}`
  const pdf = blob.type === 'application/pdf'
  let view
  if (!url) view = <Skeleton variant="rectangular" sx={{ width: '100%', height: pdf ? 80 : 320 }} />
  else if (pdf)
    view = (
      <Stack
        component="figure"
        aria-label={name}
        direction="row"
        spacing={2}
        sx={{ m: 0, p: 2, alignItems: 'center' }}
      >
        <PictureAsPdfIcon color="error" sx={{ fontSize: 48 }} aria-hidden />
        <Box sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography component="figcaption" sx={{ fontWeight: 600, overflowWrap: 'anywhere' }}>
            {fileName}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {paper}
          </Typography>
        </Box>
        <Button
          component="a"
          href={url}
          target="_blank"
          rel="noopener"
          startIcon={<OpenInNewIcon />}
          aria-label={`Open ${fileName} in a new tab`}
        >
          Open
        </Button>
      </Stack>
    )
  else view = <img src={url} alt={name} style={{ display: 'block', width: '100%', height: 'auto' }} />
  const pages = pdf && (
    <Suspense fallback={<Box role="status" aria-label="Opening the PDF" sx={{ height: 120 }} />}>
      <PdfPages blob={blob} title={fileName} />
    </Suspense>
  )
  return (
    <Stack spacing={1} component="section" aria-label="Rendered dashboard">
      <Box sx={{ border: 1, borderColor: 'divider', borderRadius: 1, overflow: 'hidden' }}>
        {view}
        {url && pages}
      </Box>
      <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
        <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
          {pdf
            ? `PDF · ${paper}`
            : `${task.width} × ${task.height} ${String(task.result_format ?? '').toUpperCase()}`}{' '}
          · {Math.max(1, Math.round(blob.size / 1024))} KB · {runtimesText(task)}
          {filters ? ` · Filters: ${filters}` : ''}
        </Typography>
        <DownloadButton blob={blob} fileName={fileName} />
      </Stack>
    </Stack>
  )
}
