import { canSeeDashboard, canSeeLook } from './can'
import { canView } from './access'
import type { ApiFolder, ApiFolderBase, ApiLookWithQuery } from './api-types'
import { notFound } from './errors'
import type { SearchFields } from './search/criteria'
import type { PagingInput } from './search/paging'
import { numericId, runSearch, type SearchResult, type SearchSpec } from './search/run'
import type { SortGetters } from './search/sort'
import { dashboardBase, folderBase, lookWithDashboards, lookWithQuery } from './serialize'
import type { SimStore } from './store'
import type { FolderRecord } from './types'
import type { Viewer } from './viewer'

export interface FolderSearchParams extends PagingInput {
  name?: string
  id?: string
  parent_id?: string
  creator_id?: string
  is_shared_root?: boolean | string
  is_users_root?: boolean | string
  filter_or?: boolean | string
  sorts?: string
}

const num = (id: string | null) => (id === null ? null : Number(id))

const FIELDS: SearchFields<FolderRecord, Viewer> = {
  name: { kind: 'string', get: (f) => f.name },
  id: { kind: 'id', get: (f) => f.id },
  parent_id: { kind: 'id', get: (f) => f.parent_id },
  creator_id: { kind: 'id', get: (f) => f.creator_id },
  is_shared_root: { kind: 'boolean', get: (f) => f.is_shared_root },
  is_users_root: { kind: 'boolean', get: (f) => f.is_users_root },
}

const SORTS: SortGetters<FolderRecord, Viewer> = {
  id: (f) => num(f.id),
  name: (f) => f.name,
  parent_id: (f) => num(f.parent_id),
  creator_id: (f) => num(f.creator_id),
  created_at: (f) => f.created_at,
  content_metadata_id: (f) => num(f.content_metadata_id),
  is_personal: (f) => f.is_personal,
  is_shared_root: (f) => f.is_shared_root,
  is_users_root: (f) => f.is_users_root,
}

/** Only folders the caller may open exist for them: other users' personal folders are invisible. */
const visible = (folder: FolderRecord, viewer: Viewer) => canView(viewer.access.get(folder.id))

function search(
  store: SimStore,
  viewer: Viewer,
  params: FolderSearchParams,
  scope: SearchSpec<FolderRecord, Viewer>['scope'],
): SearchResult<ApiFolderBase> {
  const spec: SearchSpec<FolderRecord, Viewer> = { fields: FIELDS, sorts: SORTS, scope, tieBreak: numericId }
  const { items, total } = runSearch(store.folders(), spec, { ...params, criteria: { ...params } }, viewer)
  return { items: items.map((f) => folderBase(viewer, store, f)), total }
}

export function searchFolders(store: SimStore, viewer: Viewer, params: FolderSearchParams) {
  return search(store, viewer, params, visible)
}

/** Children sort by name unless told otherwise, which is what a folder tree shows. */
export function folderChildren(store: SimStore, viewer: Viewer, id: string, params: FolderSearchParams) {
  const parent = store.visibleFolder(viewer, id)
  const scoped = { ...params, sorts: params.sorts ?? 'name' }
  return search(store, viewer, scoped, (f, v) => f.parent_id === parent.id && visible(f, v))
}

/** Root first, parent last; the folder itself is not included. */
export function folderAncestors(store: SimStore, viewer: Viewer, id: string): ApiFolderBase[] {
  const folder = store.visibleFolder(viewer, id)
  const chain: FolderRecord[] = []
  for (let parentId = folder.parent_id; parentId !== null && chain.length < 64;) {
    const parent = store.folder(parentId)
    if (!parent) break
    chain.unshift(parent)
    parentId = parent.parent_id
  }
  return chain.map((f) => folderBase(viewer, store, f))
}

export function folderParent(store: SimStore, viewer: Viewer, id: string): ApiFolderBase {
  const folder = store.visibleFolder(viewer, id)
  const parent = folder.parent_id === null ? undefined : store.folder(folder.parent_id)
  if (!parent) throw notFound()
  return folderBase(viewer, store, parent)
}

/** A single folder carries its looks (live, with their dashboards) and dashboards, as the Folder schema has. */
export function getFolder(store: SimStore, viewer: Viewer, id: string): ApiFolder {
  const folder = store.visibleFolder(viewer, id)
  const looks = [...store.looks()].filter(
    (l) => l.folder_id === folder.id && !l.deleted && canSeeLook(viewer, l),
  )
  return {
    ...folderBase(viewer, store, folder),
    looks: looks.map((l) => lookWithDashboards(viewer, store, l)),
    dashboards: store.data.dashboards
      .filter((d) => d.folder_id === folder.id && !d.deleted && canSeeDashboard(viewer, d))
      .map((d) => dashboardBase(viewer, store, d)),
  }
}

/** folder_looks: the live looks in one folder. */
export function folderLooks(store: SimStore, viewer: Viewer, id: string): ApiLookWithQuery[] {
  const folder = store.visibleFolder(viewer, id)
  const looks = [...store.looks()].filter(
    (l) => l.folder_id === folder.id && !l.deleted && canSeeLook(viewer, l),
  )
  return looks.map((l) => lookWithQuery(viewer, store, l))
}
