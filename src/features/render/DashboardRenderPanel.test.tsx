import type { IDashboard } from '@looker/sdk/lib/4.0/models'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { getDashboard } from '../../api/dashboards'
import { renderWithProviders } from '../../test/render'
import { recordRequests, sim } from '../../test/server'
import { DashboardRenderPanel } from './DashboardRenderPanel'
import { dashboardFiltersParam, describeFilters } from './dashboardSettings'

const requests = recordRequests()
let SALES: IDashboard

beforeAll(() => {
  URL.createObjectURL = () => 'blob:test'
  URL.revokeObjectURL = () => {}
})
beforeEach(async () => {
  // Read as the page reads it (the transport is configured per test by the setup).
  const id = sim.store.data.dashboards.find((d) => d.title === 'Sales Overview')!.id
  SALES = await getDashboard(id)
  sim.tasks.settings.renderDurationMs = { min: 100, max: 200 }
})

describe("a dashboard page's render panel", () => {
  it('renders this dashboard (nothing to choose) with its filters: defaults prefilled, a typed value sent', async () => {
    const user = userEvent.setup()
    renderWithProviders(<DashboardRenderPanel dashboard={SALES} />)
    const panel = screen.getByRole('region', { name: 'Render' })
    expect(within(panel).queryByRole('combobox', { name: 'Dashboard' })).not.toBeInTheDocument()
    const signup = await within(panel).findByRole('textbox', { name: 'Signup Date' })
    expect(signup).toHaveValue('6 months')
    const country = within(panel).getByRole('textbox', { name: 'Country' })
    expect(country).toHaveValue('')
    await user.type(country, 'Chile')
    await user.click(within(panel).getByRole('combobox', { name: 'Format' }))
    await user.click(await screen.findByRole('option', { name: 'PNG' }))
    await user.click(within(panel).getByRole('button', { name: 'Render dashboard' }))
    expect(await screen.findByRole('img', { name: 'Rendered dashboard: Sales Overview' })).toBeVisible()

    const create = requests.find((r) => r.url.pathname.includes('/render_tasks/dashboards/'))
    expect(create?.url.pathname).toMatch(new RegExp(`/render_tasks/dashboards/${SALES.id}/png$`))
    const body = JSON.parse(create?.body ?? '{}') as { dashboard_filters?: string }
    const filters = new URLSearchParams(body.dashboard_filters)
    const nameOf = (title: string) => SALES.dashboard_filters?.find((f) => f.title === title)?.name ?? '?'
    expect(filters.get(nameOf('Signup Date'))).toBe('6 months')
    expect(filters.get(nameOf('Country'))).toBe('Chile')
    expect(screen.getByText(/Filters: Signup Date: 6 months; Country: Chile/)).toBeVisible()
  })
})

describe('dashboard filter values', () => {
  const filters = [
    { name: 'date', title: 'Order Date', default_value: '30 days' },
    { name: 'region & zone', title: 'Region', default_value: null },
    { name: null, title: 'Unnamed' },
  ]

  it('every named filter is sent: typed, else its default; an emptied one as empty (any value)', () => {
    expect(dashboardFiltersParam(filters, {})).toBe('date=30%20days&region%20%26%20zone=')
    expect(dashboardFiltersParam(filters, { date: ' ', 'region & zone': ' EMEA ' })).toBe(
      'date=&region%20%26%20zone=EMEA',
    )
    expect(dashboardFiltersParam([], { date: 'x' })).toBeNull()
  })

  it('are described by title, with "any value" for an empty one', () => {
    expect(describeFilters(filters, { 'region & zone': 'EMEA' })).toBe('Order Date: 30 days; Region: EMEA')
    expect(describeFilters(filters, { date: '' })).toBe('Order Date: any value; Region: any value')
  })
})
