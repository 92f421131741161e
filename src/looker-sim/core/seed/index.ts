import { deriveSeed, Random } from '../random'
import type { CredentialRecord, SimData } from '../types'
import { seedExtraDashboards, seedScheduledPlans } from './dashboard-extras'
import { seedDashboards, seedFavorites } from './favorites-dashboards'
import { seedLookmlDashboards } from './lookml-dashboards'
import { seedLooks } from './looks'
import { seedUsersAndFolders } from './users-folders'

/**
 * API3 keys of the three demo users (1 admin, 2 analyst, 3 viewer). They exist only inside the
 * simulator, are published on purpose (not secrets), and are what the app's demo mode signs in with.
 */
export const DEMO_CREDENTIALS = {
  admin: { clientId: 'demo-admin', clientSecret: 'demo-admin-secret', userId: '1' },
  analyst: { clientId: 'demo-analyst', clientSecret: 'demo-analyst-secret', userId: '2' },
  viewer: { clientId: 'demo-viewer', clientSecret: 'demo-viewer-secret', userId: '3' },
} as const

export type DemoUserKey = keyof typeof DEMO_CREDENTIALS

/** How the demo users are introduced in the app's user switcher. */
export const DEMO_USERS: { key: DemoUserKey; label: string; description: string }[] = [
  { key: 'admin', label: 'Ada Admin', description: 'Admin: edits everything and manages the trash' },
  {
    key: 'analyst',
    label: 'Andy Analyst',
    description: 'Analyst: edits Sales and Marketing, views the rest of Shared',
  },
  { key: 'viewer', label: 'Vera Viewer', description: 'Viewer: views Shared content, edits nothing' },
]

const demoCredentialRecords = (): CredentialRecord[] =>
  Object.values(DEMO_CREDENTIALS).map((c) => ({
    client_id: c.clientId,
    client_secret: c.clientSecret,
    user_id: c.userId,
  }))

export interface SeedOptions {
  seed: number
  lookCount: number
}

/** Builds the whole seeded instance. Same options → same data, byte for byte. */
export function buildSeedData({ seed, lookCount }: SeedOptions): SimData {
  const counters = {
    look: 1,
    query: 1,
    favorite: 1,
    contentMetadata: 1,
    dashboard: 1,
    dashboardElement: 1,
    dashboardFilter: 1,
    scheduledPlan: 1,
  }
  const seq = (key: keyof typeof counters) => ({
    next: () => String(counters[key]++),
  })
  const contentMetadata = seq('contentMetadata')
  const org = seedUsersAndFolders(new Random(deriveSeed(seed, 'org')), contentMetadata)
  const { looks, queries } = seedLooks({
    rng: new Random(deriveSeed(seed, 'looks')),
    lookCount,
    users: org.users,
    folders: org.folders,
    exploresByFolder: org.exploresByFolder,
    ids: { look: seq('look'), query: seq('query'), contentMetadata },
  })
  const favorites = seedFavorites(new Random(deriveSeed(seed, 'favorites')), org.users, org.folders, looks, {
    favorite: seq('favorite'),
  })
  const dashboardIds = {
    dashboard: seq('dashboard'),
    dashboardElement: seq('dashboardElement'),
    dashboardFilter: seq('dashboardFilter'),
    contentMetadata,
  }
  // Each later addition draws from its own stream, so the data seeded before it stays as it was.
  const usage = new Random(deriveSeed(seed, 'dashboard-usage'))
  const dashboards = seedDashboards(
    new Random(deriveSeed(seed, 'dashboards')),
    usage,
    org.folders,
    looks,
    dashboardIds,
  )
  const onFirstDashboards = new Set(dashboards.flatMap((d) => d.elements.map((e) => e.look_id)))
  dashboards.push(
    ...seedExtraDashboards(
      new Random(deriveSeed(seed, 'dashboard-extras')),
      usage,
      org.folders,
      org.users,
      looks,
      onFirstDashboards,
      dashboardIds,
    ),
  )
  const onDashboards = new Set(dashboards.flatMap((d) => d.elements.map((e) => e.look_id)))
  const scheduledPlans = seedScheduledPlans(
    new Random(deriveSeed(seed, 'schedules')),
    org.users,
    looks,
    onDashboards,
    { scheduledPlan: seq('scheduledPlan') },
  )
  const lookml = seedLookmlDashboards(new Random(deriveSeed(seed, 'lookml-dashboards')), {
    query: seq('query'),
  })
  return {
    users: org.users,
    folders: org.folders,
    queries: [...queries, ...lookml.queries],
    looks,
    dashboards,
    lookmlDashboards: lookml.dashboards,
    favorites,
    scheduledPlans,
    credentials: demoCredentialRecords(),
    counters,
  }
}
