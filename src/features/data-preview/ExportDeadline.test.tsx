import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { DEFAULT_DEADLINE_MINUTES, setTaskDeadlineMinutes } from '../../lib/taskDeadline'
import { renderWithProviders } from '../../test/render'
import { sim } from '../../test/server'
import { DataPreview } from './DataPreview'

const LOOK = '2'
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms))
const statusRequests = () => sim.requestLog.filter((r) => /^\/query_tasks\/[^/]+$/.test(r.path)).length

beforeEach(() => {
  sim.tasks.settings.queryDurationMs = { min: 100, max: 100 }
  setTaskDeadlineMinutes(0.02) // 1.2 s here; 10 minutes by default
})
afterEach(() => setTaskDeadlineMinutes(DEFAULT_DEADLINE_MINUTES))

describe('an export past the deadline', { timeout: 30_000 }, () => {
  it('asks beside Export, keeps waiting when told, and stops polling on Cancel', async () => {
    const user = userEvent.setup()
    renderWithProviders(<DataPreview lookId={LOOK} />, {
      route: `/looks/${LOOK}/data`,
      path: '/looks/:lookId/data',
    })
    await waitFor(() => expect(screen.getByRole('table', { name: /^Data for / })).toBeVisible(), {
      timeout: 10_000,
    })
    // The export's query outlasts the deadline.
    sim.tasks.settings.queryDurationMs = { min: 60_000, max: 60_000 }
    await user.click(screen.getByRole('button', { name: 'Export' }))
    await user.click(screen.getByRole('menuitem', { name: 'CSV' }))
    const notice = await screen.findByRole('alert', {}, { timeout: 10_000 })
    expect(notice).toHaveTextContent('This export is taking unusually long')
    const paused = statusRequests()
    await sleep(1_500)
    expect(statusRequests()).toBe(paused)

    await user.click(within(notice).getByRole('button', { name: 'Keep waiting' }))
    const line = await screen.findByText(/Still waiting for the export/)
    await waitFor(() => expect(line).toHaveFocus())
    await waitFor(() => expect(statusRequests()).toBeGreaterThan(paused))

    const again = await screen.findByRole('alert', {}, { timeout: 10_000 })
    await user.click(within(again).getByRole('button', { name: 'Cancel' }))
    await screen.findByText('Stopped waiting for the export.')
    const exportButton = screen.getByRole('button', { name: 'Export' })
    await waitFor(() => expect(exportButton).toHaveFocus())
    const stopped = statusRequests()
    await sleep(1_500)
    expect(statusRequests()).toBe(stopped)
    expect(screen.queryByText(/Still waiting for the export/)).toBeNull()
  })
})
