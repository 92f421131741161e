import { screen, within } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { aDashboard, aLook, uniqueName } from '../../test/builders'
import { renderWithProviders } from '../../test/render'
import { sim } from '../../test/server'
import { DashboardPage } from './DashboardPage'
import { usedLooks } from './usedLooks'

function renderPage(id: string) {
  return renderWithProviders(
    <DashboardPage dashboardId={id} renderPanel={(d) => <p>Render panel for {d.title}</p>} />,
  )
}

describe('a dashboard page', () => {
  it('shows the title, folder and description, lists the looks it uses as links, and the render panel', async () => {
    const first = aLook({ title: uniqueName('Bookings by week') })
    const second = aLook({ title: uniqueName('Refunds') })
    const dashboard = aDashboard({ title: uniqueName('Ops board'), looks: [first, second, first] })
    renderPage(dashboard.id)
    expect(await screen.findByRole('heading', { level: 1, name: dashboard.title })).toBeVisible()
    const looks = screen.getByRole('region', { name: 'Looks on this dashboard' })
    const links = within(looks).getAllByRole('link')
    // A look on two tiles is listed once, in tile order.
    expect(links.map((l) => [l.textContent, l.getAttribute('href')])).toEqual([
      [first.title, `/looks/${first.id}`],
      [second.title, `/looks/${second.id}`],
    ])
    expect(within(screen.getByRole('region', { name: 'About' })).getByText(/Folder:/)).toBeVisible()
    expect(screen.getByText(`Render panel for ${dashboard.title}`)).toBeVisible()
  })

  it('a LookML dashboard shows its model and links back to the LookML list', async () => {
    const pulse = sim.store.data.lookmlDashboards.find((d) => d.title === 'Business Pulse')!
    renderPage(pulse.id)
    expect(await screen.findByRole('heading', { level: 1, name: 'Business Pulse' })).toBeVisible()
    expect(screen.getByText(pulse.description!)).toBeVisible()
    expect(screen.getByText(/^Model: /)).toBeVisible()
    expect(screen.getByRole('link', { name: 'LookML dashboards' })).toHaveAttribute(
      'href',
      '/dashboards?kind=lookml',
    )
    expect(
      within(screen.getByRole('region', { name: 'Looks on this dashboard' })).getByText(
        /No tile of this dashboard/,
      ),
    ).toBeVisible()
  })

  it('an unknown id says the dashboard was not found', async () => {
    renderPage('no-such-dashboard-999')
    expect(await screen.findByRole('heading', { name: 'Dashboard not found' })).toBeVisible()
    expect(screen.getByText(/no dashboard with ID “no-such-dashboard-999”/)).toBeVisible()
  })
})

describe('usedLooks', () => {
  it('skips query tiles and repeats, and names a look by its title, else the tile, else its id', () => {
    expect(
      usedLooks({
        dashboard_elements: [
          { look_id: '7', look: { title: 'Seven' } },
          { query_id: '99', title: 'A query tile' },
          { look_id: '8', title: 'Tile eight' },
          { look_id: '7', title: 'Again' },
          { look_id: '9' },
        ],
      }),
    ).toEqual([
      { id: '7', title: 'Seven' },
      { id: '8', title: 'Tile eight' },
      { id: '9', title: 'Look 9' },
    ])
  })
})
