import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { versionLabel, type RenderHistoryEntry } from './renderHistory'
import { RenderedImage } from './RenderedImage'

/** Two renders side by side (saved or adjusted, each labelled), with format and render time, to compare. */
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
            <Typography variant="subtitle2" component="h3">
              {versionLabel(entry)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {entry.format.toUpperCase()} · render {entry.task.render_runtime?.toFixed(1) ?? '—'} s
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
