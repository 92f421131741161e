import type { IFolder } from '@looker/sdk/lib/4.0/models'

/** What this page calls Looker's Users root (the personal folders), in the tree and in the results heading. */
export const USERS_ROOT_NAME = 'People'

/**
 * Above this many ids the `folder_id` list would make the request URL long enough (~8 KB with the other
 * parameters) for proxies to refuse it; the page then searches the chosen folder only and says so.
 */
export const MAX_SUBTREE_IDS = 400

/** The folder and all its descendants, from one flat `id,parent_id` list (breadth first, folder first). */
export function subtreeIds(folders: Pick<IFolder, 'id' | 'parent_id'>[], rootId: string): string[] {
  const childrenOf = new Map<string, string[]>()
  for (const folder of folders) {
    if (folder.id == null || folder.parent_id == null) continue
    const siblings = childrenOf.get(folder.parent_id) ?? []
    siblings.push(folder.id)
    childrenOf.set(folder.parent_id, siblings)
  }
  const ids = [rootId]
  const seen = new Set(ids)
  for (let i = 0; i < ids.length; i++) {
    for (const child of childrenOf.get(ids[i] as string) ?? []) {
      // A cycle cannot happen in Looker, but a malformed answer must not hang the page.
      if (!seen.has(child)) {
        seen.add(child)
        ids.push(child)
      }
    }
  }
  return ids
}
