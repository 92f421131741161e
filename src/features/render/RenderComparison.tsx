import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { RenderHistoryEntry } from './renderHistory'
import { RenderedImage } from './RenderedImage'

const sizeOf = (blob: Blob) =>
  blob.size >= 1024 * 1024
    ? `${(blob.size / 1024 / 1024).toFixed(1)} MB`
    : `${Math.round(blob.size / 1024)} KB`

/** Two renders side by side, each with its size, format and file size, to compare. */
export function RenderComparison({
  entries,
  onClose,
}: {
  entries: RenderHistoryEntry[]
  onClose: () => void
}) {
  return (
    <Stack spacing={1} component="section" aria-label="Compare renders">
      <Stack direction="row" sx={{ alignItems: 'center' }}>
        <Typography variant="subtitle1" sx={{ flexGrow: 1 }}>
          Comparing two renders
        </Typography>
        <Button onClick={onClose}>Stop comparing</Button>
      </Stack>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        {entries.map((entry) => (
          <Stack key={entry.taskId} spacing={1} sx={{ flex: 1, minWidth: 0 }}>
            <Typography variant="body2" color="text.secondary">
              {entry.width} × {entry.height} {entry.format.toUpperCase()} · {sizeOf(entry.blob)} · render{' '}
              {entry.task.render_runtime?.toFixed(1) ?? '—'} s
            </Typography>
            <RenderedImage
              blob={entry.blob}
              title={entry.title}
              taskId={entry.taskId}
              width={entry.width}
              height={entry.height}
            />
          </Stack>
        ))}
      </Stack>
    </Stack>
  )
}
