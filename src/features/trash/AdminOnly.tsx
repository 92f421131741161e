import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Skeleton from '@mui/material/Skeleton'
import type { ReactNode } from 'react'
import { useAdminStatus } from '../../api/admin'
import { ErrorPanel } from '../../components/ErrorPanel'

function NotAnAdmin({ name }: { name: string | null }) {
  return (
    <Alert severity="info">
      <AlertTitle>The trash is for Looker admins</AlertTitle>
      {name ? `You are signed in as ${name}, who is not a Looker admin. ` : 'You are not a Looker admin. '}
      Only admins can see looks that were deleted, restore them or delete them for good, and clean up unused
      looks. If you need a deleted look back, ask an admin to restore it.
    </Alert>
  )
}

/** The trash's pages are for admins: others are told why, and are offered nothing they may not do. */
export function AdminOnly({ children }: { children: () => ReactNode }) {
  const admin = useAdminStatus()
  if (admin.isPending)
    return <Skeleton variant="rounded" height={240} aria-label="Checking your permissions" />
  if (admin.isError)
    return (
      <ErrorPanel
        title="Could not check your permissions"
        error={admin.error}
        onRetry={() => void admin.refetch()}
      />
    )
  if (!admin.data.isAdmin) return <NotAnAdmin name={admin.data.displayName} />
  return children()
}
