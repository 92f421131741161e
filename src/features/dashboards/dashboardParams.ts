import type { DashboardSearch, LookmlDashboardSearch } from '../../api/dashboards'
import { toLikePattern } from '../../lib/likePattern'
import {
  field,
  idParam,
  keyOfParam,
  pageParam,
  pageSizeParam,
  textParam,
  urlCodec,
  describeIgnoredParam,
  type PageSize,
} from '../../lib/urlState'

/**
 * /dashboards keeps its state in the URL (?kind=&q=&folder=&sort=&page=&size=), like the other lists:
 * shareable, Back steps through views, a bad value falls back with a notice. `kind` picks the list:
 * user-defined dashboards (search_dashboards) or LookML dashboards (search_lookml_dashboards), each with
 * its own orders; the folder filter is the user-defined list's (LookML dashboards live in no folder).
 */

export type DashboardKind = 'user' | 'lookml'

/** search_dashboards' sortable fields that make an order a person would choose. */
export const USER_SORTS = {
  title: 'Title: A–Z',
  'title desc': 'Title: Z–A',
  'created_at desc': 'Newest first',
  'view_count desc': 'Most viewed',
  'last_viewed_at desc': 'Recently viewed',
} as const
export type UserSort = keyof typeof USER_SORTS

/** search_lookml_dashboards sorts by title, id (model::name), folder and a few others. */
export const LOOKML_SORTS = {
  title: 'Title: A–Z',
  'title desc': 'Title: Z–A',
  id: 'Model, then name',
} as const
export type LookmlSort = keyof typeof LOOKML_SORTS

export interface DashboardListState {
  kind: DashboardKind
  q: string
  folder: string | null
  userSort: UserSort
  lookmlSort: LookmlSort
  page: number
  size: PageSize
}

export const DEFAULT_LIST_STATE: DashboardListState = {
  kind: 'user',
  q: '',
  folder: null,
  userSort: 'title',
  lookmlSort: 'title',
  page: 1,
  size: 50,
}

const userList = (s: DashboardListState) => s.kind === 'user'
const lookmlList = (s: DashboardListState) => s.kind === 'lookml'

export const dashboardListCodec = urlCodec<DashboardListState>(
  DEFAULT_LIST_STATE,
  [
    field('kind', keyOfParam({ user: 1, lookml: 1 })),
    field('q', textParam),
    field('folder', idParam, { readIf: userList }),
    field('userSort', keyOfParam(USER_SORTS), { param: 'sort', readIf: userList }),
    field('lookmlSort', keyOfParam(LOOKML_SORTS), { param: 'sort', readIf: lookmlList }),
    field('page', pageParam),
    field('size', pageSizeParam),
  ],
  'page',
)

const FALLBACK: Record<string, string> = {
  kind: 'showing user-defined dashboards',
  q: 'too long to search for',
  folder: 'not a valid folder id',
  sort: 'using the default order',
  page: 'showing the first page',
  size: `showing ${DEFAULT_LIST_STATE.size} a page`,
}

/** One sentence per ignored value, for the page's notice. */
export const describeIgnored = describeIgnoredParam(FALLBACK)

const paging = (s: DashboardListState) => ({ limit: s.size, offset: (s.page - 1) * s.size })

/** The search_dashboards parameters of the user-defined list (title words as on /looks). */
export function userDashboardSearch(s: DashboardListState): DashboardSearch {
  return {
    title: toLikePattern(s.q),
    folder_id: s.folder ?? undefined,
    sorts: s.userSort,
    ...paging(s),
  }
}

/** The search_lookml_dashboards parameters of the LookML list. */
export function lookmlDashboardSearch(s: DashboardListState): LookmlDashboardSearch {
  return { title: toLikePattern(s.q), sorts: s.lookmlSort, ...paging(s) }
}

/** Exactly what a row shows (and updated_at, the thumbnail's version). */
export const USER_LIST_FIELDS =
  'id,title,description,folder_id,folder(id,name),user_name,updated_at,view_count'
export const LOOKML_LIST_FIELDS = 'id,title,description,model'
