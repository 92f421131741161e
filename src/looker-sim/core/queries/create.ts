import type { ApiQuery } from '../api-types'
import { conflict, forbidden, notFound } from '../errors'
import { deriveSeed, Random } from '../random'
import { hasPermission } from '../roles'
import { serializeQuery } from '../serialize'
import type { SimStore } from '../store'
import type { QueryRecord } from '../types'
import type { Viewer } from '../viewer'
import { validateQueryBody, type QueryDraft } from './validate'

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789'

/** Keys sorted at every level, so two equal objects always print the same. */
function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical)
  if (typeof value !== 'object' || value === null) return value
  const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : 1))
  return Object.fromEntries(entries.map(([k, v]) => [k, canonical(v)]))
}

const emptyToNull = <T>(list: T[] | null) => (list && list.length > 0 ? list : null)

/**
 * What makes two queries "exactly alike" (create_query returns the existing one then): every writable
 * parameter, with empty lists and absent ones equal and object keys in any order. Ids, slugs and client ids
 * are not parameters.
 */
export function queryKey(q: Omit<QueryDraft, 'client_id'>): string {
  return JSON.stringify(
    canonical([
      q.model,
      q.view,
      q.fields,
      emptyToNull(q.pivots),
      emptyToNull(q.fill_fields),
      q.filters && Object.keys(q.filters).length > 0 ? q.filters : null,
      q.filter_expression || null,
      q.sorts,
      q.limit,
      q.column_limit,
      q.total ?? false,
      q.row_total,
      emptyToNull(q.subtotals),
      q.vis_config,
      q.filter_config,
      q.visible_ui_sections,
      q.dynamic_fields || null,
      q.query_timezone,
    ]),
  )
}

/** Lookups by parameters, slug and client id; rebuilt from the records whenever the store reloads. */
export class QueryIndex {
  private byKey = new Map<string, QueryRecord>()
  private bySlug = new Map<string, QueryRecord>()
  private byClientId = new Map<string, QueryRecord>()

  constructor(queries: readonly QueryRecord[]) {
    for (const query of queries) this.add(query)
  }

  add(query: QueryRecord): void {
    const key = queryKey(query)
    // The first of several equal queries (seeded looks may share parameters) is the one returned.
    if (!this.byKey.has(key)) this.byKey.set(key, query)
    this.bySlug.set(query.slug, query)
    this.byClientId.set(query.client_id, query)
  }

  withParameters(draft: QueryDraft): QueryRecord | undefined {
    return this.byKey.get(queryKey(draft))
  }
  withSlug(slug: string): QueryRecord | undefined {
    return this.bySlug.get(slug) ?? this.byClientId.get(slug)
  }
  withClientId(clientId: string): QueryRecord | undefined {
    return this.byClientId.get(clientId)
  }
}

/**
 * create_query: needs Looker's `explore` permission (the seeded Viewer role lacks it), then a valid body
 * (422). A query exactly like an existing one is that query; otherwise a new immutable query with a new id,
 * a 7-character share slug and a 22-character client id (the caller's, which must be unused: 409).
 */
export function createQuery(store: SimStore, viewer: Viewer, body: unknown): ApiQuery {
  if (!hasPermission(viewer.user, 'explore')) {
    throw forbidden('You do not have permission to create queries: that needs the "explore" permission.')
  }
  const draft = validateQueryBody(body)
  const index = store.queryIndex()
  if (draft.client_id !== null && index.withClientId(draft.client_id)) {
    throw conflict(`Resource Already Exists: a query with client_id "${draft.client_id}" already exists.`)
  }
  const existing = index.withParameters(draft)
  if (existing) return serializeQuery(viewer, existing)

  const id = store.nextId('query')
  const rng = new Random(deriveSeed(store.seed, `query:${id}`))
  const unused = (length: number) => {
    for (;;) {
      const candidate = rng.string(length, ALNUM)
      if (!index.withSlug(candidate)) return candidate
    }
  }
  const query: QueryRecord = {
    ...draft,
    id,
    slug: unused(7),
    client_id: draft.client_id ?? unused(22),
  }
  store.addQuery(query)
  return serializeQuery(viewer, query)
}

/** query: GET /queries/{id}. Queries are not content: any signed-in user may read one by id. */
export function getQuery(store: SimStore, viewer: Viewer, id: string): ApiQuery {
  const query = store.query(id)
  if (!query) throw notFound()
  return serializeQuery(viewer, query)
}

/** query_for_slug: the share slug (…/x/<slug>) or an explore URL's qid (the client id). */
export function queryForSlug(store: SimStore, viewer: Viewer, slug: string): ApiQuery {
  const query = store.queryIndex().withSlug(slug)
  if (!query) throw notFound()
  return serializeQuery(viewer, query)
}
