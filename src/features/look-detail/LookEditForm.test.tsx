import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { http, HttpResponse } from 'msw'
import { beforeEach, describe, expect, it } from 'vitest'
import type { FolderRecord, LookRecord } from '../../looker-sim/core'
import { aLook, anEditableFolder } from '../../test/builders'
import { findHeading, renderLookPage } from '../../test/lookPageKit'
import { server, signInAs, sim, TEST_API } from '../../test/server'

let folder: FolderRecord
let look: LookRecord
let TITLE: string
beforeEach(() => {
  folder = anEditableFolder()
  look = aLook({ folder })
  TITLE = look.title
})

async function openEditor() {
  signInAs('analyst')
  const rendered = renderLookPage(`/looks/${look.id}`)
  await findHeading(TITLE)
  await userEvent.click(screen.getByRole('button', { name: 'Edit' }))
  const title = screen.getByRole('textbox', { name: /^Title/ })
  return { ...rendered, title }
}

const patchesSent = () => sim.requestLog.filter((e) => e.method === 'PATCH').length

describe('editing a look', () => {
  it('saves a trimmed title, and the heading shows it', async () => {
    const { title } = await openEditor()
    await userEvent.clear(title)
    await userEvent.type(title, '  Top customers by LTV  ')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await findHeading('Top customers by LTV')
    expect(sim.store.look(look.id)?.title).toBe('Top customers by LTV')
    expect(screen.queryByRole('textbox', { name: /^Title/ })).not.toBeInTheDocument()
  })

  it('a blank title is refused before anything is sent', async () => {
    const { title } = await openEditor()
    await userEvent.clear(title)
    await userEvent.type(title, '   ')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(title).toHaveAccessibleDescription('Enter a title.')
    expect(title).toHaveFocus()
    expect(patchesSent()).toBe(0)
  })

  it('422 field errors from the server land under the right fields, and the edits stay', async () => {
    server.use(
      http.patch(`${TEST_API}/looks/:id`, () =>
        HttpResponse.json(
          {
            message: 'Validation Failed',
            documentation_url: 'x',
            errors: [
              { field: 'description', code: 'too_long', message: 'is too long', documentation_url: 'x' },
              {
                field: 'title',
                code: 'invalid',
                message: 'contains a reserved word',
                documentation_url: 'x',
              },
            ],
          },
          { status: 422 },
        ),
      ),
    )
    const { title } = await openEditor()
    const description = screen.getByRole('textbox', { name: 'Description' })
    await userEvent.type(title, ' (draft)')
    await userEvent.type(description, ' More words.')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(description).toHaveAccessibleDescription('Is too long.'))
    expect(title).toHaveAccessibleDescription('Contains a reserved word.')
    expect(title).toHaveValue(`${TITLE} (draft)`)
    expect((description as HTMLTextAreaElement).value).toMatch(/More words\.$/)
  })

  it('a 422 error on a field named like an Object.prototype member is shown as is, not lost', async () => {
    server.use(
      http.patch(`${TEST_API}/looks/:id`, () =>
        HttpResponse.json(
          {
            message: 'Validation Failed',
            documentation_url: 'x',
            errors: [{ field: 'constructor', code: 'invalid', message: 'is odd', documentation_url: 'x' }],
          },
          { status: 422 },
        ),
      ),
    )
    const { title } = await openEditor()
    await userEvent.type(title, ' (draft)')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText(/constructor: is odd/)).toBeInTheDocument()
  })

  it('a title already used in the folder (409) is explained under Title', async () => {
    const { title } = await openEditor()
    const other = aLook({ folder })
    await userEvent.clear(title)
    await userEvent.type(title, other.title)
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await waitFor(() =>
      expect(title).toHaveAccessibleDescription(new RegExp(`already in folder "${folder.name}"`)),
    )
    expect(title).toHaveValue(other.title)
  })

  it('a server failure keeps the edits on screen and says why', async () => {
    sim.faults.setRules([{ kind: 503, rate: 1, method: 'PATCH' }])
    const { title } = await openEditor()
    await userEvent.type(title, ' v2')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('Your changes were not saved')).toBeInTheDocument()
    expect(title).toHaveValue(`${TITLE} v2`)
    expect(sim.store.look(look.id)?.title).toBe(TITLE)
  })
})

describe('conflict detection', () => {
  function changeOnServer(newTitle: string) {
    const onServer = sim.store.look(look.id)!
    onServer.title = newTitle
    onServer.updated_at = new Date(Date.parse(onServer.updated_at) + 60_000).toISOString()
  }

  it('a change made elsewhere since editing began is caught; Reload shows theirs', async () => {
    const { title } = await openEditor()
    changeOnServer('Renamed by Ada')
    await userEvent.type(title, ' (mine)')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    const alert = (await screen.findByText('This look changed while you were editing')).closest(
      '[role="alert"]',
    )
    expect(alert).toHaveTextContent('title now “Renamed by Ada”')
    expect(sim.store.look(look.id)?.title).toBe('Renamed by Ada')
    await userEvent.click(within(alert as HTMLElement).getByRole('button', { name: 'Reload' }))
    await findHeading('Renamed by Ada')
    expect(screen.queryByRole('textbox', { name: /^Title/ })).not.toBeInTheDocument()
  })

  it('Overwrite saves my changes over theirs', async () => {
    const { title } = await openEditor()
    changeOnServer('Renamed by Ada')
    await userEvent.clear(title)
    await userEvent.type(title, 'Mine wins')
    await userEvent.click(screen.getByRole('button', { name: 'Save' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Overwrite' }))
    await findHeading('Mine wins')
    expect(sim.store.look(look.id)?.title).toBe('Mine wins')
  })
})

describe('the unsaved-changes guard', () => {
  it('asks before in-app navigation; staying keeps the edits, leaving discards them', async () => {
    const { title, router } = await openEditor()
    await userEvent.type(title, ' edited')
    await userEvent.click(screen.getByRole('link', { name: 'Looks' }))
    const dialog = await screen.findByRole('dialog', { name: 'Leave without saving?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    expect(router.state.location.pathname).toBe(`/looks/${look.id}`)
    expect(title).toHaveValue(`${TITLE} edited`)

    await userEvent.click(screen.getByRole('tab', { name: 'Render' }))
    const again = await screen.findByRole('dialog', { name: 'Leave without saving?' })
    await userEvent.click(within(again).getByRole('button', { name: 'Leave and discard' }))
    await waitFor(() => expect(router.state.location.pathname).toBe(`/looks/${look.id}/render`))
    expect(sim.store.look(look.id)?.title).toBe(TITLE)
  })

  it('warns before the tab closes only while there are unsaved edits', async () => {
    const { title } = await openEditor()
    const clean = new Event('beforeunload', { cancelable: true })
    window.dispatchEvent(clean)
    expect(clean.defaultPrevented).toBe(false)
    await userEvent.type(title, '!')
    const dirty = new Event('beforeunload', { cancelable: true })
    window.dispatchEvent(dirty)
    expect(dirty.defaultPrevented).toBe(true)
  })

  it('navigation is not blocked when nothing was changed', async () => {
    const { router } = await openEditor()
    await userEvent.click(screen.getByRole('link', { name: 'Looks' }))
    await waitFor(() => expect(router.state.location.pathname).toBe('/looks'))
    expect(screen.queryByRole('dialog')).not.toBeInTheDocument()
  })
})
