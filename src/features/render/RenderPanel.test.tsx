import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { LookRecord } from '../../looker-sim/core'
import { aLook, uniqueName } from '../../test/builders'
import { renderWithProviders } from '../../test/render'
import { sim } from '../../test/server'
import { renderHistory } from './renderHistory'
import { RenderPanel } from './RenderPanel'

// LOOK renders on its first try; a scratchpad times out on its first render (the simulator's cold
// warehouse), then works; TRASHED is in the trash, and the default test user (the admin) may still open it.
let LOOK: LookRecord
let SCRATCHPAD: LookRecord
let TRASHED: string
beforeEach(() => {
  LOOK = aLook({ title: uniqueName('Conversion % by channel'), rendersFirstTime: true })
  SCRATCHPAD = aLook({ title: uniqueName("Andy's scratchpad") })
  TRASHED = aLook({ trashedBy: { user: 'admin' } }).id
})
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))

beforeAll(() => {
  // jsdom has no object URLs; the panel only needs a string to put in <img src>.
  URL.createObjectURL = () => 'blob:test'
  URL.revokeObjectURL = () => {}
})
beforeEach(() => {
  renderHistory.clear()
  sim.tasks.settings.renderDurationMs = { min: 150, max: 250 }
})

function renderPanel(lookId: string, search = 'width=400&height=300') {
  return renderWithProviders(<RenderPanel lookId={lookId} />, {
    route: `/looks/${lookId}/render?${search}`,
    path: '/looks/:lookId/render',
  })
}

const settingsForm = () => screen.getByRole('form', { name: 'Render settings' })
const renderButton = () => within(settingsForm()).getByRole('button', { name: 'Render' })
const renderRequests = () => sim.requestLog.filter((r) => r.path.startsWith('/render_tasks'))

