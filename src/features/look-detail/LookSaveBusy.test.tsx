import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { LookRecord } from '../../looker-sim/core'
import { aLook, anEditableFolder } from '../../test/builders'
import { findHeading, renderLookPage } from '../../test/lookPageKit'
import { server, signInAs, sim, TEST_API } from '../../test/server'

// Issue 17, defect 2: a single Save gave up on a 429, though a 429 says nothing was done and when to
// come back. The write rule (lib/writeRule.ts) now waits it out, showing the wait, with Cancel.

let look: LookRecord
let TITLE: string
beforeEach(() => {
  look = aLook({ folder: anEditableFolder() })
  TITLE = look.title
  signInAs('analyst')
})

const busy = (retryAfter: string) =>
  HttpResponse.json({ message: 'Too Many Requests' }, { status: 429, headers: { 'Retry-After': retryAfter } })

async function editTitle(suffix: string) {
  renderLookPage(`/looks/${look.id}`)
  await findHeading(TITLE)
  await userEvent.click(screen.getByRole('button', { name: 'Edit' }))
  const title = screen.getByRole('textbox', { name: /^Title/ })
  await userEvent.type(title, suffix)
  await userEvent.click(screen.getByRole('button', { name: 'Save' }))
  return title
}

describe('a save while Looker is busy', () => {
  it('a 429 is waited out with "Looker is busy, retrying in 1 s…", then the save goes through once', async () => {
    server.use(http.patch(`${TEST_API}/looks/:id`, () => busy('1'), { once: true }))
    await editTitle(' v2')
    expect(await screen.findByText('Looker is busy, retrying in 1 s…')).toBeInTheDocument()
    await findHeading(`${TITLE} v2`)
    expect(await screen.findByText('Your changes were saved.')).toBeInTheDocument()
    expect(sim.store.look(look.id)?.title).toBe(`${TITLE} v2`)
    // The refused PATCH never reached Looker; the one sent after the wait did, once.
    expect(sim.requestLog.filter((e) => e.method === 'PATCH')).toHaveLength(1)
    expect(screen.queryByText(/Looker is busy/)).not.toBeInTheDocument()
  })

  it('Cancel during the wait sends nothing more, keeps the edits and says nothing was changed', async () => {
    server.use(http.patch(`${TEST_API}/looks/:id`, () => busy('30')))
    const title = await editTitle(' v3')
    const notice = (await screen.findByText('Looker is busy, retrying in 30 s…')).closest('[role="alert"]')
    await userEvent.click(within(notice as HTMLElement).getByRole('button', { name: 'Cancel' }))
    expect(await screen.findByText('Your changes were not saved')).toBeInTheDocument()
    expect(screen.getByText(/Cancelled while Looker was busy; nothing was changed\./)).toBeInTheDocument()
    expect(title).toHaveValue(`${TITLE} v3`)
    expect(sim.store.look(look.id)?.title).toBe(TITLE)
    expect(screen.queryByText(/Looker is busy, retrying/)).not.toBeInTheDocument()
  })
})
