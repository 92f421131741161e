import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useEffect, useRef, useState } from 'react'
import { openPdf, type PdfDocument, type PdfPage } from './pdfDocument'

/** Pages are drawn this wide at most (CSS px); narrower panels draw them to the panel's width. */
const MAX_PAGE_WIDTH = 1100

type State = { phase: 'opening' } | { phase: 'open'; doc: PdfDocument } | { phase: 'failed'; message: string }

/**
 * A rendered PDF shown in the page, page by page, each page a canvas labelled "Page 2 of 3". The
 * document is parsed once per Blob and released when this leaves the screen. If pdf.js cannot read it,
 * a message says so; Open and Download beside it still work.
 */
export function PdfPages({ blob, title }: { blob: Blob; title: string }) {
  const [state, setState] = useState<State>({ phase: 'opening' })
  useEffect(() => {
    let live = true
    let opened: PdfDocument | null = null
    blob
      .arrayBuffer()
      .then(openPdf)
      .then(
        (doc) => {
          opened = doc
          if (live) setState({ phase: 'open', doc })
          else doc.destroy()
        },
        (error: unknown) => {
          if (live)
            setState({ phase: 'failed', message: error instanceof Error ? error.message : String(error) })
        },
      )
    return () => {
      live = false
      opened?.destroy()
    }
  }, [blob])

  if (state.phase === 'failed')
    return (
      <Alert severity="warning">
        This PDF cannot be shown in the page ({state.message}). Open or download it instead.
      </Alert>
    )
  if (state.phase === 'opening')
    return (
      <Box role="status" aria-label="Opening the PDF" sx={{ p: 2 }}>
        <Skeleton
          variant="rectangular"
          sx={{ width: '100%', maxWidth: MAX_PAGE_WIDTH, aspectRatio: '1.414', height: 'auto' }}
        />
      </Box>
    )
  const { pages } = state.doc
  return (
    <Stack
      component="ol"
      aria-label={`${title}: ${pages.length} ${pages.length === 1 ? 'page' : 'pages'}`}
      spacing={2}
      sx={{ listStyle: 'none', m: 0, p: { xs: 1, sm: 2 }, bgcolor: 'action.hover', alignItems: 'center' }}
    >
      {pages.map((page, i) => (
        <Box component="li" key={i} sx={{ width: '100%', maxWidth: MAX_PAGE_WIDTH }}>
          <PageCanvas page={page} label={`Page ${i + 1} of ${pages.length}`} />
          <Typography
            variant="caption"
            color="text.secondary"
            aria-hidden
            sx={{ display: 'block', textAlign: 'center' }}
          >
            {i + 1} / {pages.length}
          </Typography>
        </Box>
      ))}
    </Stack>
  )
}

/** One page: its box keeps the page's proportions from the start (no layout shift), drawn to its width. */
function PageCanvas({ page, label }: { page: PdfPage; label: string }) {
  const ref = useRef<HTMLCanvasElement>(null)
  const [drawn, setDrawn] = useState(false)
  useEffect(() => {
    const canvas = ref.current
    if (!canvas) return
    const width = Math.min(canvas.parentElement?.clientWidth || MAX_PAGE_WIDTH, MAX_PAGE_WIDTH)
    const render = page.draw(canvas, width)
    let live = true
    render.done.then(
      () => live && setDrawn(true),
      () => undefined, // cancelled on unmount, or a page pdf.js could not draw: its blank box stays
    )
    return () => {
      live = false
      render.cancel()
    }
  }, [page])
  return (
    <canvas
      ref={ref}
      role="img"
      aria-label={label}
      data-drawn={drawn || undefined}
      style={{
        display: 'block',
        width: '100%',
        height: 'auto',
        aspectRatio: `1 / ${page.aspect}`,
        background: '#fff',
        boxShadow: '0 1px 3px rgba(0,0,0,.3)',
      }}
    />
  )
}
