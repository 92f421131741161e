import type { IFolder, IRequestSearchFolders } from '@looker/sdk/lib/4.0/models'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { http, seg } from '../lib/http'

export type FolderSearch = Omit<IRequestSearchFolders, 'fields'>

export const FOLDER_SUMMARY_FIELDS =
  'id,name,parent_id,child_count,is_shared_root,is_users_root,is_personal,is_personal_descendant,creator_id,can'

/** search_folders: GET /folders/search. */
export function searchFolders(params: FolderSearch, signal?: AbortSignal, fields = FOLDER_SUMMARY_FIELDS) {
  return http.get<IFolder[]>('/folders/search', { query: { ...params, fields }, signal })
}

/** folder: GET /folders/{folder_id}. */
export function getFolder(folderId: string, signal?: AbortSignal, fields?: string) {
  return http.get<IFolder>(`/folders/${seg(folderId)}`, { query: { fields }, signal })
}

/** folder_children: GET /folders/{folder_id}/children. */
export function getFolderChildren(
  folderId: string,
  signal?: AbortSignal,
  options: { sorts?: string; limit?: number; offset?: number; fields?: string } = {},
) {
  const { fields = FOLDER_SUMMARY_FIELDS, sorts = 'name', ...paging } = options
  return http.get<IFolder[]>(`/folders/${seg(folderId)}/children`, {
    query: { ...paging, sorts, fields },
    signal,
  })
}

/** folder_ancestors: GET /folders/{folder_id}/ancestors (root first). */
export function getFolderAncestors(folderId: string, signal?: AbortSignal, fields = 'id,name,parent_id') {
  return http.get<IFolder[]>(`/folders/${seg(folderId)}/ancestors`, { query: { fields }, signal })
}

export const folderKeys = {
  all: ['folders'] as const,
  detail: (id: string) => [...folderKeys.all, 'detail', id] as const,
  children: (id: string) => [...folderKeys.all, 'children', id] as const,
  ancestors: (id: string) => [...folderKeys.all, 'ancestors', id] as const,
  search: (params: FolderSearch) => [...folderKeys.all, 'search', params] as const,
  tree: () => [...folderKeys.all, 'tree'] as const,
  lookDashboards: (id: string) => [...folderKeys.detail(id), 'look-dashboards'] as const,
}

/** How many folders `folderQueries.tree()` reads in one request: enough for most instances. */
export const FOLDER_TREE_LIMIT = 1000

// Folders change rarely; keep them fresh for minutes so browsing the tree costs one request per node.
const FOLDER_STALE_MS = 5 * 60_000

export const folderQueries = {
  detail: (id: string) =>
    queryOptions({
      queryKey: folderKeys.detail(id),
      queryFn: ({ signal }) => getFolder(id, signal, FOLDER_SUMMARY_FIELDS),
      staleTime: FOLDER_STALE_MS,
    }),
  children: (id: string) =>
    queryOptions({
      queryKey: folderKeys.children(id),
      queryFn: ({ signal }) => getFolderChildren(id, signal, { limit: 500 }),
      staleTime: FOLDER_STALE_MS,
    }),
  ancestors: (id: string) =>
    queryOptions({
      queryKey: folderKeys.ancestors(id),
      queryFn: ({ signal }) => getFolderAncestors(id, signal),
      staleTime: FOLDER_STALE_MS,
    }),
  search: (params: FolderSearch) =>
    queryOptions({
      queryKey: folderKeys.search(params),
      queryFn: ({ signal }) => searchFolders(params, signal),
      staleTime: FOLDER_STALE_MS,
    }),
  /** Every folder's id and parent in one small request, to work out subtrees without a walk. */
  tree: () =>
    queryOptions({
      queryKey: folderKeys.tree(),
      queryFn: ({ signal }) => searchFolders({ limit: FOLDER_TREE_LIMIT }, signal, 'id,parent_id'),
      staleTime: FOLDER_STALE_MS,
    }),
  /**
   * Which dashboards use each live look in a folder: get_look has no `dashboards`, but a Folder's
   * `looks` are LookWithDashboards. Short-lived: dashboards change more often than folders.
   */
  lookDashboards: (id: string) =>
    queryOptions({
      queryKey: folderKeys.lookDashboards(id),
      queryFn: ({ signal }) => getFolder(id, signal, 'looks(id,dashboards(id,title))'),
      staleTime: 60_000,
    }),
}

/** Looker's fixed roots (Shared, Users), each one cached `search_folders` call. */
function useFolderRoots() {
  const shared = useQuery(folderQueries.search({ is_shared_root: true }))
  const users = useQuery(folderQueries.search({ is_users_root: true }))
  return {
    data: shared.data && users.data ? { shared: shared.data, users: users.data } : undefined,
    isPending: shared.isPending || users.isPending,
    isFetching: shared.isFetching || users.isFetching,
    isError: shared.isError || users.isError,
    error: shared.error ?? users.error,
    refetch: () => Promise.all([shared.refetch(), users.refetch()]),
  }
}

/** The reads components/FolderPicker needs (its FolderSource), each a cached query. */
export const folderPickerSource = {
  useRoots: useFolderRoots,
  useChildren: (id: string) => useQuery(folderQueries.children(id)),
  /** A name contains the term (LIKE %term%), sorted by name. */
  useNameSearch: (term: string, limit: number) =>
    useQuery(folderQueries.search({ name: `%${term}%`, sorts: 'name', limit })),
  useAncestors: (id: string | null) =>
    useQuery({ ...folderQueries.ancestors(id ?? ''), enabled: id !== null }),
  useFolder: (id: string | null) => useQuery({ ...folderQueries.detail(id ?? ''), enabled: id !== null }),
}
