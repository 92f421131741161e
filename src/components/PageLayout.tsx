import Box from '@mui/material/Box'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useEffect, type ReactNode } from 'react'

interface Props {
  title: string
  /** Right-aligned actions beside the heading. */
  actions?: ReactNode
  /** Shown above the heading (breadcrumbs). */
  above?: ReactNode
  /** Beside the heading, before it (a thumbnail of what the page is about). */
  leading?: ReactNode
  children: ReactNode
}

export function PageLayout({ title, actions, above, leading, children }: Props) {
  useEffect(() => {
    document.title = `${title} · Lookbook`
  }, [title])
  return (
    <Box component="section" sx={{ p: { xs: 2, md: 3 }, maxWidth: 1400, mx: 'auto' }}>
      {above}
      {/* On a phone the actions wrap under the title; from `sm` they sit beside it and the title shrinks.
          `minWidth: 0` lets the title wrap between words instead of being squeezed to its longest letter. */}
      <Stack
        direction="row"
        useFlexGap
        sx={{
          flexWrap: { xs: 'wrap', sm: 'nowrap' },
          columnGap: 2,
          rowGap: 1,
          alignItems: 'center',
          justifyContent: 'space-between',
          mb: 2,
        }}
      >
        {leading ? (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', minWidth: 0 }}>
            {leading}
            <Typography variant="h1" sx={{ minWidth: 0, overflowWrap: 'break-word' }}>
              {title}
            </Typography>
          </Stack>
        ) : (
          <Typography variant="h1" sx={{ minWidth: 0, overflowWrap: 'break-word' }}>
            {title}
          </Typography>
        )}
        {actions && (
          <Stack direction="row" useFlexGap spacing={1} sx={{ flexWrap: 'wrap', flexShrink: { sm: 0 } }}>
            {actions}
          </Stack>
        )}
      </Stack>
      {children}
    </Box>
  )
}
