import type { DashboardFilterRecord } from '../types'
import type { DrawableTile } from './model'

/**
 * Applies a dashboard's filters to its tiles' queries, as a render does: each filter's value from the
 * render task's `dashboard_filters` ("Name=value&Other=value", URL query format, by filter name), else
 * its default; a value reaches the tiles on the filter's model and explore, on its dimension. Names the
 * dashboard does not have are ignored; an empty value is "any value" (the tiles keep their own filters).
 */
export function withDashboardFilters(
  tiles: DrawableTile[],
  filters: readonly DashboardFilterRecord[],
  requested: string | null,
): DrawableTile[] {
  const given = new URLSearchParams(requested ?? '')
  const applied = filters.flatMap((filter) => {
    const value = given.has(filter.name) ? given.get(filter.name) : filter.default_value
    return value && filter.dimension ? [{ filter, value, dimension: filter.dimension }] : []
  })
  if (applied.length === 0) return tiles
  return tiles.map((tile) => {
    const matching = applied.filter(
      ({ filter }) => filter.model === tile.query.model && filter.explore === tile.query.view,
    )
    if (matching.length === 0) return tile
    const merged = { ...tile.query.filters }
    for (const { dimension, value } of matching) merged[dimension] = value
    return { ...tile, query: { ...tile.query, filters: merged } }
  })
}
