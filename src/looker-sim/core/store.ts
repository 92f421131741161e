import { accessMap, canView } from './access'
import { canSeeLook } from './can'
import * as auth from './auth'
import type { Clock } from './clock'
import { DEFAULT_LOOK_COUNT, DEFAULT_SEED, DEFAULT_TOKEN_TTL_SECONDS, iso } from './constants'
import { notFound } from './errors'
import * as folderOps from './folders'
import * as lookActions from './rules/look-actions'
import { updateLook } from './rules/update-look'
import * as lookSearch from './looks-search'
import * as lookml from './lookml'
import * as dashboardOps from './dashboards'
import * as queryOps from './queries/create'
import { createLook } from './rules/create-look'
import * as run from './run'
import type { PagingInput } from './search/paging'
import { buildSeedData } from './seed'
import type { Lookup } from './serialize'
import { lookWithQuery } from './serialize'
import type {
  DashboardRecord,
  FolderRecord,
  LookmlDashboardRecord,
  LookRecord,
  QueryRecord,
  SimData,
  TokenRecord,
  UserRecord,
} from './types'
import * as userOps from './users'
import type { Viewer } from './viewer'

export interface StoreOptions {
  seed?: number
  lookCount?: number
  clock: Clock
  tokenTtlSeconds?: number
}

/** Everything mutable, JSON-serialisable; what the browser persists between page loads. */
export interface SimSnapshot {
  /** 2: dashboards with filters and usage, LookML dashboards, scheduled plans. */
  version: 2
  seed: number
  lookCount: number
  data: SimData
  tokens: TokenRecord[]
}

/**
 * The simulated Looker instance: data, indexes and every rule. HTTP handlers only translate; all
 * decisions (visibility, permissions, validation, conflicts) are made here and in the modules it
 * delegates to, and failures are thrown as SimHttpError. Internals (`data`, the lookups, `viewer`)
 * are public so later modules (render and query tasks) can build on them.
 */
export class SimStore implements Lookup {
  readonly seed: number
  readonly lookCount: number
  readonly clock: Clock
  readonly tokenTtlSeconds: number
  data!: SimData
  readonly tokens = new Map<string, TokenRecord>()

  private looksById = new Map<string, LookRecord>()
  private foldersById = new Map<string, FolderRecord>()
  private usersById = new Map<string, UserRecord>()
  private queriesById = new Map<string, QueryRecord>()
  private dashboardsById = new Map<string, DashboardRecord>()
  private lookmlDashboardsById = new Map<string, LookmlDashboardRecord>()
  private childrenByParent = new Map<string, FolderRecord[]>()
  private favoritesByUser = new Map<string, Map<string, string>>()
  /** Built on first use (most sessions never create a query). */
  private queriesByParameters: queryOps.QueryIndex | null = null
  /** Bumped by every change to looks; sorted orders cached for searches are valid for one version. */
  private version = 0
  private sortCache = { version: -1, orders: new Map<string, LookRecord[]>() }

  constructor(options: StoreOptions) {
    this.seed = options.seed ?? DEFAULT_SEED
    this.lookCount = options.lookCount ?? DEFAULT_LOOK_COUNT
    this.clock = options.clock
    this.tokenTtlSeconds = options.tokenTtlSeconds ?? DEFAULT_TOKEN_TTL_SECONDS
    this.reset()
  }

  // ---- state -------------------------------------------------------------------------------------

  /** Back to the seeded data. Sessions (tokens) survive, so a signed-in app keeps working. */
  reset(): void {
    this.load(buildSeedData({ seed: this.seed, lookCount: this.lookCount }))
  }

  snapshot(): SimSnapshot {
    return structuredClone({
      version: 2,
      seed: this.seed,
      lookCount: this.lookCount,
      data: this.data,
      tokens: [...this.tokens.values()],
    })
  }

  /** Restores a snapshot taken with the same seed and look count; returns false (and changes nothing) otherwise. */
  restore(snapshot: SimSnapshot): boolean {
    if (snapshot.version !== 2 || snapshot.seed !== this.seed || snapshot.lookCount !== this.lookCount)
      return false
    this.load(structuredClone(snapshot.data))
    this.tokens.clear()
    for (const token of snapshot.tokens) this.tokens.set(token.token, { ...token })
    return true
  }

  private load(data: SimData): void {
    this.data = data
    this.reindex()
  }

