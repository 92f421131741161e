import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Breadcrumbs from '@mui/material/Breadcrumbs'
import Card from '@mui/material/Card'
import CardContent from '@mui/material/CardContent'
import Link from '@mui/material/Link'
import Skeleton from '@mui/material/Skeleton'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { IDashboard } from '@looker/sdk/lib/4.0/models'
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Link as RouterLink } from 'react-router'
import { dashboardQueries } from '../../api/dashboards'
import { folderPickerSource } from '../../api/folders'
import { thumbnailSource } from '../../api/thumbnails'
import { ContentThumbnail } from '../../components/ContentThumbnail'
import { DescriptionText } from '../../components/DescriptionText'
import { ErrorPanel } from '../../components/ErrorPanel'
import { FolderPath } from '../../components/FolderPicker'
import { NotFoundPage } from '../../components/NotFoundPage'
import { PageLayout } from '../../components/PageLayout'
import { dashboardTitle } from '../../lib/dashboardLinks'
import { hasStatus } from '../../lib/errors'
import { usedLooks } from './usedLooks'

interface Props {
  dashboardId: string
  /** The render panel for this dashboard (app/ plugs in the render feature's). */
  renderPanel: (dashboard: IDashboard) => ReactNode
}

/**
 * /dashboards/:dashboardId, for a user-defined id or a LookML `model::name`: the dashboard's title,
 * folder (or model) and description, the looks its tiles use (each a link to its look page), and the
 * render panel.
 */
export function DashboardPage({ dashboardId, renderPanel }: Props) {
  const detail = useQuery(dashboardQueries.detail(dashboardId))
  if (detail.isPending)
    return (
      <Box
        sx={{ p: { xs: 2, md: 3 }, maxWidth: 1400, mx: 'auto' }}
        aria-busy="true"
        aria-label="Loading dashboard"
      >
        <Skeleton width={200} height={24} />
        <Skeleton width="40%" height={48} />
        <Skeleton variant="rounded" height={200} sx={{ mt: 2 }} />
      </Box>
    )
  if (detail.isError && !detail.data) {
    if (hasStatus(detail.error, 404))
      return (
        <NotFoundPage
          title="Dashboard not found"
          message={`Looker found no dashboard with ID “${dashboardId}” that you can open. The link may be mistyped, or the dashboard may be in a folder you cannot see.`}
        />
      )
    return (
      <PageLayout title={`Dashboard ${dashboardId}`}>
        <ErrorPanel
          title="Could not load this dashboard"
          error={detail.error}
          onRetry={() => void detail.refetch()}
        />
      </PageLayout>
    )
  }
  const dashboard = detail.data
  const lookml = dashboard.model != null && dashboard.id?.includes('::')
  return (
    <PageLayout
      title={dashboardTitle(dashboard)}
      above={
        <Breadcrumbs aria-label="Dashboard path" sx={{ mb: 1 }}>
          <Link
            component={RouterLink}
            to={lookml ? '/dashboards?kind=lookml' : '/dashboards'}
            color="inherit"
          >
            {lookml ? 'LookML dashboards' : 'Dashboards'}
          </Link>
        </Breadcrumbs>
      }
      leading={
        <ContentThumbnail
          source={thumbnailSource}
          type="dashboard"
          id={dashboardId}
          version={dashboard.updated_at}
          width={96}
        />
      }
    >
      <Stack spacing={2}>
        {detail.isError && <ErrorPanel variant="stale" what="this dashboard" />}
        {dashboard.deleted && (
          <Alert severity="warning">This dashboard is in the trash: Looker may still render it.</Alert>
        )}
        <Card variant="outlined" component="section" aria-label="About">
          <CardContent>
            <DescriptionText text={dashboard.description} />
            <Typography variant="body2" color="text.secondary">
              {lookml ? (
                <>Model: {dashboard.model?.label || dashboard.model?.id}</>
              ) : (
                <>
                  Folder:{' '}
                  {dashboard.folder_id ? (
                    <Link
                      component={RouterLink}
                      to={`/looks?folder=${encodeURIComponent(dashboard.folder_id)}`}
                    >
                      <FolderPath
                        source={folderPickerSource}
                        folderId={dashboard.folder_id}
                        leafName={dashboard.folder?.name}
                      />
                    </Link>
                  ) : (
                    '—'
                  )}
                </>
              )}
            </Typography>
          </CardContent>
        </Card>
        <UsedLooks dashboard={dashboard} />
        {renderPanel(dashboard)}
      </Stack>
    </PageLayout>
  )
}

function UsedLooks({ dashboard }: { dashboard: IDashboard }) {
  const looks = usedLooks(dashboard)
  return (
    <Card variant="outlined" component="section" aria-label="Looks on this dashboard">
      <CardContent>
        <Typography variant="h2" gutterBottom>
          Looks on this dashboard
        </Typography>
        {looks.length === 0 ? (
          <Typography color="text.secondary">
            No tile of this dashboard is a saved look (its tiles are queries of their own).
          </Typography>
        ) : (
          <Stack component="ul" spacing={0.5} sx={{ m: 0, pl: 2 }}>
            {looks.map((look) => (
              <li key={look.id}>
                <Link component={RouterLink} to={`/looks/${encodeURIComponent(look.id)}`}>
                  {look.title}
                </Link>
              </li>
            ))}
          </Stack>
        )}
      </CardContent>
    </Card>
  )
}
