import type { ILookmlModelExplore, IQuery } from '@looker/sdk/lib/4.0/models'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useMemo, useState } from 'react'
import { lookQueries } from '../../api/looks'
import { queryQueries } from '../../api/queries'
import { variantQueries, type QueryVariant } from '../../api/queryVariants'
import { describeError } from '../../lib/errors'
import { useUrlState } from '../../lib/useUrlState'
import { adjustCodec, NO_ADJUSTMENTS, type Adjustments } from './adjustParams'
import {
  adjustedQuery,
  checkAgainst,
  describeChanges,
  isAdjusted,
  normalize,
  proposeTitle,
  type FieldCatalog,
} from './variant'

/** An explore's fields by name, for labels, the field picker and checking a link's field names. */
export interface ExploreFields extends FieldCatalog {
  label(name: string): string
  short(name: string): string
}

export function exploreFields(explore: ILookmlModelExplore | undefined): ExploreFields | null {
  if (!explore) return null
  const all = [...(explore.fields?.dimensions ?? []), ...(explore.fields?.measures ?? [])]
  const byName = new Map(all.filter((f) => f.name).map((f) => [f.name as string, f]))
  return {
    has: (name) => byName.has(name),
    label: (name) => byName.get(name)?.label ?? name,
    short: (name) => byName.get(name)?.label_short ?? byName.get(name)?.label ?? name,
  }
}

const savedLimit = (query: IQuery | undefined) => {
  const n = Number(query?.limit)
  return Number.isInteger(n) && n > 0 ? n : null
}

const PREPARING = 'Preparing the adjusted variant…'

/**
 * The look's Render and Data tabs see either the saved look or an adjusted variant of it. The changes
 * come from the URL (adjustParams), are checked against the look's query and explore (what cannot apply
 * is dropped from the URL with a notice), and become a query Looker makes with create_query (decision
 * 0014): the same changes always give the same query, so a link reproduces the same variant.
 */
export function useLookVariant(lookId: string) {
  const look = useQuery(lookQueries.detail(lookId))
  const url = useUrlState(adjustCodec, 'adjustNotice')
  const requested = url.state
  const saved = look.data?.query
  const asked = isAdjusted(requested)
  const canExplore =
    look.data?.can?.explore === true && look.data.deleted !== true && !!saved?.model && !!saved.view
  // The explore is read only when there is something to label or check, or to edit.
  const [editing, setEditing] = useState(false)
  const explore = useQuery({
    ...queryQueries.explore(saved?.model ?? '', saved?.view ?? ''),
    enabled: canExplore && (asked || editing),
  })
  const fields = useMemo(() => exploreFields(explore.data), [explore.data])
  // Checked once the explore is known (or could not be read: then Looker's own 422 says what is wrong).
  const checkable = saved !== undefined && (fields !== null || explore.isError)
  const checked = useMemo(
    () => (checkable && asked && saved ? checkAgainst(requested, saved, fields) : null),
    [checkable, asked, saved, requested, fields],
  )
  const { update } = url
  useEffect(() => {
    if (checked && checked.ignored.length > 0)
      update(checked.adjustments, { replace: true, corrected: checked.ignored })
  }, [checked, update])

  const adjustments = saved ? normalize(checked?.adjustments ?? requested, saved) : requested
  const adjusted = isAdjusted(adjustments)
  const definition =
    saved && adjusted && canExplore && checked?.ignored.length === 0
      ? adjustedQuery(saved, adjustments)
      : null
  const made = useQuery({
    ...variantQueries.made(definition ?? { model: '', view: '' }),
    enabled: definition !== null,
  })

  const labelOf = (name: string) => fields?.label(name) ?? name
  const changes = saved ? describeChanges(adjustments, saved, labelOf, (n) => fields?.short(n) ?? n) : []
  const title = look.data?.title ?? `Look ${lookId}`
  const refused = asked && look.data !== undefined && !canExplore

  let variant: QueryVariant | null = null
  if (asked && !refused && (look.isPending || adjusted)) {
    const failed = made.isError
    variant = {
      queryId: made.data?.id ?? null,
      label: changes.map((c) => c.text).join('; '),
      title: proposeTitle(title, changes),
      limit: adjustments.limit ?? savedLimit(saved),
      status: made.data?.id ? 'ready' : failed ? 'failed' : 'preparing',
      blockedReason: made.data?.id
        ? null
        : failed
          ? `The adjusted variant could not be made: ${describeError(made.error)}`
          : PREPARING,
    }
  }

  return {
    look: look.data,
    saved,
    explore: explore.data,
    exploreError: explore.isError ? explore.error : null,
    fields,
    canExplore,
    adjustments,
    changes,
    variant,
    /** The adjusted query Looker made, once made. */
    madeQuery: made.data,
    madeError: made.isError ? made.error : null,
    retryMade: () => void made.refetch(),
    /** The link asks for a variant this user may not see (no explore permission, or a trashed look). */
    refused,
    notice: url.notice,
    dismissNotice: url.dismissNotice,
    /** Shows these changes (a new history entry, so Back returns to the previous variant). */
    show: (next: Adjustments) => update(saved ? normalize(next, saved) : next),
    reset: (options: { replace?: boolean } = {}) => update(NO_ADJUSTMENTS, options),
    /** The editor is open: the explore's fields are needed even without changes. */
    setEditing,
    editing,
  }
}

export type LookVariantState = ReturnType<typeof useLookVariant>
