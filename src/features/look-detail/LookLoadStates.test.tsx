import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { signInAs, sim } from '../../test/server'
import { findHeading, renderLookPage } from './lookPageTestUtils'

const TRASHED = '10' // the analyst's own look, in the trash since before his undo window

describe('a look Looker will not show', { timeout: 30_000 }, () => {
  it('a 404 for his own trashed look mentions the trash, and never claims it is gone for good', async () => {
    expect(sim.store.look(TRASHED)).toMatchObject({ deleted: true })
    signInAs('analyst')
    renderLookPage(`/looks/${TRASHED}`)
    await findHeading('Look not found')
    expect(screen.getByText(/in the trash, where only an admin can see and restore it/)).toBeVisible()
    expect(screen.queryByText(/for good/)).not.toBeInTheDocument()
  })
})
