import Box from '@mui/material/Box'
import FormControlLabel from '@mui/material/FormControlLabel'
import Stack from '@mui/material/Stack'
import Switch from '@mui/material/Switch'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import { formatByteSize } from '../../lib/byteSize'
import { useElementWidth } from '../../lib/useElementWidth'

interface Props {
  src: string
  alt: string
  /** The size asked for, used until the image's own (natural) size is known. */
  width: number
  height: number
  /** The file's size in bytes. */
  bytes: number
  onLoad?: () => void
}

/**
 * An image as the people it is shared with will see it: at its true size, one image pixel to one CSS
 * pixel (never enlarged past 100 %, so it is as sharp on a high-density screen as the file allows). One
 * wider than the panel is fitted to it, and "Fit" off shows it at true size in a scrolling box. Its true
 * size, file size and the scale shown are written beside it.
 */
export function TrueSizeImage({ src, alt, width, height, bytes, onLoad }: Props) {
  const [boxWidth, measureBox] = useElementWidth<HTMLDivElement>()
  const [natural, setNatural] = useState<{ width: number; height: number } | null>(null)
  const [fitChosen, setFitChosen] = useState<boolean | null>(null)
  const w = natural?.width ?? width
  const h = natural?.height ?? height
  const tooWide = boxWidth !== null && boxWidth > 0 && w > boxWidth
  const fit = !tooWide || (fitChosen ?? true)
  const percent = tooWide && fit && boxWidth ? Math.floor((boxWidth / w) * 100) : 100
  return (
    <Stack spacing={0.5}>
      <Stack
        direction="row"
        spacing={2}
        useFlexGap
        sx={{ alignItems: 'center', flexWrap: 'wrap', minHeight: 38 }}
      >
        <Typography variant="body2" color="text.secondary" sx={{ fontVariantNumeric: 'tabular-nums' }}>
          {w} × {h} px · {formatByteSize(bytes)} ·{' '}
          {percent === 100 ? 'shown at true size' : `shown at ${percent} % to fit`}
        </Typography>
        {tooWide && (
          <FormControlLabel
            control={<Switch size="small" checked={fit} onChange={(e) => setFitChosen(e.target.checked)} />}
            label="Fit"
          />
        )}
      </Stack>
      <Box
        ref={measureBox}
        // A scrolling box takes Tab and has a name, so keyboard users can scroll the true-size image.
        tabIndex={fit ? undefined : 0}
        role={fit ? undefined : 'region'}
        aria-label={fit ? undefined : `${alt}, at true size`}
        sx={{
          overflow: fit ? 'hidden' : 'auto',
          maxHeight: fit ? undefined : '75vh',
          border: 1,
          borderColor: 'divider',
          borderRadius: 1,
          bgcolor: 'background.default',
        }}
      >
        <img
          src={src}
          alt={alt}
          width={w}
          height={h}
          onLoad={(event) => {
            const img = event.currentTarget
            setNatural({ width: img.naturalWidth, height: img.naturalHeight })
            onLoad?.()
          }}
          style={{
            display: 'block',
            // One image pixel per CSS pixel; scaled down only to fit, never up.
            width: w,
            maxWidth: fit ? '100%' : 'none',
            height: 'auto',
            aspectRatio: `${w} / ${h}`,
          }}
        />
      </Box>
    </Stack>
  )
}
