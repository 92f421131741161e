import { DEMO_CREDENTIALS, type DemoUserKey } from '../looker-sim/core'
import type {
  DashboardRecord,
  FolderRecord,
  LookRecord,
  QueryRecord,
  RoleName,
  UserRecord,
} from '../looker-sim/core/types'
import { timesOutOnFirstRender } from '../looker-sim/core/tasks/failures'
import { sim } from './server'

/**
 * Builders for each test's own data in the simulator: a test makes the folders, looks and dashboards it
 * talks about, so it never depends on a seeded id or title. The only fixed cast are the three demo users
 * (signInAs), named by role. setup.ts resets the simulator before each test, which drops what was built.
 */

const DAY_MS = 86_400_000
let serial = 0
/** A name no seeded record has, so searches and trees find exactly what the test built. */
export const uniqueName = (base: string) => `${base} ${++serial}`

/** One of the demo users (signInAs), by role. */
export function demoUser(key: DemoUserKey): UserRecord {
  return sim.store.user(DEMO_CREDENTIALS[key].userId)!
}

/** Looker's fixed roots: the Shared folder and the Users folder (everyone's personal folders). */
export function sharedRoot(): FolderRecord {
  return sim.store.data.folders.find((f) => f.is_shared_root)!
}

export function personalFolder(key: DemoUserKey): FolderRecord {
  return sim.store.folder(demoUser(key).personal_folder_id)!
}

function nextFolderId(): string {
  return String(Math.max(...sim.store.data.folders.map((f) => Number(f.id) || 0)) + 1)
}

export interface FolderInit {
  name?: string
  /** Default: the Shared root. */
  parent?: FolderRecord
  /** Grants by role for this folder and below (the Shared root grants view to analysts and viewers). */
  access?: Partial<Record<RoleName, 'view' | 'edit'>>
}

/** A folder under Shared (or `parent`); by default everyone may view it and only admins edit. */
export function aFolder({ name = uniqueName('Folder'), parent = sharedRoot(), access }: FolderInit = {}) {
  const folder: FolderRecord = {
    id: nextFolderId(),
    name,
    parent_id: parent.id,
    creator_id: demoUser('admin').id,
    content_metadata_id: sim.store.nextId('contentMetadata'),
    created_at: sim.store.nowIso(),
    is_shared_root: false,
    is_users_root: false,
    is_personal: false,
    is_personal_descendant: parent.is_personal || parent.is_personal_descendant,
    personal_owner_id: parent.personal_owner_id,
    access: access ?? null,
  }
  sim.store.data.folders.push(folder)
  sim.store.reindex()
  return folder
}

/** A folder the analyst may add to and change (as the seeded Sales and Marketing trees). */
export const anEditableFolder = (init: Omit<FolderInit, 'access'> = {}) =>
  aFolder({ ...init, access: { analyst: 'edit' } })

export interface LookInit extends Partial<Omit<LookRecord, 'id' | 'query_id' | 'folder_id' | 'user_id'>> {
  folder?: FolderRecord
  owner?: DemoUserKey
  /** The look's query: an explore and fields (the simulator makes up data for any fields). */
  query?: Partial<Omit<QueryRecord, 'id'>>
  /** In the trash, deleted by this user this long ago. */
  trashedBy?: { user: DemoUserKey; daysAgo?: number }
  /**
   * Skip ids whose first render times out (the simulator's cold warehouse hits a few looks at random),
   * for tests that need a render to work on its first try.
   */
  rendersFirstTime?: boolean
}

function aQuery(init: Partial<Omit<QueryRecord, 'id'>> = {}): QueryRecord {
  const query: QueryRecord = {
    id: sim.store.nextId('query'),
    model: 'ecommerce',
    view: 'order_items',
    fields: ['order_items.created_month', 'order_items.total_sale_price'],
    pivots: null,
    fill_fields: null,
    filters: null,
    filter_expression: null,
    sorts: ['order_items.created_month desc'],
    limit: '500',
    column_limit: null,
    total: false,
    row_total: null,
    subtotals: null,
    vis_config: { type: 'looker_column' },
    filter_config: null,
    visible_ui_sections: null,
    slug: `q${serial}`,
    dynamic_fields: null,
    client_id: `built${serial}`,
    query_timezone: null,
    ...init,
  }
  sim.store.data.queries.push(query)
  return query
}

/** A look with its own query, in `folder` (default: a new Shared folder), owned by `owner` (the admin). */
export function aLook({
  folder = aFolder(),
  owner = 'admin',
  query,
  trashedBy,
  rendersFirstTime = false,
  ...fields
}: LookInit = {}): LookRecord {
  const title = fields.title ?? uniqueName('Look')
  let id = sim.store.nextId('look')
  while (rendersFirstTime && timesOutOnFirstRender(sim.store.seed, { id, title }))
    id = sim.store.nextId('look')
  const now = sim.store.clock.now()
  const ownerId = demoUser(owner).id
  const look: LookRecord = {
    id,
    title,
    description: null,
    folder_id: folder.id,
    user_id: ownerId,
    query_id: aQuery(query).id,
    content_metadata_id: sim.store.nextId('contentMetadata'),
    created_at: new Date(now - 200 * DAY_MS).toISOString(),
    updated_at: new Date(now - 20 * DAY_MS).toISOString(),
    last_updater_id: ownerId,
    last_viewed_at: new Date(now - 2 * DAY_MS).toISOString(),
    last_accessed_at: null,
    view_count: 12,
    favorite_count: 0,
    deleted: false,
    deleted_at: null,
    deleter_id: null,
    public: false,
    public_slug: null,
    short_url_slug: `built${id}`,
    is_run_on_load: false,
    ...fields,
  }
  if (trashedBy) {
    look.deleted = true
    look.deleter_id = demoUser(trashedBy.user).id
    look.deleted_at = new Date(now - (trashedBy.daysAgo ?? 1) * DAY_MS).toISOString()
  }
  sim.store.addLook(look)
  sim.store.reindex()
  return look
}

/** A dashboard with a tile for each of `looks`, in the first look's folder. */
export function aDashboard({
  title = uniqueName('Dashboard'),
  looks,
  folder,
}: {
  title?: string
  looks: LookRecord[]
  folder?: FolderRecord
}): DashboardRecord {
  const now = sim.store.nowIso()
  const dashboard: DashboardRecord = {
    id: sim.store.nextId('dashboard'),
    title,
    description: null,
    folder_id: folder?.id ?? looks[0]?.folder_id ?? sharedRoot().id,
    user_id: demoUser('admin').id,
    content_metadata_id: sim.store.nextId('contentMetadata'),
    created_at: now,
    updated_at: now,
    view_count: 0,
    favorite_count: 0,
    last_viewed_at: null,
    deleted: false,
    deleted_at: null,
    deleter_id: null,
    filters: [],
    elements: looks.map((look) => ({
      id: sim.store.nextId('dashboardElement'),
      look_id: look.id,
      title: null,
    })),
  }
  sim.store.data.dashboards.push(dashboard)
  sim.store.reindex()
  return dashboard
}

/** A look the analyst may edit (its folder grants analysts edit, as the seeded Sales tree does). */
export const anEditableLook = (init: LookInit = {}) => aLook({ folder: anEditableFolder(), ...init })
