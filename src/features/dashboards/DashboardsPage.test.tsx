import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { aDashboard, aLook, uniqueName } from '../../test/builders'
import { renderWithProviders } from '../../test/render'
import { sim } from '../../test/server'
import { DashboardsPage } from './DashboardsPage'

function renderPage(route = '/dashboards') {
  const rendered = renderWithProviders(<DashboardsPage />, { route, path: '/dashboards' })
  const params = () => new URLSearchParams(rendered.router.state.location.search)
  return { ...rendered, params }
}

const searches = (path: string) => sim.requestLog.filter((e) => e.path === path).length

describe('the dashboards page', () => {
  it('lists user-defined dashboards by title, each a link to its page, and searches by title words in the URL', async () => {
    const title = uniqueName('Quarterly Zebra Review')
    const dashboard = aDashboard({ title, looks: [aLook()] })
    const { params } = renderPage()
    const table = await screen.findByRole('table', { name: 'Dashboards' })
    expect(within(table).getByRole('link', { name: 'Sales Overview' })).toBeVisible()

    await userEvent.type(screen.getByRole('searchbox', { name: 'Search dashboards' }), 'zebra{Enter}')
    await waitFor(() => expect(params().get('q')).toBe('zebra'))
    const link = await within(await screen.findByRole('table', { name: 'Dashboards' })).findByRole('link', {
      name: title,
    })
    expect(link).toHaveAttribute('href', `/dashboards/${dashboard.id}`)
    await waitFor(() =>
      expect(within(screen.getByRole('table', { name: 'Dashboards' })).getAllByRole('link')).toHaveLength(1),
    )
  })

  it('the LookML tab lists LookML dashboards with their model, linked by their model::name id', async () => {
    const before = searches('/dashboards/lookml/search')
    renderPage('/dashboards?kind=lookml')
    expect(screen.getByRole('tab', { name: 'LookML dashboards' })).toHaveAttribute('aria-selected', 'true')
    const table = await screen.findByRole('table', { name: 'LookML dashboards' })
    const pulse = within(table).getByRole('link', { name: 'Business Pulse' })
    expect(pulse.getAttribute('href')).toMatch(/^\/dashboards\/[a-z_]+%3A%3Abusiness_pulse$/)
    expect(within(table).getByRole('columnheader', { name: 'Model' })).toBeVisible()
    // Only the shown kind is searched.
    expect(searches('/dashboards/lookml/search')).toBe(before + 1)
  })

  it("switching tabs keeps the search words and drops the other list's order", async () => {
    const { params } = renderPage('/dashboards?q=pulse&sort=view_count+desc')
    // No user-defined dashboard has "pulse" in its title; LookML's Business Pulse does.
    expect(await screen.findByText('No dashboards match')).toBeVisible()
    await userEvent.click(screen.getByRole('tab', { name: 'LookML dashboards' }))
    await waitFor(() => expect(params().get('kind')).toBe('lookml'))
    expect(params().get('q')).toBe('pulse')
    expect(params().get('sort')).toBeNull()
    const table = await screen.findByRole('table', { name: 'LookML dashboards' })
    expect(within(table).getByRole('link', { name: 'Business Pulse' })).toBeVisible()
  })

  it('a bad value in the URL falls back with a notice that names it', async () => {
    renderPage('/dashboards?sort=nonsense&page=0')
    expect(await screen.findByText(/Ignored sort="nonsense": using the default order\./)).toBeVisible()
    expect(screen.getByText(/Ignored page="0": showing the first page\./)).toBeVisible()
    expect(await screen.findByRole('table', { name: 'Dashboards' })).toBeVisible()
  })

  it('no match says so and offers to clear the search', async () => {
    const { params } = renderPage('/dashboards?q=nothing+matches+this+qqq')
    expect(await screen.findByText('No dashboards match')).toBeVisible()
    await userEvent.click(screen.getByRole('button', { name: 'Clear search and folder' }))
    await waitFor(() => expect(params().get('q')).toBeNull())
    expect(await screen.findByRole('table', { name: 'Dashboards' })).toBeVisible()
  })
})
