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
  // A query that outlasts the deadline, cut to 1.2 s here (10 minutes by default).
  sim.tasks.settings.queryDurationMs = { min: 60_000, max: 60_000 }
  setTaskDeadlineMinutes(0.02)
})
afterEach(() => setTaskDeadlineMinutes(DEFAULT_DEADLINE_MINUTES))

describe('a data preview past the deadline', { timeout: 30_000 }, () => {
  it('asks, stops polling when the user stops waiting, and runs the query again on request', async () => {
    const user = userEvent.setup()
    renderWithProviders(<DataPreview lookId={LOOK} />, {
      route: `/looks/${LOOK}/data`,
      path: '/looks/:lookId/data',
    })
    const notice = await screen.findByRole('alert', {}, { timeout: 10_000 })
    expect(notice).toHaveTextContent('This query is taking unusually long')
    await user.click(within(notice).getByRole('button', { name: 'Cancel' }))
    const stopped = await screen.findByText('Stopped waiting for the query.')
    const count = statusRequests()
    await sleep(1_500)
    expect(statusRequests()).toBe(count)
    // Running again starts a new task (the old one is left to Looker), which finishes this time.
    sim.tasks.settings.queryDurationMs = { min: 100, max: 100 }
    await user.click(
      within(stopped.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Run again' }),
    )
    await waitFor(() => expect(screen.getByRole('table', { name: /^Data for / })).toBeVisible(), {
      timeout: 10_000,
    })
    expect(screen.queryByText('Stopped waiting for the query.')).toBeNull()
  })
})
