import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import type { LookRecord } from '../../looker-sim/core'
import { anEditableLook } from '../../test/builders'
import { findHeading, renderLookPage } from '../../test/lookPageKit'
import { signInAs, sim } from '../../test/server'

let look: LookRecord
let TITLE: string
beforeEach(() => {
  look = anEditableLook()
  TITLE = look.title
})

describe('an unsaved edit', () => {
  afterEach(() => sessionStorage.clear())

  it('survives the page being torn down (a reload or a sign-in round trip) and reopens in the editor', async () => {
    signInAs('analyst')
    const first = renderLookPage(`/looks/${look.id}`)
    await findHeading(TITLE)
    await userEvent.click(screen.getByRole('button', { name: 'Edit' }))
    const title = screen.getByRole('textbox', { name: /^Title/ })
    await userEvent.clear(title)
    await userEvent.type(title, 'Half-typed new title')
    first.unmount()

    renderLookPage(`/looks/${look.id}`)
    await findHeading(TITLE)
    expect(await screen.findByRole('textbox', { name: /^Title/ })).toHaveValue('Half-typed new title')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await findHeading('Half-typed new title')
    expect(sim.store.look(look.id)?.title).toBe('Half-typed new title')
  })

  it('is forgotten once saved or cancelled, so the next visit opens the read view', async () => {
    signInAs('analyst')
    const first = renderLookPage(`/looks/${look.id}`)
    await findHeading(TITLE)
    await userEvent.click(screen.getByRole('button', { name: 'Edit' }))
    await userEvent.type(screen.getByRole('textbox', { name: /^Title/ }), ' (draft)')
    await userEvent.click(screen.getByRole('button', { name: 'Cancel' }))
    await userEvent.click(await screen.findByRole('button', { name: /discard/i }))
    first.unmount()

    renderLookPage(`/looks/${look.id}`)
    await findHeading(TITLE)
    expect(screen.queryByRole('textbox', { name: /^Title/ })).not.toBeInTheDocument()
  })

  it('is forgotten when the user leaves and discards it', async () => {
    signInAs('analyst')
    const first = renderLookPage(`/looks/${look.id}`)
    await findHeading(TITLE)
    await userEvent.click(screen.getByRole('button', { name: 'Edit' }))
    await userEvent.type(screen.getByRole('textbox', { name: /^Title/ }), ' (draft)')
    await userEvent.click(screen.getByRole('tab', { name: 'Render' }))
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Leave and discard' }))
    await waitFor(() => expect(first.router.state.location.pathname).toBe(`/looks/${look.id}/render`))
    first.unmount()

    renderLookPage(`/looks/${look.id}`)
    await findHeading(TITLE)
    expect(screen.queryByRole('textbox', { name: /^Title/ })).not.toBeInTheDocument()
  })
})
