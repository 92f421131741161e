import Typography from '@mui/material/Typography'
import type { ReactNode } from 'react'
import { PageLayout } from '../../components/PageLayout'

/** A tab another feature contributes to the look page, at /looks/:lookId/<path>. */
export interface LookTab {
  path: string
  label: string
  element: (props: { lookId: string }) => ReactNode
}

export function LookDetailPage({ lookId }: { lookId: string; tabs: LookTab[] }) {
  return (
    <PageLayout title="Look">
      <Typography>Look {lookId}: the look page arrives with the look-detail issue.</Typography>
    </PageLayout>
  )
}
