import type { IDashboardBase, ILookWithQuery } from '@looker/sdk/lib/4.0/models'
import { useQuery } from '@tanstack/react-query'
import { folderQueries } from './folders'

/** Looker's look endpoint returns `dashboards` on some versions (LookWithDashboards); we use them when present. */
export type LookWithDashboards = ILookWithQuery & { dashboards?: IDashboardBase[] | null }

export interface LookDashboards {
  dashboards: IDashboardBase[]
  /** True while the folder's LookWithDashboards list is loading. */
  isPending: boolean
  error: Error | null
  refetch: () => void
}

/**
 * The dashboards that use a look: the look's own `dashboards` when the server sent them; otherwise its
 * folder's LookWithDashboards (get_look has no `dashboards`, but a Folder's `looks` do). Shared by the
 * look page's Overview and the render panel, so both list the same dashboards.
 */
export function useLookDashboards(look: LookWithDashboards | undefined): LookDashboards {
  const folderId = look?.folder_id ?? ''
  const own = look?.dashboards
  const fromFolder = useQuery({
    ...folderQueries.lookDashboards(folderId),
    enabled: !!look && !own && !look.deleted && folderId !== '',
  })
  if (own) return { dashboards: own, isPending: false, error: null, refetch: () => {} }
  const enabled = !!look && !look.deleted && folderId !== ''
  return {
    dashboards: fromFolder.data?.looks?.find((l) => l.id === look?.id)?.dashboards ?? [],
    isPending: !look || (enabled && fromFolder.isPending),
    error: fromFolder.error,
    refetch: () => void fromFolder.refetch(),
  }
}
