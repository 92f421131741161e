import Card from '@mui/material/Card'
import CardContent from '@mui/material/CardContent'
import Link from '@mui/material/Link'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import type { ILookWithQuery } from '@looker/sdk/lib/4.0/models'
import { useQuery } from '@tanstack/react-query'
import type { ReactNode } from 'react'
import { Link as RouterLink } from 'react-router'
import { useLookDashboards, type LookWithDashboards } from '../../api/lookDashboards'
import { userQueries } from '../../api/users'
import { useBackend } from '../../lib/backend'
import { dashboardHref, dashboardTitle } from '../../lib/dashboardLinks'
import { DescriptionText } from '../../components/DescriptionText'
import { When } from '../../components/When'
import { formatCount } from '../../lib/counts'
import { safeHttpUrl } from './lookFormat'
import { MetaList, MetaRow } from './MetaList'
import { QuerySummary } from './QuerySummary'

export type LookDetail = LookWithDashboards

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card variant="outlined" component="section" aria-label={title}>
      <CardContent>
        <Typography variant="h2" gutterBottom>
          {title}
        </Typography>
        {children}
      </CardContent>
    </Card>
  )
}

function OwnerName({ look }: { look: ILookWithQuery }) {
  const owner = useQuery({
    ...userQueries.detail(look.user_id ?? ''),
    enabled: !look.user_name && !!look.user_id,
  })
  if (look.user_name) return <>{look.user_name}</>
  if (!look.user_id) return <>Unknown</>
  return <>{owner.data?.display_name ?? `User ${look.user_id}`}</>
}

/** The Overview tab: what the look is, who owns it, how it is used, and its query. */
export function LookOverview({ look, editor }: { look: LookDetail; editor?: ReactNode }) {
  const { lookerWebUrl, mode } = useBackend()
  const { dashboards } = useLookDashboards(look)
  return (
    <Stack spacing={2}>
      {editor ?? (
        <Section title="About">
          <DescriptionText text={look.description} />
          <MetaList label="Details">
            <MetaRow label="Owner">
              <OwnerName look={look} />
            </MetaRow>
            <MetaRow label="Created">
              <When value={look.created_at} variant="exact" empty="Never" />
            </MetaRow>
            <MetaRow label="Updated">
              <When value={look.updated_at} variant="exact" empty="Never" />
            </MetaRow>
            <MetaRow label="Last viewed">
              <When value={look.last_viewed_at} variant="exact" empty="Never" />
            </MetaRow>
            <MetaRow label="Views">{formatCount(look.view_count)}</MetaRow>
            <MetaRow label="Favorites">{formatCount(look.favorite_count)}</MetaRow>
            <MetaRow label="Run on load">{look.is_run_on_load ? 'Yes' : 'No'}</MetaRow>
            <MetaRow label="Public">
              {look.public ? (
                mode === 'demo' && look.public_url ? (
                  // The simulated Looker has no web pages: show its link as text, and say so, not a dead link.
                  <>
                    {look.public_url}{' '}
                    <Typography component="span" variant="caption" color="text.secondary">
                      (simulated link: a real Looker serves the public page there)
                    </Typography>
                  </>
                ) : safeHttpUrl(look.public_url) ? (
                  <Link
                    href={safeHttpUrl(look.public_url) ?? undefined}
                    target="_blank"
                    rel="noopener noreferrer"
                  >
                    {look.public_url}
                  </Link>
                ) : (
                  'Yes'
                )
              ) : (
                'No'
              )}
            </MetaRow>
            <MetaRow label="Look ID">{look.id}</MetaRow>
          </MetaList>
        </Section>
      )}
      <Section title="Query">
        <QuerySummary query={look.query} />
      </Section>
      {dashboards.length > 0 && (
        <Section title="Used in dashboards">
          <Stack component="ul" spacing={0.5} sx={{ m: 0, pl: 2 }}>
            {dashboards.map((dashboard) => (
              <li key={dashboard.id}>
                <Link component={RouterLink} to={dashboardHref(dashboard.id ?? '')}>
                  {dashboardTitle(dashboard)}
                </Link>
                {lookerWebUrl && (
                  <>
                    {' · '}
                    <Link
                      href={`${lookerWebUrl}/dashboards/${encodeURIComponent(dashboard.id ?? '')}`}
                      target="_blank"
                      rel="noopener noreferrer"
                      variant="body2"
                      aria-label={`Open ${dashboardTitle(dashboard)} in Looker`}
                    >
                      in Looker
                    </Link>
                  </>
                )}
              </li>
            ))}
          </Stack>
        </Section>
      )}
    </Stack>
  )
}
