import { useQueries, type UseQueryResult } from '@tanstack/react-query'
import { useMemo } from 'react'
import { backupTargetQueries } from '../../../api/backupTargets'
import type { LooksBackup } from '../../../api/lookBackupFormat'
import { planRecreate, type ChosenFolder, type Known, type RecreateRow } from './recreatePlan'

function known<T>(result: UseQueryResult<T>): Known<T> {
  if (result.data !== undefined) return { state: 'done', value: result.data }
  if (result.isError) return { state: 'failed', error: result.error }
  return { state: 'pending' }
}

/** Each answer as the plan reads it, and a way to ask again for those that failed. */
function combine<T>(results: UseQueryResult<T>[]) {
  return {
    answers: results.map(known),
    retryFailed: () => {
      for (const r of results) if (r.isError) void r.refetch()
    },
  }
}

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
  const folders = useQueries({ queries: folderIds.map((id) => backupTargetQueries.folder(id)), combine })
  const folderAnswers = folders.answers
  const targetIds = useMemo(() => {
    const ids = new Set<string>()
    for (const [i, id] of folderIds.entries()) {
      const answer = folderAnswers[i]
      if (answer?.state === 'done' && answer.value.exists && answer.value.canAddLooks) ids.add(id)
    }
    if (chosen) ids.add(chosen.id)
    return [...ids]
  }, [folderIds, folderAnswers, chosen])
  const titles = useQueries({ queries: targetIds.map((id) => backupTargetQueries.titles(id)), combine })

  const pending = { state: 'pending' } as const
  const folderOf = new Map(folderIds.map((id, i) => [id, folderAnswers[i] ?? pending]))
  const titlesOf = new Map(targetIds.map((id, i) => [id, titles.answers[i] ?? pending]))
  const rows = planRecreate({
    looks: backup?.looks ?? [],
    selected,
    chosen,
    folder: (id) => folderOf.get(id) ?? pending,
    titles: (id) => titlesOf.get(id) ?? pending,
  })
  return {
    rows,
    retry: () => {
      folders.retryFailed()
      titles.retryFailed()
    },
  }
}
