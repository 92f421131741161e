import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { SIM_WEB_ORIGIN } from '../../looker-sim/core/constants'
import { sim } from '../../test/server'
import { testBackend } from '../../test/render'
import { findHeading, renderLookPage } from './lookPageTestUtils'

const publicLook = () => sim.store.data.looks.find((l) => l.public && l.public_slug && !l.deleted)!
const publicUrl = () => `${SIM_WEB_ORIGIN}/looks/${publicLook().public_slug}`

describe("a public look's URL", { timeout: 30_000 }, () => {
  it('in demo mode is shown as text, marked simulated, on a Looker host and never the app', async () => {
    renderLookPage(`/looks/${publicLook().id}`)
    await findHeading(publicLook().title)
    expect(screen.getByText(publicUrl(), { exact: false })).toHaveTextContent(/simulated link/)
    expect(screen.queryByRole('link', { name: publicUrl() })).not.toBeInTheDocument()
    expect(publicUrl().startsWith(window.location.origin)).toBe(false)
  })

  it('when connected is a link to Looker, as before', async () => {
    renderLookPage(`/looks/${publicLook().id}`, { ...testBackend, mode: 'connected' })
    await findHeading(publicLook().title)
    expect(screen.getByRole('link', { name: publicUrl() })).toHaveAttribute('href', publicUrl())
  })
})
