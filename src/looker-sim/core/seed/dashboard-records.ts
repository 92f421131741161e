import { DAY_MS, iso, REFERENCE_DATE_MS } from '../constants'
import type { Random } from '../random'
import type { DashboardFilterRecord, DashboardRecord, LookRecord } from '../types'
import { exploreByName } from './queries'
import type { Sequence } from './users-folders'

export interface DashboardIds {
  dashboard: Sequence
  dashboardElement: Sequence
  dashboardFilter: Sequence
  contentMetadata: Sequence
}

/** A field filter of a dashboard: the explore's dimension it filters, and its default value. */
export interface FilterSeed {
  explore: string
  dimension: string
  title: string
  value: string | null
}

export interface DashboardSeed {
  title: string
  description: string | null
  folder_id: string
  user_id: string
  created: number
  updated: number
  looks: LookRecord[]
  filters: FilterSeed[]
  deletedBy?: string
}

/**
 * One user-defined dashboard record. Usage numbers come from their own stream (`usage`), so adding them
 * did not move any of the choices the dashboards stream made before (tile looks, dates).
 */
export function dashboardRecord(usage: Random, ids: DashboardIds, seed: DashboardSeed): DashboardRecord {
  const viewed = usage.chance(0.85) ? seed.updated + usage.next() * (REFERENCE_DATE_MS - seed.updated) : null
  const deleted = seed.deletedBy !== undefined
  return {
    id: ids.dashboard.next(),
    title: seed.title,
    description: seed.description,
    folder_id: seed.folder_id,
    user_id: seed.user_id,
    content_metadata_id: ids.contentMetadata.next(),
    created_at: iso(seed.created),
    updated_at: iso(seed.updated),
    view_count: viewed === null ? 0 : usage.int(3, 900),
    favorite_count: usage.int(0, 12),
    last_viewed_at: viewed === null ? null : iso(Math.floor(viewed)),
    deleted,
    deleted_at: deleted ? iso(seed.updated + DAY_MS) : null,
    deleter_id: seed.deletedBy ?? null,
    elements: seed.looks.map((look) => ({ id: ids.dashboardElement.next(), look_id: look.id, title: null })),
    filters: seed.filters.map((filter, row) => filterRecord(ids.dashboardFilter.next(), filter, row)),
  }
}

function filterRecord(id: string, seed: FilterSeed, row: number): DashboardFilterRecord {
  const explore = exploreByName.get(seed.explore)
  if (!explore) throw new Error(`Unknown explore ${seed.explore} in a dashboard filter`)
  return {
    id,
    name: seed.title,
    title: seed.title,
    type: 'field',
    default_value: seed.value,
    model: explore.model,
    explore: explore.explore,
    dimension: seed.dimension,
    row,
    allow_multiple_values: true,
    required: false,
  }
}