  /** Rebuilds every index from `data`; call after changing `data` directly. */
  reindex(): void {
    this.touch()
    const byId = <T extends { id: string }>(items: T[]) => new Map(items.map((item) => [item.id, item]))
    this.looksById = byId(this.data.looks)
    this.foldersById = byId(this.data.folders)
    this.usersById = byId(this.data.users)
    this.queriesById = byId(this.data.queries)
    this.queriesByParameters = null
    this.dashboardsById = byId(this.data.dashboards)
    this.lookmlDashboardsById = byId(this.data.lookmlDashboards)
    this.childrenByParent = new Map()
    for (const folder of this.data.folders) {
      if (folder.parent_id === null) continue
      const siblings = this.childrenByParent.get(folder.parent_id) ?? []
      siblings.push(folder)
      this.childrenByParent.set(folder.parent_id, siblings)
    }
    this.favoritesByUser = new Map()
    for (const favorite of this.data.favorites) {
      const mine = this.favoritesByUser.get(favorite.user_id) ?? new Map<string, string>()
      mine.set(favorite.look_id, favorite.id)
      this.favoritesByUser.set(favorite.user_id, mine)
    }
  }

  nowIso(): string {
    return iso(this.clock.now())
  }

  nextId(sequence: keyof SimData['counters']): string {
    return String(this.data.counters[sequence]++)
  }

  // ---- lookups (raw records; no permission checks) ------------------------------------------------

  look(id: string): LookRecord | undefined {
    return this.looksById.get(id)
  }
  folder(id: string): FolderRecord | undefined {
    return this.foldersById.get(id)
  }
  user(id: string): UserRecord | undefined {
    return this.usersById.get(id)
  }
  query(id: string): QueryRecord | undefined {
    return this.queriesById.get(id)
  }
  dashboard(id: string): DashboardRecord | undefined {
    return this.dashboardsById.get(id)
  }
  lookmlDashboard(id: string): LookmlDashboardRecord | undefined {
    return this.lookmlDashboardsById.get(id)
  }
  childFolders(id: string): FolderRecord[] {
    return this.childrenByParent.get(id) ?? []
  }
  /** Live dashboards with a tile of this look (a dashboard in the trash no longer "uses" it). */
  dashboardsWithLook(lookId: string): DashboardRecord[] {
    return this.data.dashboards.filter((d) => !d.deleted && d.elements.some((e) => e.look_id === lookId))
  }
  looks(): Iterable<LookRecord> {
    return this.looksById.values()
  }
  folders(): Iterable<FolderRecord> {
    return this.foldersById.values()
  }

  /** Marks looks as changed (titles, folders, dates…), so cached search orders are recomputed. */
  touch(): void {
    this.version++
  }

  /**
   * All looks in the order a sort spec gives, cached until the next change: repeated searches with
   * the same sort (paging through results) then cost a scan, not a 50,000-row sort.
   */
  cachedLookOrder(sortKey: string, compute: () => LookRecord[]): LookRecord[] {
    if (this.sortCache.version !== this.version) this.sortCache = { version: this.version, orders: new Map() }
    let order = this.sortCache.orders.get(sortKey)
    if (!order) this.sortCache.orders.set(sortKey, (order = compute()))
    return order
  }

  addLook(look: LookRecord): void {
    this.touch()
    this.data.looks.push(look)
    this.looksById.set(look.id, look)
  }

  /** Queries by parameters, slug and client id (create_query, query_for_slug). */
  queryIndex(): queryOps.QueryIndex {
    return (this.queriesByParameters ??= new queryOps.QueryIndex(this.data.queries))
  }

  /** Queries are immutable and never deleted; this only ever adds one. */
  addQuery(query: QueryRecord): void {
    this.data.queries.push(query)
    this.queriesById.set(query.id, query)
    this.queriesByParameters?.add(query)
  }

  /**
   * Hard delete: the look, its favourites, its dashboard tiles and its schedules go; its query stays
   * (queries are immutable).
   */
  removeLook(id: string): void {
    this.touch()
    this.data.looks = this.data.looks.filter((l) => l.id !== id)
    this.looksById.delete(id)
    this.data.favorites = this.data.favorites.filter((f) => f.look_id !== id)
    for (const favorites of this.favoritesByUser.values()) favorites.delete(id)
    for (const dashboard of this.data.dashboards) {
      dashboard.elements = dashboard.elements.filter((e) => e.look_id !== id)
    }
    this.data.scheduledPlans = this.data.scheduledPlans.filter((p) => p.look_id !== id)
  }

  // ---- callers -----------------------------------------------------------------------------------

  /** The per-request view of one user: folder access, favourites and the origin for absolute URLs. */
  viewer(userOrId: UserRecord | string, origin = 'http://localhost'): Viewer {
    const user = typeof userOrId === 'string' ? this.user(userOrId) : userOrId
    if (!user) throw notFound()
    return {
      user,
      isAdmin: user.role === 'admin',
      access: accessMap(user, this.foldersById),
      favorites: this.favoritesByUser.get(user.id) ?? new Map(),
      origin,
      now: this.clock.now(),
    }
  }

  /** A visible look or 404: callers never learn that invisible content exists. */
  visibleLook(viewer: Viewer, id: string): LookRecord {
    const look = this.look(id)
    if (!look || !canSeeLook(viewer, look)) throw notFound()
    return look
  }

