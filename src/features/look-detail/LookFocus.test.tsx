import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import type { LookRecord } from '../../looker-sim/core'
import { anEditableLook } from '../../test/builders'
import { findHeading, renderLookPage } from '../../test/lookPageKit'
import { signInAs, sim } from '../../test/server'

// Each action below removes or hides the control that had focus; without a target focus falls to <body>.
let look: LookRecord
beforeEach(() => {
  look = anEditableLook()
})

async function openPage() {
  signInAs('analyst')
  renderLookPage(`/looks/${look.id}`)
  await findHeading(look.title)
}

const button = (name: string) => screen.getByRole('button', { name })

describe('focus after look actions', () => {
  it('a successful Save returns focus to Edit', async () => {
    await openPage()
    await userEvent.click(button('Edit'))
    await userEvent.type(screen.getByRole('textbox', { name: /^Title/ }), ' saved')
    await userEvent.click(button('Save'))
    await findHeading(/saved$/)
    await waitFor(() => expect(button('Edit')).toHaveFocus())
  })

  it('Discard changes returns focus to Edit', async () => {
    await openPage()
    await userEvent.click(button('Edit'))
    await userEvent.type(screen.getByRole('textbox', { name: /^Title/ }), ' draft')
    await userEvent.click(button('Cancel'))
    const dialog = await screen.findByRole('dialog', { name: 'Discard your changes?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Discard changes' }))
    await waitFor(() => expect(screen.queryByRole('textbox', { name: /^Title/ })).not.toBeInTheDocument())
    await waitFor(() => expect(button('Edit')).toHaveFocus())
    expect(document.activeElement).not.toBe(document.body)
  })

  it('Delete moves focus to the trash banner; Undo brings it back to Delete', async () => {
    await openPage()
    await userEvent.click(button('Delete'))
    const banner = (await screen.findByText('This look is in the trash')).closest<HTMLElement>(
      '[role="alert"]',
    )
    await waitFor(() => expect(banner).toHaveFocus())
    await userEvent.click(await screen.findByRole('button', { name: 'Undo' }))
    await waitFor(() => expect(sim.store.look(look.id)?.deleted).toBe(false))
    await waitFor(() => expect(button('Delete')).toHaveFocus())
  })

  it('a Delete that fails puts focus back on Delete', async () => {
    sim.faults.setRules([{ kind: 500, rate: 1, method: 'PATCH', path: `/looks/${look.id}` }])
    await openPage()
    await userEvent.click(button('Delete'))
    expect(await screen.findByText(/Could not delete the look/)).toBeInTheDocument()
    await waitFor(() => expect(button('Delete')).toHaveFocus())
  })
})
