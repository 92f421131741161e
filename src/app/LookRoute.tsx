import { useParams } from 'react-router'
import { isAdjustParam } from '../features/adjust/adjustParams'
import { LookVariantPanel } from '../features/adjust/LookVariantPanel'
import { DataPreview } from '../features/data-preview/DataPreview'
import { LookDetailPage, type LookTab } from '../features/look-detail/LookDetailPage'
import { RenderPanel } from '../features/render/RenderPanel'

/**
 * /looks/:lookId[/:tab]. The look page belongs to look-detail; the tabs that other features own
 * (render, data preview) are plugged in here, because a feature never imports another feature. Both show
 * the saved look or an adjusted variant of it, chosen in the Adjust panel (features/adjust) above them.
 */
const TABS: LookTab[] = [
  {
    path: 'render',
    label: 'Render',
    element: ({ lookId }) => (
      <LookVariantPanel lookId={lookId}>
        {(variant) => <RenderPanel lookId={lookId} variant={variant} />}
      </LookVariantPanel>
    ),
    carries: isAdjustParam,
  },
  {
    path: 'data',
    label: 'Data',
    element: ({ lookId }) => (
      <LookVariantPanel lookId={lookId}>
        {(variant) => <DataPreview lookId={lookId} variant={variant} />}
      </LookVariantPanel>
    ),
    carries: isAdjustParam,
  },
]

export function Component() {
  const { lookId = '' } = useParams()
  return <LookDetailPage lookId={lookId} tabs={TABS} />
}
