import { useQueries, type UseQueryResult } from '@tanstack/react-query'
import { useMemo } from 'react'
import { backupTargetQueries, type TargetFolder } from '../../../api/backupTargets'
import type { LooksBackup } from '../../../api/lookBackupFormat'
import { planRecreate, type ChosenFolder, type Known, type RecreateRow } from './recreatePlan'

function known<T>(result: UseQueryResult<T> | undefined): Known<T> {
  if (result?.data !== undefined) return { state: 'done', value: result.data }
  if (result?.isError) return { state: 'failed', error: result.error }
  return { state: 'pending' }
}

const byId = <T>(ids: string[], results: UseQueryResult<T>[]) =>
  new Map(ids.map((id, i) => [id, results[i]] as const))

/**
 * The re-create list for a backup: each folder it names is read once (does it exist, may it take looks),
 * and the live titles of each folder a look would go into (to propose a new title on a clash).
 */
export function useRecreatePlan(
  backup: LooksBackup | null,
  selected: ReadonlySet<string>,
  chosen: ChosenFolder | null,
): { rows: RecreateRow[]; retry: () => void } {
  const folderIds = useMemo(
    () => [...new Set((backup?.looks ?? []).flatMap((l) => (l.folder.id === null ? [] : [l.folder.id])))],
    [backup],
  )
  const folders = useQueries({ queries: folderIds.map((id) => backupTargetQueries.folder(id)) })
  const targetIds = useMemo(() => {
    const ids = new Set<string>()
    for (const [i, id] of folderIds.entries()) {
      const folder: TargetFolder | undefined = folders[i]?.data
      if (folder?.exists && folder.canAddLooks) ids.add(id)
    }
    if (chosen) ids.add(chosen.id)
    return [...ids]
  }, [folderIds, folders, chosen])
  const titles = useQueries({ queries: targetIds.map((id) => backupTargetQueries.titles(id)) })

  const folderOf = byId(folderIds, folders)
  const titlesOf = byId(targetIds, titles)
  const rows = planRecreate({
    looks: backup?.looks ?? [],
    selected,
    chosen,
    folder: (id) => known(folderOf.get(id)),
    titles: (id) => known(titlesOf.get(id)),
  })
  const retry = () => {
    for (const r of [...folders, ...titles]) if (r.isError) void r.refetch()
  }
  return { rows, retry }
}
