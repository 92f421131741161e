import Box from '@mui/material/Box'
import type { ReactNode, Ref } from 'react'

/**
 * The thumbnail's fixed box (4:3): the same size empty, loading, failed or filled, so a row never moves
 * when its picture arrives. Empty, it is a neutral tint, which is also what a failed picture leaves.
 */
export function ThumbnailBox({
  width,
  ref,
  children,
}: {
  width: number
  ref?: Ref<HTMLDivElement>
  children?: ReactNode
}) {
  return (
    <Box
      ref={ref}
      sx={{
        width,
        height: Math.round((width * 3) / 4),
        flexShrink: 0,
        overflow: 'hidden',
        borderRadius: 1,
        border: 1,
        borderColor: 'divider',
        bgcolor: 'action.hover',
      }}
    >
      {children}
    </Box>
  )
}
