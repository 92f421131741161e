import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { renderWithProviders } from '../test/render'
import { sim } from '../test/server'
import { TopBar } from './TopBar'

// Issue 17, defect 3: when the admin check (GET /user, then the user's roles) failed once, the top bar hid
// the admin's Trash link with no word and no retry until a reload.
describe("the top bar's Trash link", () => {
  it('a failed admin check says so with Retry, and a successful retry brings the Trash link', async () => {
    sim.faults.setRules([{ kind: 503, rate: 1, method: 'GET', path: '/users/*/roles' }])
    renderWithProviders(<TopBar />)
    const retry = await screen.findByRole('button', { name: 'Could not check admin access · Retry' })
    expect(screen.queryByRole('link', { name: 'Trash' })).not.toBeInTheDocument()
    sim.faults.setRules([])
    await userEvent.click(retry)
    expect(await screen.findByRole('link', { name: 'Trash' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Could not check admin access/ })).not.toBeInTheDocument()
  })

  it('shows the link to an admin and nothing extra when the check succeeds', async () => {
    renderWithProviders(<TopBar />)
    expect(await screen.findByRole('link', { name: 'Trash' })).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /Could not check admin access/ })).not.toBeInTheDocument()
  })
})
