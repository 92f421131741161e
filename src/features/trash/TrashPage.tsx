import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import RestorePageOutlined from '@mui/icons-material/RestorePageOutlined'
import Tab from '@mui/material/Tab'
import Tabs from '@mui/material/Tabs'
import { useAdminStatus } from '../../api/admin'
import { IgnoredParamsNotice } from '../../components/IgnoredParamsNotice'
import { PageLayout } from '../../components/PageLayout'
import { useUrlState } from '../../lib/useUrlState'
import { Link as RouterLink } from 'react-router'
import { AdminOnly } from './AdminOnly'
import { describeIgnored, trashCodec, type TrashTab as Tab_ } from './trashParams'
import { TrashTab } from './TrashTab'
import { UnusedTab } from './UnusedTab'

/** /trash: admin-only. Two tabs, the trash and unused looks, with every choice kept in the URL. */
export function TrashPage() {
  // As on /looks: a bad value is dropped from the URL at once, and the notice says what was dropped.
  const { state: params, update, notice, dismissNotice } = useUrlState(trashCodec, 'trashNotice')
  const admin = useAdminStatus()
  return (
    <PageLayout
      title="Trash"
      actions={
        admin.data?.isAdmin && (
          <Button component={RouterLink} to="/trash/restore-backup" startIcon={<RestorePageOutlined />}>
            Re-create from a backup
          </Button>
        )
      }
    >
      <AdminOnly>
        {() => (
          <>
            <IgnoredParamsNotice sentences={notice.map(describeIgnored)} onDismiss={dismissNotice} />
            <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
              <Tabs
                value={params.tab}
                onChange={(_, tab: Tab_) => update({ tab })}
                aria-label="Trash sections"
              >
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
        )}
      </AdminOnly>
    </PageLayout>
  )
}
