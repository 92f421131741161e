import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { ReactNode } from 'react'

/** A definition list laid out as label/value rows. */
export function MetaList({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <Stack component="dl" spacing={1} sx={{ m: 0 }} aria-label={label}>
      {children}
    </Stack>
  )
}

export function MetaRow({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Stack direction={{ xs: 'column', sm: 'row' }} spacing={{ xs: 0, sm: 2 }}>
      <Typography component="dt" sx={{ width: 150, color: 'text.secondary', flexShrink: 0 }}>
        {label}
      </Typography>
      <Typography component="dd" sx={{ m: 0, minWidth: 0, overflowWrap: 'anywhere' }}>
        {children}
      </Typography>
    </Stack>
  )
}
