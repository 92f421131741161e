import ContentCopyIcon from '@mui/icons-material/ContentCopy'
import LinkIcon from '@mui/icons-material/Link'
import Button from '@mui/material/Button'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { RenderTask } from '../../api/renderTasks'
import { useNotify } from '../../components/Notifier'
import { DownloadButton, runtimesText } from './renderSummary'
import { copyImageToClipboard, copyText } from './clipboard'
import { renderFileName } from './renderSettings'

/** Download, Copy image, Copy link, and how long the query and the render took. */
export function RenderResultActions({
  blob,
  title,
  task,
  shareUrl,
}: {
  blob: Blob
  title: string
  task: RenderTask
  shareUrl: string
}) {
  const notify = useNotify()
  const fileName = renderFileName(title, {
    format: task.result_format ?? 'png',
    width: task.width ?? 0,
    height: task.height ?? 0,
  })
  // Clipboard access may be refused (permissions, an insecure page): say which, in the notifier.
  const copy = (write: Promise<void>, done: string, failed: string) =>
    write.then(
      () => notify({ severity: 'success', message: done }),
      (error: unknown) =>
        notify({ severity: 'error', message: error instanceof Error ? error.message : failed }),
    )
  const copyImage = () =>
    void copy(copyImageToClipboard(blob), 'Image copied to the clipboard.', 'Could not copy the image.')
  const copyLink = () => void copy(copyText(shareUrl), 'Link copied.', 'Could not copy the link.')
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={1} sx={{ alignItems: { sm: 'center' } }}>
      <Typography variant="body2" color="text.secondary" sx={{ flexGrow: 1 }}>
        {task.width} × {task.height} {String(task.result_format ?? '').toUpperCase()} · {runtimesText(task)}
      </Typography>
      <DownloadButton blob={blob} fileName={fileName} />
      <Button startIcon={<ContentCopyIcon />} onClick={copyImage}>
        Copy image
      </Button>
      <Button startIcon={<LinkIcon />} onClick={copyLink}>
        Copy link
      </Button>
    </Stack>
  )
}
