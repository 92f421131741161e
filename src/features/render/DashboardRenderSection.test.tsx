import { screen, waitFor, within } from '@testing-library/react'
import { http, HttpResponse } from 'msw'
import userEvent from '@testing-library/user-event'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { DashboardRecord } from '../../looker-sim/core'
import { aDashboard, aLook, uniqueName } from '../../test/builders'
import { renderWithProviders } from '../../test/render'
import { recordRequests, server, sim, TEST_API } from '../../test/server'
import { DashboardRenderSection } from './DashboardRenderSection'

// LOOK is a tile of one dashboard, FUNNEL.
let LOOK: string
let FUNNEL: DashboardRecord
const shownBlobs: Blob[] = []
const requests = recordRequests()

beforeAll(() => {
  // jsdom has no object URLs: keep the Blob the section shows, to check what it is.
  URL.createObjectURL = (blob: Blob | MediaSource) => {
    // The response's Blob comes from Node's fetch, not jsdom's: recognise it by shape.
    if ('arrayBuffer' in blob) shownBlobs.push(blob)
    return `blob:test-${shownBlobs.length}`
  }
  URL.revokeObjectURL = () => {}
})
beforeEach(() => {
  LOOK = aLook({ rendersFirstTime: true }).id
  FUNNEL = aDashboard({ title: uniqueName('Marketing Funnel'), looks: [sim.store.look(LOOK)!] })
  shownBlobs.length = 0
  sim.tasks.settings.renderDurationMs = { min: 150, max: 250 }
})

function renderSection(lookId?: string) {
  return renderWithProviders(<DashboardRenderSection lookId={lookId ?? LOOK} />)
}

const section = () => screen.getByRole('region', { name: 'Dashboards' })
const form = () => within(section()).getByRole('form', { name: 'Dashboard render settings' })
const dashboardCreates = () => requests.filter((r) => r.url.pathname.includes('/render_tasks/dashboards/'))

async function choose(user: ReturnType<typeof userEvent.setup>, label: string, option: string) {
  await user.click(within(form()).getByRole('combobox', { name: label }))
  await user.click(await screen.findByRole('option', { name: option }))
}

describe('dashboard renders', () => {
  it('a dashboard that uses the look renders as a landscape A4 PDF, to open or download under a clear name', async () => {
    const user = userEvent.setup()
    renderSection()
    expect(await within(section()).findByRole('combobox', { name: 'Dashboard' })).toHaveTextContent(
      FUNNEL.title,
    )
    expect(within(form()).getByRole('combobox', { name: 'Format' })).toHaveTextContent('PDF')
    await choose(user, 'Paper size', 'A4')
    await user.click(within(form()).getByRole('switch', { name: 'Landscape' }))
    await user.click(within(form()).getByRole('radio', { name: 'Single column' }))
    await user.click(within(form()).getByRole('button', { name: 'Render dashboard' }))
    expect(await screen.findByRole('group', { name: 'Dashboard render progress' })).toBeVisible()

    const pdf = await screen.findByLabelText(`Rendered dashboard: ${FUNNEL.title}`)
    expect(within(pdf).getByRole('link', { name: /^Open .*\.pdf in a new tab$/ })).toHaveAttribute(
      'href',
      `blob:test-${shownBlobs.length}`,
    )
    const blob = shownBlobs.at(-1)
    expect(blob?.type).toBe('application/pdf')
    expect(new TextDecoder().decode((await blob!.arrayBuffer()).slice(0, 5))).toBe('%PDF-')
    expect(screen.getByText(/PDF · A4, landscape, single column/)).toBeVisible()
    expect(
      screen.getByRole('button', { name: `Download ${FUNNEL.title}-a4-landscape-single-column.pdf` }),
    ).toBeVisible()

    const [create] = dashboardCreates()
    expect(create?.url.pathname).toMatch(new RegExp(`/render_tasks/dashboards/${FUNNEL.id}/pdf$`))
    expect(create?.url.searchParams.get('pdf_paper_size')).toBe('a4')
    expect(create?.url.searchParams.get('pdf_landscape')).toBe('true')
    expect(JSON.parse(create?.body ?? '{}')).toMatchObject({ dashboard_style: 'single_column' })
  })

  it('an image asks for a size, checked before any request, and is shown inline', async () => {
    const user = userEvent.setup()
    renderSection()
    await within(section()).findByRole('combobox', { name: 'Dashboard' })
    await choose(user, 'Format', 'PNG')
    expect(within(form()).queryByRole('combobox', { name: 'Paper size' })).not.toBeInTheDocument()
    const width = within(form()).getByRole('textbox', { name: 'Width' })
    await user.clear(width)
    await user.type(width, '99{Enter}')
    expect(within(form()).getByText('Must be between 100 and 4096 pixels.')).toBeVisible()
    expect(within(form()).getByRole('button', { name: 'Render dashboard' })).toBeDisabled()
    await waitFor(() => expect(requests.some((r) => r.url.pathname.includes('/folders/'))).toBe(true))
    expect(dashboardCreates()).toEqual([])

    await user.clear(width)
    await user.type(width, '800')
    const height = within(form()).getByRole('textbox', { name: 'Height' })
    await user.clear(height)
    await user.type(height, '500')
    await user.click(within(form()).getByRole('button', { name: 'Render dashboard' }))
    const image = await screen.findByRole('img', { name: `Rendered dashboard: ${FUNNEL.title}` })
    expect(image).toBeVisible()
    expect(shownBlobs.at(-1)?.type).toBe('image/png')
    expect(dashboardCreates()).toHaveLength(1)
    expect(dashboardCreates()[0]?.url.searchParams.get('width')).toBe('800')
    expect(dashboardCreates()[0]?.url.searchParams.get('height')).toBe('500')
    expect(screen.getByRole('button', { name: `Download ${FUNNEL.title}-800x500.png` })).toBeVisible()
  })

  it('a look that no dashboard uses says so, and offers no render', async () => {
    const lonely = aLook()
    renderSection(lonely.id)
    expect(await within(section()).findByText('No dashboard you can see uses this look.')).toBeVisible()
    expect(within(section()).queryByRole('button', { name: 'Render dashboard' })).not.toBeInTheDocument()
  })

  it('a failure to list the dashboards is shown with Retry', async () => {
    server.use(
      http.get(
        `${TEST_API}/folders/:id`,
        () =>
          HttpResponse.json({ message: 'Internal server error', documentation_url: 'x' }, { status: 500 }),
        { once: true },
      ),
    )
    const user = userEvent.setup()
    renderSection()
    const alert = await within(section()).findByRole('alert')
    expect(alert).toHaveTextContent('Could not load the dashboards that use this look')
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await within(section()).findByRole('combobox', { name: 'Dashboard' })).toHaveTextContent(
      FUNNEL.title,
    )
  })
})
