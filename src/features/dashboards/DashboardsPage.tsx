import Box from '@mui/material/Box'
import Tab from '@mui/material/Tab'
import Tabs from '@mui/material/Tabs'
import { useId } from 'react'
import { IgnoredParamsNotice } from '../../components/IgnoredParamsNotice'
import { PageLayout } from '../../components/PageLayout'
import { useUrlState } from '../../lib/useUrlState'
import { DashboardFilters } from './DashboardFilters'
import { DashboardList } from './DashboardList'
import { dashboardListCodec, describeIgnored, type DashboardKind } from './dashboardParams'

const KINDS: { value: DashboardKind; label: string }[] = [
  { value: 'user', label: 'Dashboards' },
  { value: 'lookml', label: 'LookML dashboards' },
]

/**
 * /dashboards: user-defined dashboards (by title, folder and order) and LookML dashboards, one tab each,
 * with every choice in the URL. A dashboard opens its page, where it can be rendered.
 */
export function DashboardsPage() {
  const { state, update, notice, dismissNotice } = useUrlState(dashboardListCodec, 'dashboardsNotice')
  const id = useId()
  return (
    <PageLayout title="Dashboards">
      <IgnoredParamsNotice sentences={notice.map(describeIgnored)} onDismiss={dismissNotice} />
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs
          value={state.kind}
          onChange={(_, kind: DashboardKind) => update({ kind })}
          aria-label="Kinds of dashboard"
        >
          {KINDS.map((kind) => (
            <Tab
              key={kind.value}
              value={kind.value}
              label={kind.label}
              id={`${id}-${kind.value}`}
              aria-controls={`${id}-panel`}
            />
          ))}
        </Tabs>
      </Box>
      <div role="tabpanel" id={`${id}-panel`} aria-labelledby={`${id}-${state.kind}`}>
        <DashboardFilters state={state} onChange={update} />
        <DashboardList state={state} onChange={update} />
      </div>
    </PageLayout>
  )
}