  visibleFolder(viewer: Viewer, id: string): FolderRecord {
    const folder = this.folder(id)
    if (!folder || !canView(viewer.access.get(folder.id))) throw notFound()
    return folder
  }

  // ---- auth --------------------------------------------------------------------------------------

  login = (clientId: string | null, clientSecret: string | null) => auth.login(this, clientId, clientSecret)
  logout = (token: string) => auth.logout(this, token)
  authenticate = (token: string | null) => auth.authenticate(this, token)
  issueToken = (userId: string) => auth.issueToken(this, userId)

  // ---- looks -------------------------------------------------------------------------------------

  searchLooks = (viewer: Viewer, params: lookSearch.LookSearchParams) =>
    lookSearch.searchLooks(this, viewer, params)
  allLooks = (viewer: Viewer) => lookSearch.allLooks(this, viewer)
  getLook = (viewer: Viewer, id: string) => lookWithQuery(viewer, this, this.visibleLook(viewer, id))
  updateLook = (viewer: Viewer, id: string, body: unknown) => updateLook(this, viewer, id, body)
  deleteLook = (viewer: Viewer, id: string) => lookActions.deleteLook(this, viewer, id)
  copyLook = (viewer: Viewer, id: string, folderId?: string) =>
    lookActions.copyLook(this, viewer, id, folderId)
  moveLook = (viewer: Viewer, id: string, folderId: string) =>
    lookActions.moveLook(this, viewer, id, folderId)

  createLook = (viewer: Viewer, body: unknown) => createLook(this, viewer, body)
  runLook = (viewer: Viewer, id: string, format: run.RunFormat, options: run.RunOptions) =>
    run.runLook(this, viewer, id, format, options)

  // ---- queries and LookML ------------------------------------------------------------------------

  createQuery = (viewer: Viewer, body: unknown) => queryOps.createQuery(this, viewer, body)
  getQuery = (viewer: Viewer, id: string) => queryOps.getQuery(this, viewer, id)
  queryForSlug = (viewer: Viewer, slug: string) => queryOps.queryForSlug(this, viewer, slug)
  runQuery = (viewer: Viewer, id: string, format: run.RunFormat, options: run.RunOptions) =>
    run.runQueryById(this, viewer, id, format, options)
  lookmlModels = () => lookml.allLookmlModels()
  lookmlModel = (name: string) => lookml.getLookmlModel(name)
  lookmlModelExplore = (viewer: Viewer, model: string, explore: string) =>
    lookml.getLookmlModelExplore(this, viewer, model, explore)

  // ---- dashboards and schedules -----------------------------------------------------------------

  getDashboard = (viewer: Viewer, id: string) => dashboardOps.getDashboard(this, viewer, id)
  searchDashboards = (viewer: Viewer, params: dashboardOps.Params, paging?: PagingInput) =>
    dashboardOps.searchDashboards(this, viewer, params, paging)
  searchLookmlDashboards = (viewer: Viewer, params: dashboardOps.Params, paging?: PagingInput) =>
    dashboardOps.searchLookmlDashboards(this, viewer, params, paging)
  searchDashboardElements = (viewer: Viewer, params: dashboardOps.Params) =>
    dashboardOps.searchDashboardElements(this, viewer, params)
  scheduledPlansForLook = (viewer: Viewer, lookId: string, params: dashboardOps.SchedulesForLookParams) =>
    dashboardOps.scheduledPlansForLook(this, viewer, lookId, params)
  contentThumbnail = (viewer: Viewer, request: dashboardOps.ThumbnailRequest) =>
    dashboardOps.contentThumbnail(this, viewer, request)

  // ---- folders -----------------------------------------------------------------------------------

  searchFolders = (viewer: Viewer, params: folderOps.FolderSearchParams) =>
    folderOps.searchFolders(this, viewer, params)
  getFolder = (viewer: Viewer, id: string) => folderOps.getFolder(this, viewer, id)
  folderChildren = (viewer: Viewer, id: string, params: folderOps.FolderSearchParams = {}) =>
    folderOps.folderChildren(this, viewer, id, params)
  folderAncestors = (viewer: Viewer, id: string) => folderOps.folderAncestors(this, viewer, id)
  folderParent = (viewer: Viewer, id: string) => folderOps.folderParent(this, viewer, id)
  folderLooks = (viewer: Viewer, id: string) => folderOps.folderLooks(this, viewer, id)

  // ---- users -------------------------------------------------------------------------------------

  me = (viewer: Viewer) => userOps.getUser(this, viewer, viewer.user.id)
  getUser = (viewer: Viewer, id: string) => userOps.getUser(this, viewer, id)
  searchUsers = (viewer: Viewer, params: userOps.UserSearchParams) =>
    userOps.searchUsers(this, viewer, params)
}
