import type { ComponentType } from 'react'
import { useParams } from 'react-router'
import type { QueryVariant } from '../api/queryVariants'
import { isAdjustParam } from '../features/adjust/adjustParams'
import { LookVariantPanel } from '../features/adjust/LookVariantPanel'
import { DataPreview } from '../features/data-preview/DataPreview'
import { LookDetailPage, type LookTab } from '../features/look-detail/LookDetailPage'
import { RenderPanel } from '../features/render/RenderPanel'

/** A tab that shows the saved look or an adjusted variant, with the Adjust panel above it. */
function adjustableTab(
  path: string,
  label: string,
  Tab: ComponentType<{ lookId: string; variant: QueryVariant | null }>,
): LookTab {
  return {
    path,
    label,
    element: ({ lookId }) => (
      <LookVariantPanel lookId={lookId}>
        {(variant) => <Tab lookId={lookId} variant={variant} />}
      </LookVariantPanel>
    ),
    carries: isAdjustParam,
  }
}

/**
 * /looks/:lookId[/:tab]. The look page belongs to look-detail; the tabs that other features own
 * (render, data preview) are plugged in here, because a feature never imports another feature. Both show
 * the saved look or an adjusted variant of it, chosen in the Adjust panel (features/adjust) above them.
 */
const TABS: LookTab[] = [
  adjustableTab('render', 'Render', RenderPanel),
  adjustableTab('data', 'Data', DataPreview),
]

export function Component() {
  const { lookId = '' } = useParams()
  return <LookDetailPage lookId={lookId} tabs={TABS} />
}
