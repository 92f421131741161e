import type { ILookmlModelExplore, ILookWithQuery } from '@looker/sdk/lib/4.0/models'
import type { QueryVariant } from '../../api/queryVariants'

/** Whether an action is offered at all, and if offered but not possible now, why. */
export interface Gate {
  offered: boolean
  reason: string | null
}

const NEEDS_EDIT = 'edit access to its folder and a role that may save content'

/**
 * The Adjust panel's actions, from the `can` maps (a missing key means "not allowed"): Adjust needs the
 * look's `can.explore` (Looker's explore permission: a new query is made), Save as the explore's
 * `can_save` (save_content; the folder picker then offers only folders the user may add to), Apply the
 * look's `can.update`, Download its `can.download`. Save as and Apply exist only for a variant.
 */
export function variantGates(
  look: ILookWithQuery | undefined,
  explore: ILookmlModelExplore | undefined,
  variant: QueryVariant | null,
): Record<'adjust' | 'saveAs' | 'apply' | 'download', Gate> {
  const trashed = look?.deleted === true
  const notReady =
    variant && variant.status !== 'ready' ? (variant.blockedReason ?? 'The variant is not ready.') : null
  const adjust: Gate = {
    offered: true,
    reason: trashed
      ? 'This look is in the trash: restore it first.'
      : !look?.query?.model
        ? 'This look has no query to adjust.'
        : look.can?.explore !== true
          ? 'Adjusting needs Looker’s explore permission (a new query is made), which your role does not have.'
          : null,
  }
  const saveAs: Gate = {
    offered: variant !== null,
    reason:
      explore === undefined
        ? 'Checking whether you may save…'
        : explore.can_save !== true
          ? 'Saving needs a role that may save content, which yours is not.'
          : notReady,
  }
  const apply: Gate = {
    offered: variant !== null,
    reason: look?.can?.update !== true ? `You cannot change this look: that needs ${NEEDS_EDIT}.` : notReady,
  }
  const download: Gate = {
    offered: true,
    reason: trashed
      ? 'This look is in the trash: restore it first.'
      : look?.can?.download !== true
        ? 'You are not allowed to download this look’s results.'
        : notReady,
  }
  return { adjust, saveAs, apply, download }
}
