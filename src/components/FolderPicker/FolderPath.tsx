import type { FolderSource } from './folderSource'

/**
 * "Shared › Sales › Pipeline": the folders above `folderId` (root first), then `leafName` if given.
 * While the ancestors load, or if they cannot be read, only what is known is shown.
 */
export function FolderPath({
  source,
  folderId,
  leafName,
}: {
  source: FolderSource
  folderId: string
  leafName?: string | null
}) {
  const ancestors = source.useAncestors(folderId)
  const names = (ancestors.data ?? []).map((folder) => folder.name ?? `Folder ${folder.id}`)
  if (leafName) names.push(leafName)
  if (names.length === 0) return <span>{ancestors.isPending ? '…' : 'Top level'}</span>
  return <span>{names.join(' › ')}</span>
}
