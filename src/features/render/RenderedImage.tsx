import Box from '@mui/material/Box'
import ButtonBase from '@mui/material/ButtonBase'
import Skeleton from '@mui/material/Skeleton'
import { useState } from 'react'
import { useObjectUrl } from './useObjectUrl'

/** Marks the moment a render's image is on screen (read by `npm run bench:render`). */
function markPainted(taskId: string, finalizedAt: string | null | undefined) {
  requestAnimationFrame(() => {
    performance.mark('lookbook:render-painted', { detail: { taskId, finalizedAt: finalizedAt ?? null } })
  })
}

/**
 * One rendered image: fitted to its box, or at its true size (scrollable) after a click. The object URL
 * lives only while this is on screen.
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
  const [trueSize, setTrueSize] = useState(false)
  if (!url)
    return <Skeleton variant="rectangular" sx={{ width: '100%', aspectRatio: `${width} / ${height}` }} />
  return (
    <Box
      sx={{
        overflow: trueSize ? 'auto' : 'hidden',
        maxHeight: trueSize ? '75vh' : undefined,
        border: 1,
        borderColor: 'divider',
        borderRadius: 1,
        bgcolor: 'background.default',
      }}
    >
      <ButtonBase
        onClick={() => setTrueSize((v) => !v)}
        aria-label={trueSize ? 'Fit image to panel' : 'Show image at true size'}
        aria-pressed={trueSize}
        sx={{ display: 'block', cursor: trueSize ? 'zoom-out' : 'zoom-in', width: trueSize ? width : '100%' }}
      >
        <img
          src={url}
          alt={`Rendered look: ${title}`}
          width={width}
          height={height}
          onLoad={() => markPainted(taskId, finalizedAt)}
          style={trueSize ? { display: 'block' } : { display: 'block', width: '100%', height: 'auto' }}
        />
      </ButtonBase>
    </Box>
  )
}
