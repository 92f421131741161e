import { screen } from '@testing-library/react'
import { useParams } from 'react-router'
import type { Backend } from '../lib/backend'
import { renderWithProviders } from './render'
import { LookDetailPage, type LookTab } from '../features/look-detail/LookDetailPage'

const TABS: LookTab[] = [
  { path: 'render', label: 'Render', element: ({ lookId }) => <p>Render panel for {lookId}</p> },
]

function Route() {
  const { lookId = '' } = useParams()
  return <LookDetailPage lookId={lookId} tabs={TABS} />
}

/** The look page at /looks/:lookId/:tab? with a stand-in search page at /looks, as the app mounts it. */
export function renderLookPage(url: string, backend?: Backend) {
  const result = renderWithProviders(<Route />, {
    backend,
    route: url,
    path: '/looks/:lookId/:tab?',
    routes: [{ path: '/looks', element: <h1>Search page</h1> }],
  })
  return result
}

export async function findHeading(name: string | RegExp) {
  return screen.findByRole('heading', { level: 1, name })
}
