import Box from '@mui/material/Box'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useEffect, type ReactNode } from 'react'

interface Props {
  title: string
  /** Right-aligned actions beside the heading. */
  actions?: ReactNode
  /** Shown under the heading (breadcrumbs, a subtitle). */
  above?: ReactNode
  children: ReactNode
}

export function PageLayout({ title, actions, above, children }: Props) {
  useEffect(() => {
    document.title = `${title} · Lookbook`
  }, [title])
  return (
    <Box component="section" sx={{ p: { xs: 2, md: 3 }, maxWidth: 1400, mx: 'auto' }}>
      {above}
      <Stack
        direction="row"
        spacing={2}
        sx={{ alignItems: 'center', justifyContent: 'space-between', mb: 2 }}
      >
        <Typography variant="h1" sx={{ wordBreak: 'break-word' }}>
          {title}
        </Typography>
        {actions && (
          <Stack direction="row" spacing={1} sx={{ flexShrink: 0 }}>
            {actions}
          </Stack>
        )}
      </Stack>
      {children}
    </Box>
  )
}
