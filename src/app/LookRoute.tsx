import Typography from '@mui/material/Typography'
import { useParams } from 'react-router'
import { LookDetailPage, type LookTab } from '../features/look-detail/LookDetailPage'

/**
 * /looks/:lookId[/:tab]. The look page belongs to look-detail; the tabs that other features own
 * (render, data preview) are plugged in here, because a feature never imports another feature.
 */
const TABS: LookTab[] = [
  // The render and data-preview features replace these placeholders.
  { path: 'render', label: 'Render', element: () => <Typography>Rendering arrives with the render issue.</Typography> },
  { path: 'data', label: 'Data', element: () => <Typography>The data preview arrives with the render issue.</Typography> },
]

export function Component() {
  const { lookId = '' } = useParams()
  return <LookDetailPage lookId={lookId} tabs={TABS} />
}
