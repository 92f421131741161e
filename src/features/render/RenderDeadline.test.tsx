import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_DEADLINE_MINUTES, setTaskDeadlineMinutes } from '../../lib/taskDeadline'
import { taskHistory } from '../../lib/taskHistory'
import { renderWithProviders } from '../../test/render'
import { sim } from '../../test/server'
import { renderHistory } from './renderHistory'
import { RenderPanel } from './RenderPanel'

const LOOK = '1' // renders on its first try
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const statusRequests = () => sim.requestLog.filter((r) => /^\/render_tasks\/[^/]+$/.test(r.path)).length

beforeAll(() => {
  URL.createObjectURL = () => 'blob:test'
  URL.revokeObjectURL = () => {}
})
beforeEach(() => {
  renderHistory.clear()
  taskHistory.clear()
  // A render that outlasts the deadline, which is cut to 1.2 s here (a setting, 10 minutes by default).
  sim.tasks.settings.renderDurationMs = { min: 60_000, max: 60_000 }
  setTaskDeadlineMinutes(0.02)
})
afterEach(() => setTaskDeadlineMinutes(DEFAULT_DEADLINE_MINUTES))

describe('a render past the deadline', { timeout: 30_000 }, () => {
  it('stops asking Looker, says so, and carries on only when told to keep waiting', async () => {
    const user = userEvent.setup()
    renderWithProviders(<RenderPanel lookId={LOOK} />, {
      route: `/looks/${LOOK}/render?width=400&height=300`,
      path: '/looks/:lookId/render',
    })
    const form = screen.getByRole('form', { name: 'Render settings' })
    await user.click(within(form).getByRole('button', { name: 'Render' }))
    const notice = await screen.findByRole('alert', {}, { timeout: 10_000 })
    expect(notice).toHaveTextContent('This render is taking unusually long')
    // Paused: no status request while the question is open.
    const paused = statusRequests()
    await sleep(1_500)
    expect(statusRequests()).toBe(paused)
    expect(screen.getByRole('group', { name: 'Render progress' })).toBeVisible()

    await user.click(within(notice).getByRole('button', { name: 'Keep waiting' }))
    const line = await screen.findByText(/Still waiting for the render/)
    await waitFor(() => expect(line).toHaveFocus())
    await waitFor(() => expect(statusRequests()).toBeGreaterThan(paused))

    // It asks again after another period; Cancel stops the render and polling.
    const again = await screen.findByRole('alert', {}, { timeout: 10_000 })
    await user.click(within(again).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('group', { name: 'Render progress' })).toBeNull())
    expect(screen.queryByRole('alert')).toBeNull()
    const stopped = statusRequests()
    await sleep(1_500)
    expect(statusRequests()).toBe(stopped)
    expect(within(form).getByRole('button', { name: 'Render' })).toHaveFocus()
  })
})
