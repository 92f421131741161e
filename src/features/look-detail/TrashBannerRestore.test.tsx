import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { aLook, uniqueName } from '../../test/builders'
import { findHeading, renderLookPage } from '../../test/lookPageKit'
import { sim } from '../../test/server'

// Issue 17, defect 4: Restore from the trash banner was silent. The banner unmounts as soon as the look is
// optimistically live, and the messages given to `mutate` went with it: no "Restored", no failure.

function trashedLook() {
  return aLook({ title: uniqueName('Q3 board pack'), trashedBy: { user: 'admin', daysAgo: 3 } })
}

async function restoreFromBanner(title: string) {
  await findHeading(title)
  const banner = screen.getByText('This look is in the trash').closest('[role="alert"]') as HTMLElement
  await userEvent.click(within(banner).getByRole('button', { name: 'Restore' }))
}

describe('restore from the trash banner', () => {
  it('says "Restored" once Looker has answered, after the banner has gone', async () => {
    const look = trashedLook()
    // Slow enough that the banner is gone (optimistically live) well before Looker answers.
    sim.faults.setRules([
      { kind: 'delay', rate: 1, method: 'PATCH', path: `/looks/${look.id}`, delayMs: 400 },
    ])
    renderLookPage(`/looks/${look.id}`)
    await restoreFromBanner(look.title)
    await waitFor(() => expect(screen.queryByText('This look is in the trash')).not.toBeInTheDocument())
    expect(sim.store.look(look.id)?.deleted).toBe(true)
    expect(await screen.findByText(`Restored “${look.title}”.`)).toBeInTheDocument()
    expect(sim.store.look(look.id)?.deleted).toBe(false)
  })

  it('a failed restore says why, and the banner comes back with Restore', async () => {
    const look = trashedLook()
    sim.faults.setRules([
      { kind: 'delay', rate: 1, method: 'PATCH', path: `/looks/${look.id}`, delayMs: 400 },
      { kind: 500, rate: 1, method: 'PATCH', path: `/looks/${look.id}` },
    ])
    renderLookPage(`/looks/${look.id}`)
    await restoreFromBanner(look.title)
    await waitFor(() => expect(screen.queryByText('This look is in the trash')).not.toBeInTheDocument())
    expect(
      await screen.findByText(/Could not restore the look: An internal server error occurred/),
    ).toBeInTheDocument()
    const banner = (await screen.findByText('This look is in the trash')).closest('[role="alert"]')
    expect(within(banner as HTMLElement).getByRole('button', { name: 'Restore' })).toBeEnabled()
    expect(sim.store.look(look.id)?.deleted).toBe(true)
  })
})
