import { useParams } from 'react-router'
import { DataPreview } from '../features/data-preview/DataPreview'
import { LookDetailPage, type LookTab } from '../features/look-detail/LookDetailPage'
import { RenderPanel } from '../features/render/RenderPanel'

/**
 * /looks/:lookId[/:tab]. The look page belongs to look-detail; the tabs that other features own
 * (render, data preview) are plugged in here, because a feature never imports another feature.
 */
const TABS: LookTab[] = [
  { path: 'render', label: 'Render', element: ({ lookId }) => <RenderPanel lookId={lookId} /> },
  { path: 'data', label: 'Data', element: ({ lookId }) => <DataPreview lookId={lookId} /> },
]

export function Component() {
  const { lookId = '' } = useParams()
  return <LookDetailPage lookId={lookId} tabs={TABS} />
}
