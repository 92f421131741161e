import { useCallback, useMemo, useState } from 'react'
import type { SelectedLook } from '../../api/lookLists'

/**
 * The selection is always a concrete list of looks (ids with titles), never "whatever the query returns":
 * "all that match" fetches the matching ids once and selects exactly those. The bulk run then takes a
 * frozen copy, so a look that enters the trash after the admin chose cannot be touched.
 */
export interface Selection {
  looks: ReadonlyMap<string, SelectedLook>
  /** Set when the selection was filled by "select all that match": the count the server gave. */
  allMatching: number | null
}

export const EMPTY_SELECTION: Selection = { looks: new Map(), allMatching: null }

export function toggleLook(s: Selection, look: SelectedLook, on: boolean): Selection {
  const looks = new Map(s.looks)
  if (on) looks.set(look.id, look)
  else looks.delete(look.id)
  return { looks, allMatching: null }
}

export function setPage(s: Selection, page: readonly SelectedLook[], on: boolean): Selection {
  const looks = new Map(s.looks)
  for (const look of page) {
    if (on) looks.set(look.id, look)
    else looks.delete(look.id)
  }
  return { looks, allMatching: null }
}

export function selectAll(all: readonly SelectedLook[]): Selection {
  return { looks: new Map(all.map((l) => [l.id, l])), allMatching: all.length }
}

export type PageState = 'none' | 'some' | 'all'

export function pageState(s: Selection, page: readonly { id: string }[]): PageState {
  if (page.length === 0) return 'none'
  const n = page.filter((l) => s.looks.has(l.id)).length
  return n === 0 ? 'none' : n === page.length ? 'all' : 'some'
}

/** Selection state that empties itself whenever `scope` (the filters) changes. */
export function useSelection(scope: string) {
  const [state, setState] = useState<{ scope: string; selection: Selection }>({
    scope,
    selection: EMPTY_SELECTION,
  })
  // Derived reset (no effect): a selection made under other filters would act on rows the admin can't see.
  const selection = state.scope === scope ? state.selection : EMPTY_SELECTION
  const update = useCallback(
    (next: (s: Selection) => Selection) =>
      setState((prev) => ({
        scope,
        selection: next(prev.scope === scope ? prev.selection : EMPTY_SELECTION),
      })),
    [scope],
  )
  return useMemo(
    () => ({
      selection,
      count: selection.looks.size,
      toggle: (look: SelectedLook, on: boolean) => update((s) => toggleLook(s, look, on)),
      togglePage: (page: readonly SelectedLook[], on: boolean) => update((s) => setPage(s, page, on)),
      selectAllMatching: (all: readonly SelectedLook[]) => update(() => selectAll(all)),
      remove: (ids: readonly string[]) =>
        update((s) => {
          const looks = new Map(s.looks)
          for (const id of ids) looks.delete(id)
          return { looks, allMatching: null }
        }),
      clear: () => update(() => EMPTY_SELECTION),
    }),
    [selection, update],
  )
}
