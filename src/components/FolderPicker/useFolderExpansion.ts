import { useCallback, useState } from 'react'
import type { FolderSource } from './folderSource'
import { nodeKey } from './folderTreeState'

/**
 * Which folders a FolderTree shows open: those the user opened, plus the ancestors of `revealId` so the
 * tree shows where it is. They open once per revealed id and then stay as the user leaves them, so a
 * later close sticks and another reveal does not fold up what the user had open.
 */
export function useFolderExpansion(source: FolderSource, revealId: string | null) {
  const [expanded, setExpanded] = useState<ReadonlySet<string>>(new Set())
  const [revealed, setRevealed] = useState<string | null>(null)
  const ancestors = source.useAncestors(revealId)
  const path = revealId !== null && ancestors.data ? ancestors.data.map((folder) => folder.id ?? '') : null

  // Adjusting state during render: the path opens in the same render the ancestors arrive.
  if (path && revealed !== revealId) {
    setRevealed(revealId)
    setExpanded((current) => new Set([...current, ...path]))
  }

  const toggle = useCallback(
    (id: string, open?: boolean) =>
      setExpanded((current) => {
        const next = new Set(current)
        if (open ?? !next.has(id)) next.add(id)
        else next.delete(id)
        return next
      }),
    [],
  )

  return {
    expanded,
    toggle,
    /** The revealed folder's node key once its ancestors are known: where focus starts. */
    revealedKey: path && revealId !== null ? nodeKey([...path, revealId]) : null,
    /** A folder chosen in the tree is already in view: do not open its other path (e.g. under People). */
    alreadyShown: setRevealed,
  }
}
