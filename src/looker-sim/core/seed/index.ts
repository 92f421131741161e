import { deriveSeed, Random } from '../random'
import type { CredentialRecord, SimData } from '../types'
import { seedDashboards, seedFavorites } from './favorites-dashboards'
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
  const counters = { look: 1, query: 1, favorite: 1, contentMetadata: 1, dashboard: 1, dashboardElement: 1 }
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
  const dashboards = seedDashboards(new Random(deriveSeed(seed, 'dashboards')), org.folders, looks, {
    dashboard: seq('dashboard'),
    dashboardElement: seq('dashboardElement'),
    contentMetadata,
  })
  return {
    users: org.users,
    folders: org.folders,
    queries,
    looks,
    dashboards,
    favorites,
    credentials: demoCredentialRecords(),
    counters,
  }
}
