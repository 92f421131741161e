import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { anEditableLook } from '../../test/builders'
import { findHeading, renderLookPage } from '../../test/lookPageKit'
import { signInAs, sim } from '../../test/server'

describe('a look Looker will not show', () => {
  it('a 404 for his own trashed look mentions the trash, and never claims it is gone for good', async () => {
    // The analyst's own look, in the trash since long before his undo window.
    const TRASHED = anEditableLook({ owner: 'analyst', trashedBy: { user: 'analyst', daysAgo: 30 } }).id
    expect(sim.store.look(TRASHED)).toMatchObject({ deleted: true })
    signInAs('analyst')
    renderLookPage(`/looks/${TRASHED}`)
    await findHeading('Look not found')
    expect(screen.getByText(/in the trash, where only an admin can see and restore it/)).toBeVisible()
    expect(screen.queryByText(/for good/)).not.toBeInTheDocument()
  })
})
