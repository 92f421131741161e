import type { IFolder } from '@looker/sdk/lib/4.0/models'

export interface FolderRules {
  /** Folders that may not be chosen (e.g. the folder a look is already in). */
  disabledFolderIds?: readonly string[]
  /** Why those folders may not be chosen, shown beside them. */
  disabledReason?: string
  /** Only folders the user may add content to (`can.edit_content`; a missing key means no). */
  requireEditable?: boolean
}

export const VIEW_ONLY_REASON = 'View only: you cannot add content here'

/** Why this folder may not be chosen, or null when it may. */
export function disabledReasonFor(folder: IFolder, rules: FolderRules): string | null {
  if (folder.id && rules.disabledFolderIds?.includes(folder.id)) {
    return rules.disabledReason ?? 'This folder cannot be chosen'
  }
  if (rules.requireEditable && folder.can?.edit_content !== true) return VIEW_ONLY_REASON
  return null
}
