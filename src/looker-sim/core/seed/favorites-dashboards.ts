import { accessMap, canView } from '../access'
import { DAY_MS, REFERENCE_DATE_MS } from '../constants'
import type { Random } from '../random'
import type { DashboardRecord, FavoriteRecord, FolderRecord, LookRecord, UserRecord } from '../types'
import { dashboardRecord, type DashboardIds, type FilterSeed } from './dashboard-records'
import { SPECIAL_LOOKS } from './special-looks'
import type { Sequence } from './users-folders'

/** Favourites are per user: each one gives that user's view of the look a content_favorite_id. */
export function seedFavorites(
  rng: Random,
  users: UserRecord[],
  folders: FolderRecord[],
  looks: LookRecord[],
  ids: { favorite: Sequence },
): FavoriteRecord[] {
  const foldersById = new Map(folders.map((f) => [f.id, f]))
  const favorites: FavoriteRecord[] = []
  const add = (userId: string, look: LookRecord) => {
    if (favorites.some((f) => f.user_id === userId && f.look_id === look.id)) return
    favorites.push({
      id: ids.favorite.next(),
      user_id: userId,
      look_id: look.id,
      content_metadata_id: look.content_metadata_id,
    })
  }

  SPECIAL_LOOKS.forEach((special, index) => {
    const look = looks[index]
    if (look) for (const userId of special.favoritedBy ?? []) add(userId, look)
  })

  for (const user of users) {
    const access = accessMap(user, foldersById)
    const visible = looks.filter((l) => !l.deleted && canView(access.get(l.folder_id)))
    const count = Number(user.id) <= 3 ? rng.int(8, 12) : rng.int(0, 6)
    for (const look of rng.sample(visible.slice(0, 2000), count)) add(user.id, look)
  }

  const counts = new Map<string, number>()
  for (const f of favorites) counts.set(f.look_id, (counts.get(f.look_id) ?? 0) + 1)
  for (const look of looks) {
    const extra = rng.chance(0.6) ? 0 : rng.int(1, 25)
    look.favorite_count = (counts.get(look.id) ?? 0) + extra
  }
  return favorites
}

const DASHBOARDS: { title: string; folder: string; description: string; filters?: FilterSeed[] }[] = [
  {
    title: 'Sales Overview',
    folder: 'Sales',
    description: 'Revenue, orders and top customers at a glance.',
    filters: [
      { explore: 'users', dimension: 'users.created_date', title: 'Signup Date', value: '6 months' },
      { explore: 'users', dimension: 'users.country', title: 'Country', value: null },
    ],
  },
  { title: 'Pipeline Review', folder: 'Pipeline', description: 'Weekly pipeline meeting.' },
  {
    title: 'Marketing Funnel',
    folder: 'Marketing',
    description: 'Sessions to conversion, by channel.',
    filters: [
      { explore: 'sessions', dimension: 'sessions.start_date', title: 'Session Date', value: '28 days' },
    ],
  },
  {
    title: 'Board Pack',
    folder: 'Board',
    description: 'Quarterly board metrics.',
    filters: [{ explore: 'ledger', dimension: 'ledger.region', title: 'Region', value: null }],
  },
  { title: 'Product Health', folder: 'Product', description: 'Activation, engagement and retention.' },
  { title: 'Executive Summary', folder: 'Executive', description: 'One page for the leadership team.' },
]

/** A few dashboards whose tiles are looks from the same part of the tree (later used by render tasks). */
export function seedDashboards(
  rng: Random,
  usage: Random,
  folders: FolderRecord[],
  looks: LookRecord[],
  ids: DashboardIds,
): DashboardRecord[] {
  const byId = new Map(folders.map((f) => [f.id, f]))
  const isWithin = (folderId: string, rootId: string): boolean => {
    for (let f = byId.get(folderId); f; f = f.parent_id === null ? undefined : byId.get(f.parent_id)) {
      if (f.id === rootId) return true
    }
    return false
  }
  const dashboards: DashboardRecord[] = []
  for (const spec of DASHBOARDS) {
    const folder = folders.find((f) => f.name === spec.folder && !f.is_personal)
    if (!folder) continue
    const candidates = looks.filter((l) => !l.deleted && isWithin(l.folder_id, folder.id))
    // Specials in this tree come first so the wildcard looks are known to be on a dashboard.
    const specials = candidates.filter((l) => Number(l.id) <= SPECIAL_LOOKS.length)
    const tiles = [
      ...specials,
      ...rng.sample(candidates.filter((l) => !specials.includes(l)).slice(0, 500), 6),
    ]
    const chosen = tiles.slice(0, rng.int(3, 6))
    if (chosen.length === 0) continue
    const created = REFERENCE_DATE_MS - rng.int(30, 600) * DAY_MS
    dashboards.push(
      dashboardRecord(usage, ids, {
        title: spec.title,
        description: spec.description,
        folder_id: folder.id,
        user_id: '1',
        created,
        updated: created + rng.int(0, 25) * DAY_MS,
        looks: chosen,
        filters: spec.filters ?? [],
      }),
    )
  }
  return dashboards
}
