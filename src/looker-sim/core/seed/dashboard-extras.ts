import { DAY_MS, iso, REFERENCE_DATE_MS } from '../constants'
import type { Random } from '../random'
import type { DashboardRecord, FolderRecord, LookRecord, ScheduledPlanRecord, UserRecord } from '../types'
import { dashboardRecord, type DashboardIds, type FilterSeed } from './dashboard-records'
import { SPECIAL_LOOKS } from './special-looks'
import type { Sequence } from './users-folders'

/** Not viewed for half a year (or never, and older than that): what Looker's Unused Content page lists. */
const UNUSED_FOR_MS = 180 * DAY_MS

/**
 * A look an admin's Unused list would offer if nothing else kept it: live, private, nobody's favourite,
 * not viewed for half a year. Some of these are put on dashboards or scheduled, so the list has
 * something to leave out (issue 15).
 */
export function looksUnused(look: LookRecord): boolean {
  const lastSeen = Date.parse(look.last_viewed_at ?? look.created_at)
  return (
    !look.deleted &&
    !look.public &&
    look.favorite_count === 0 &&
    Number(look.id) > SPECIAL_LOOKS.length &&
    lastSeen < REFERENCE_DATE_MS - UNUSED_FOR_MS
  )
}

interface ExtraDashboard {
  title: string
  description: string
  /** A Shared folder by name, or 'personal:<user id>'. */
  folder: string
  /** The Shared tree its looks come from. */
  looksFrom: string
  ownerId: string
  unusedTiles: number
  otherTiles: number
  filters?: FilterSeed[]
  deletedBy?: string
}

const EXTRA_DASHBOARDS: ExtraDashboard[] = [
  {
    title: 'Operations Weekly',
    description: 'Stock, fulfilment and distribution centres, reviewed every Monday.',
    folder: 'Operations',
    looksFrom: 'Operations',
    ownerId: '1',
    unusedTiles: 2,
    otherTiles: 2,
    filters: [
      {
        explore: 'inventory_items',
        dimension: 'inventory_items.created_date',
        title: 'Stock Date',
        value: '90 days',
      },
    ],
  },
  {
    title: 'Support Queue',
    description: 'Open tickets and account health for the support leads.',
    folder: 'Customer Success',
    looksFrom: 'Customer Success',
    ownerId: '1',
    unusedTiles: 1,
    otherTiles: 2,
  },
  {
    title: 'Campaign checks',
    description: 'Private checks before the campaign review.',
    folder: 'personal:2',
    looksFrom: 'Marketing',
    ownerId: '2',
    unusedTiles: 1,
    otherTiles: 1,
  },
  {
    title: 'Retired KPI board',
    description: 'Replaced by the Executive Summary.',
    folder: 'Executive',
    looksFrom: 'Executive',
    ownerId: '1',
    unusedTiles: 1,
    otherTiles: 1,
    deletedBy: '1',
  },
]

/**
 * Dashboards added after the first six, from their own random stream (the first six keep their tiles):
 * each puts a few unused-looking looks on a dashboard; one is personal (Andy's), one is in the trash.
 */
export function seedExtraDashboards(
  rng: Random,
  usage: Random,
  folders: FolderRecord[],
  users: UserRecord[],
  looks: LookRecord[],
  taken: ReadonlySet<string>,
  ids: DashboardIds,
): DashboardRecord[] {
  const tree = treeIndex(folders)
  const used = new Set(taken)
  const dashboards: DashboardRecord[] = []
  for (const spec of EXTRA_DASHBOARDS) {
    const folder = spec.folder.startsWith('personal:')
      ? folders.find((f) => f.id === users.find((u) => u.id === spec.folder.slice(9))?.personal_folder_id)
      : folders.find((f) => f.name === spec.folder && !f.is_personal)
    const root = folders.find((f) => f.name === spec.looksFrom && !f.is_personal)
    if (!folder || !root) continue
    const inTree = looks.filter((l) => !l.deleted && !used.has(l.id) && tree.within(l.folder_id, root.id))
    const unused = rng.sample(inTree.filter(looksUnused), spec.unusedTiles)
    const others = rng.sample(
      inTree.filter((l) => !looksUnused(l) && Number(l.id) > SPECIAL_LOOKS.length),
      spec.otherTiles,
    )
    const tiles = [...unused, ...others]
    if (tiles.length === 0) continue
    for (const look of tiles) used.add(look.id)
    const created = REFERENCE_DATE_MS - rng.int(60, 500) * DAY_MS
    dashboards.push(
      dashboardRecord(usage, ids, {
        title: spec.title,
        description: spec.description,
        folder_id: folder.id,
        user_id: spec.ownerId,
        created,
        updated: created + rng.int(1, 40) * DAY_MS,
        looks: tiles,
        filters: spec.filters ?? [],
        deletedBy: spec.deletedBy,
      }),
    )
  }
  return dashboards
}

const FORMATS = ['csv', 'wysiwyg_pdf', 'wysiwyg_png', 'xlsx', 'inline_table'] as const
const CRONTABS = ['0 8 * * 1', '30 6 * * 1-5', '0 9 15 * *', '0 18 * * 5', '0 7 1 * *']

/**
 * Look schedules: two on popular hand-written looks, and a few on unused-looking looks that are on no
 * dashboard, owned by their look's owner when that user may schedule (not a viewer), else by the admin.
 * Plans of other users are what `all_users=true` is for.
 */
export function seedScheduledPlans(
  rng: Random,
  users: UserRecord[],
  looks: LookRecord[],
  onDashboards: ReadonlySet<string>,
  ids: { scheduledPlan: Sequence },
): ScheduledPlanRecord[] {
  const usersById = new Map(users.map((u) => [u.id, u]))
  const plans: ScheduledPlanRecord[] = []
  const add = (look: LookRecord | undefined, ownerId: string, name: string, index: number) => {
    if (!look) return
    const owner = usersById.get(ownerId)
    if (!owner) return
    const created = Math.max(Date.parse(look.created_at), REFERENCE_DATE_MS - rng.int(20, 400) * DAY_MS)
    plans.push({
      id: ids.scheduledPlan.next(),
      name,
      user_id: owner.id,
      look_id: look.id,
      crontab: CRONTABS[index % CRONTABS.length] as string,
      timezone: 'UTC',
      enabled: true,
      format: FORMATS[index % FORMATS.length] as string,
      recipients: [owner.email],
      created_at: iso(created),
      updated_at: iso(created + rng.int(0, 10) * DAY_MS),
      last_run_at: iso(REFERENCE_DATE_MS - rng.int(1, 6) * DAY_MS),
    })
  }
  const special = (index: number) => looks[index]
  add(special(4), '1', 'Board margin, monthly', 4)
  add(special(0), '2', 'Conversion by channel, Mondays', 0)
  const candidates = looks.filter((l) => looksUnused(l) && !onDashboards.has(l.id))
  rng.sample(candidates, 3).forEach((look, i) => {
    const owner = usersById.get(look.user_id)
    const ownerId = owner && owner.role !== 'viewer' ? owner.id : '1'
    add(look, ownerId, `${look.title} (${['weekdays', 'mid-month', 'Fridays'][i]})`, i + 1)
  })
  return plans
}

function treeIndex(folders: FolderRecord[]) {
  const byId = new Map(folders.map((f) => [f.id, f]))
  return {
    within(folderId: string, rootId: string): boolean {
      for (let f = byId.get(folderId); f; f = f.parent_id === null ? undefined : byId.get(f.parent_id)) {
        if (f.id === rootId) return true
      }
      return false
    },
  }
}
