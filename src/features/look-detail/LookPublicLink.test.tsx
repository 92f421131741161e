import { screen } from '@testing-library/react'
import { describe, expect, it } from 'vitest'
import { SIM_WEB_ORIGIN } from '../../looker-sim/core/constants'
import { aLook } from '../../test/builders'
import { findHeading, renderLookPage } from '../../test/lookPageKit'
import { testBackend } from '../../test/render'
import type { LookRecord } from '../../looker-sim/core'
import { beforeEach } from 'vitest'

let look: LookRecord
beforeEach(() => {
  look = aLook({ public: true, public_slug: 'bUiLtPuBlIcSlUg' })
})
const publicLook = () => look
const publicUrl = () => `${SIM_WEB_ORIGIN}/looks/${publicLook().public_slug}`

describe("a public look's URL", () => {
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