describe('render panel', () => {
  it('sizes out of bounds are refused before any request', async () => {
    const user = userEvent.setup()
    renderPanel(LOOK.id)
    const width = within(settingsForm()).getByRole('textbox', { name: 'Width' })
    await user.clear(width)
    await user.type(width, '50{Enter}')
    expect(within(settingsForm()).getByText('Must be between 100 and 4096 pixels.')).toBeVisible()
    expect(renderButton()).toBeDisabled()
    await user.type(width, 'px{Enter}')
    expect(within(settingsForm()).getByText('Must be a whole number of pixels.')).toBeVisible()
    expect(renderRequests()).toEqual([])
    // What was typed is kept, not replaced by a default.
    expect(width).toHaveValue('50px')
  })

  it('a look in the trash offers no render that would fail, and says why', async () => {
    renderPanel(TRASHED)
    const reason = await screen.findByText('This look is in the trash. Restore the look to render it.')
    await waitFor(() => expect(renderButton()).toBeDisabled())
    expect(renderButton()).toHaveAccessibleDescription(reason.textContent)
    expect(renderRequests()).toEqual([])
  })

  it('changing the format keeps a width still being typed', async () => {
    const user = userEvent.setup()
    renderPanel(LOOK.id)
    const width = within(settingsForm()).getByRole('textbox', { name: 'Width' })
    await user.clear(width)
    await user.type(width, '50')
    await user.click(within(settingsForm()).getByRole('combobox', { name: 'Format' }))
    await user.click(await screen.findByRole('option', { name: 'JPEG' }))
    await waitFor(() =>
      expect(within(settingsForm()).getByRole('combobox', { name: 'Format' })).toHaveTextContent('JPEG'),
    )
    expect(width).toHaveValue('50')
    expect(within(settingsForm()).getByText('Must be between 100 and 4096 pixels.')).toBeVisible()
  })

  it('a successful render shows the image, named after the look, with its runtimes', async () => {
    const user = userEvent.setup()
    renderPanel(LOOK.id)
    await user.click(await waitFor(renderButton))
    expect(await screen.findByRole('group', { name: 'Render progress' })).toBeVisible()
    const image = await screen.findByRole('img', { name: `Rendered look: ${LOOK.title}` })
    // Under the page's h1, the history is a section heading, not an h6 that skips levels.
    expect(screen.getByRole('heading', { level: 2, name: /Renders this session/ })).toBeVisible()
    expect(image).toHaveAttribute('width', '400')
    expect(image).toHaveAttribute('height', '300')
    expect(screen.queryByRole('group', { name: 'Render progress' })).not.toBeInTheDocument()
    expect(screen.getByText(/400 × 300 PNG · query \d+\.\d s · render \d+\.\d s/)).toBeVisible()
    expect(screen.getByRole('button', { name: `Download ${LOOK.title}-400x300.png` })).toBeVisible()
    // One create, the image fetched exactly once.
    expect(renderRequests().filter((r) => r.method === 'POST')).toHaveLength(1)
    expect(renderRequests().filter((r) => r.path.endsWith('/results'))).toHaveLength(1)
  })

  it("a failed render shows Looker's status_detail, and Retry renders again", async () => {
    const user = userEvent.setup()
    renderPanel(SCRATCHPAD.id)
    await user.click(await waitFor(renderButton))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The render failed.')
    expect(alert).toHaveTextContent('Script timed out')
    // A failed task has no result to fetch.
    expect(renderRequests().filter((r) => r.path.endsWith('/results'))).toEqual([])
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    // The Retry button is gone: focus is on the new try's progress, not dropped to <body>.
    expect(await screen.findByRole('group', { name: 'Render progress' })).toHaveFocus()
    expect(await screen.findByRole('img', { name: `Rendered look: ${SCRATCHPAD.title}` })).toBeInTheDocument()
    expect(screen.queryByRole('alert')).not.toBeInTheDocument()
  })

  it('an expired result (404) offers to render again', async () => {
    const user = userEvent.setup()
    sim.tasks.settings.resultTtlMs = 0
    renderPanel(LOOK.id)
    await user.click(await waitFor(renderButton))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent("This render's result has expired on the server.")
    expect(
      renderRequests()
        .filter((r) => r.path.endsWith('/results'))
        .map((r) => r.status),
    ).toEqual([404])
    sim.tasks.settings.resultTtlMs = 60_000
    await user.click(within(alert).getByRole('button', { name: 'Render again' }))
    expect(await screen.findByRole('img', { name: `Rendered look: ${LOOK.title}` })).toBeInTheDocument()
  })

  it('cancel stops polling and ignores the result', async () => {
    const user = userEvent.setup()
    sim.tasks.settings.renderDurationMs = { min: 1_200, max: 1_200 }
    renderPanel(LOOK.id)
    await user.click(await waitFor(renderButton))
    const progress = await screen.findByRole('group', { name: 'Render progress' })
    await waitFor(() => expect(progress).toHaveTextContent(/Queued|Querying|Waiting|Rendering/))
    // Only the status is live: the elapsed time ticks every 0.1 s and is kept out of it.
    expect(progress).not.toHaveAttribute('aria-live')
    expect(progress).toHaveTextContent(/\d\.\d s/)
    // querySelector, not getByRole: a role query is slow in jsdom, and Cancel must beat the render.
    expect(progress.querySelector('[role="status"]')).not.toHaveTextContent(/\d s/)
    await user.click(within(progress).getByRole('button', { name: 'Cancel' }))
    expect(screen.queryByRole('group', { name: 'Render progress' })).not.toBeInTheDocument()
    expect(renderButton()).toHaveFocus()
    const statusReadsAtCancel = renderRequests().filter((r) => r.method === 'GET').length
    await sleep(2_000) // past the task's end
    // At most the one read already in flight at the click; the image is never fetched nor shown.
    expect(renderRequests().filter((r) => r.method === 'GET').length).toBeLessThanOrEqual(
      statusReadsAtCancel + 1,
    )
    expect(renderRequests().filter((r) => r.path.endsWith('/results'))).toEqual([])
    expect(screen.queryByRole('img', { name: /Rendered look/ })).not.toBeInTheDocument()
    expect(renderButton()).toBeEnabled()
  })
})
