import Skeleton from '@mui/material/Skeleton'
import { TrueSizeImage } from './TrueSizeImage'
import { useObjectUrl } from '../../lib/useObjectUrl'

/** Marks the moment a render's image is on screen (read by `npm run bench:render`). */
function markPainted(taskId: string, finalizedAt: string | null | undefined) {
  requestAnimationFrame(() => {
    performance.mark('lookbook:render-painted', { detail: { taskId, finalizedAt: finalizedAt ?? null } })
  })
}

/**
 * One rendered image, shown as it will be shared (TrueSizeImage). The object URL lives only while this
 * is on screen.
 */
export function RenderedImage({
  blob,
  title,
  taskId,
  finalizedAt,
  width,
  height,
}: {
  blob: Blob
  title: string
  taskId: string
  finalizedAt?: string | null
  width: number
  height: number
}) {
  const url = useObjectUrl(blob)
  if (!url)
    return (
      <Skeleton
        variant="rectangular"
        sx={{ width: '100%', maxWidth: width, aspectRatio: `${width} / ${height}`, height: 'auto' }}
      />
    )
  return (
    <TrueSizeImage
      src={url}
      alt={`Rendered look: ${title}`}
      width={width}
      height={height}
      bytes={blob.size}
      onLoad={() => markPainted(taskId, finalizedAt)}
    />
  )
}
