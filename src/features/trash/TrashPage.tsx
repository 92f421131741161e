import Alert from '@mui/material/Alert'
import AlertTitle from '@mui/material/AlertTitle'
import Box from '@mui/material/Box'
import Skeleton from '@mui/material/Skeleton'
import Tab from '@mui/material/Tab'
import Tabs from '@mui/material/Tabs'
import { useAdminStatus } from '../../api/admin'
import { ErrorPanel } from '../../components/ErrorPanel'
import { PageLayout } from '../../components/PageLayout'
import { useUrlState } from '../../lib/useUrlState'
import { describeIgnored, trashCodec, type TrashTab as Tab_ } from './trashParams'
import { TrashTab } from './TrashTab'
import { UnusedTab } from './UnusedTab'

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

/** /trash: admin-only. Two tabs, the trash and unused looks, with every choice kept in the URL. */
export function TrashPage() {
  const admin = useAdminStatus()
  // As on /looks: a bad value is dropped from the URL at once, and the notice says what was dropped.
  const { state: params, update, notice, dismissNotice } = useUrlState(trashCodec, 'trashNotice')
  let body
  if (admin.isPending) {
    body = <Skeleton variant="rounded" height={240} aria-label="Checking your permissions" />
  } else if (admin.isError) {
    body = (
      <ErrorPanel
        title="Could not check your permissions"
        error={admin.error}
        onRetry={() => void admin.refetch()}
      />
    )
  } else if (!admin.data.isAdmin) {
    body = <NotAnAdmin name={admin.data.displayName} />
  } else {
    body = (
      <>
        {notice.length > 0 && (
          <Alert severity="info" onClose={dismissNotice} sx={{ mb: 2 }}>
            {notice.map(describeIgnored).join(' ')}
          </Alert>
        )}
        <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
          <Tabs value={params.tab} onChange={(_, tab: Tab_) => update({ tab })} aria-label="Trash sections">
            <Tab value="trash" label="Trash" />
            <Tab value="unused" label="Unused" />
          </Tabs>
        </Box>
        {params.tab === 'trash' ? (
          <TrashTab params={params} onChange={update} />
        ) : (
          <UnusedTab params={params} onChange={update} />
        )}
      </>
    )
  }
  return <PageLayout title="Trash">{body}</PageLayout>
}
