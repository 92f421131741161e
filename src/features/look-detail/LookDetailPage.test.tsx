import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { lookKeys, type LookPage, type LookSearch } from '../../api/looks'
import { http, HttpResponse } from 'msw'
import type { FolderRecord, LookRecord } from '../../looker-sim/core'
import { aLook, anEditableFolder, demoUser, personalFolder, uniqueName } from '../../test/builders'
import { findHeading, renderLookPage } from '../../test/lookPageKit'
import { server, signInAs, sim, TEST_API } from '../../test/server'

// A look in a Shared folder the analyst may edit, owned by Ada (the admin), about the users explore.
let sales: FolderRecord
let look: LookRecord
let SALES_LOOK: string
beforeEach(() => {
  sales = anEditableFolder()
  look = aLook({ folder: sales, title: uniqueName('Top customers'), query: { view: 'users' } })
  SALES_LOOK = look.id
})

describe('the look page', () => {
  it('shows the title as heading, the folder path, the details and the query summary', async () => {
    renderLookPage(`/looks/${SALES_LOOK}`)
    await findHeading(look.title)
    const path = screen.getByRole('navigation', { name: 'Folder path' })
    expect(await within(path).findByRole('link', { name: sales.name })).toHaveAttribute(
      'href',
      `/looks?folder=${sales.id}`,
    )
    expect(within(path).getByRole('link', { name: 'Shared' })).toBeInTheDocument()
    const query = screen.getByRole('region', { name: 'Query' })
    expect(within(query).getByText('Explore').nextSibling).toHaveTextContent('users')
    expect(screen.getByText('Owner').nextSibling).toHaveTextContent('Ada Admin')
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute('aria-selected', 'true')
  })

  it('opens a contributed tab from the URL, and the tabs are links', async () => {
    renderLookPage(`/looks/${SALES_LOOK}/render`)
    expect(await screen.findByText(`Render panel for ${SALES_LOOK}`)).toBeInTheDocument()
    expect(screen.getByRole('tab', { name: 'Overview' })).toHaveAttribute('href', `/looks/${SALES_LOOK}`)
  })

  it("a tab's link brings back the settings it was left with (e.g. the render size)", async () => {
    const { router } = renderLookPage(`/looks/${SALES_LOOK}/render?format=jpg&width=800&height=600`)
    await screen.findByText(`Render panel for ${SALES_LOOK}`)
    await userEvent.click(screen.getByRole('tab', { name: 'Overview' }))
    await waitFor(() => expect(router.state.location.pathname).toBe(`/looks/${SALES_LOOK}`))
    const render = screen.getByRole('tab', { name: 'Render' })
    expect(render).toHaveAttribute('href', `/looks/${SALES_LOOK}/render?format=jpg&width=800&height=600`)
    await userEvent.click(render)
    await waitFor(() => expect(router.state.location.search).toBe('?format=jpg&width=800&height=600'))
  })

  it('an unknown look id shows a not-found page with a way back to search', async () => {
    renderLookPage('/looks/99999')
    await findHeading('Look not found')
    expect(screen.getByRole('link', { name: 'Search looks' })).toHaveAttribute('href', '/looks')
  })

  it('a look the user may not see answers 404 and reads as not found, never as an empty page', async () => {
    const andys = aLook({ folder: personalFolder('analyst'), owner: 'analyst' })
    signInAs('viewer')
    renderLookPage(`/looks/${andys.id}`)
    await findHeading('Look not found')
  })

  it('a 403 from the server reads as "you don\'t have access", with a way back to search', async () => {
    server.use(
      http.get(`${TEST_API}/looks/:id`, () =>
        HttpResponse.json({ message: 'Forbidden', documentation_url: 'x' }, { status: 403 }),
      ),
    )
    renderLookPage(`/looks/${SALES_LOOK}`)
    await findHeading("You don't have access to this look")
    expect(screen.getByRole('link', { name: 'Search looks' })).toBeInTheDocument()
  })

  it('the viewer sees a read-only page: Edit, Move and Delete are disabled with the reason', async () => {
    signInAs('viewer')
    renderLookPage(`/looks/${SALES_LOOK}`)
    await findHeading(look.title)
    for (const name of ['Edit', 'Move', 'Delete']) {
      const button = screen.getByRole('button', { name })
      expect(button).toHaveAttribute('aria-disabled', 'true')
      expect(button).toHaveAccessibleDescription(/edit access to its folder/)
    }
    await userEvent.click(screen.getByRole('button', { name: 'Edit' }))
    expect(screen.queryByRole('textbox', { name: 'Title' })).not.toBeInTheDocument()
  })

  it("the viewer's own look, in their personal folder, offers no change either", async () => {
    // In Vera's personal folder; Looker's Viewer role has no save_content.
    const veras = aLook({ folder: personalFolder('viewer'), owner: 'viewer' })
    signInAs('viewer')
    renderLookPage(`/looks/${veras.id}`)
    await findHeading(veras.title)
    for (const name of ['Edit', 'Copy', 'Move', 'Delete'])
      expect(screen.getByRole('button', { name })).toHaveAttribute('aria-disabled', 'true')
    expect(screen.getByRole('button', { name: 'Edit' })).toHaveAccessibleDescription(/may save content/)
  })

  it('a look in the trash opens with a banner, and an admin restores it', async () => {
    const TRASHED_BY_ADMIN = aLook({
      title: uniqueName('Q3 board pack revenue'),
      trashedBy: { user: 'admin', daysAgo: 30 },
    }).id
    renderLookPage(`/looks/${TRASHED_BY_ADMIN}`)
    await findHeading(/Q3 board pack/)
    const banner = screen.getByText('This look is in the trash').closest('[role="alert"]') as HTMLElement
    await userEvent.click(within(banner).getByRole('button', { name: 'Restore' }))
    await waitFor(() => expect(screen.queryByText('This look is in the trash')).not.toBeInTheDocument())
    expect(sim.store.look(TRASHED_BY_ADMIN)?.deleted).toBe(false)
    expect(await screen.findByText(/Restored “Q3 board pack/)).toBeInTheDocument()
  })

  it('an analyst cannot open a look someone else put in the trash: it reads as not found', async () => {
    signInAs('analyst')
    Object.assign(sim.store.look(SALES_LOOK)!, {
      deleted: true,
      deleter_id: demoUser('admin').id,
      deleted_at: new Date().toISOString(),
    })
    renderLookPage(`/looks/${SALES_LOOK}`)
    await findHeading('Look not found')
  })
})

describe('soft delete', () => {
  const liveSearch: LookSearch = { deleted: false, title: '%customers%' }

  it('removes the look from cached results at once and rolls back with the reason on a 500', async () => {
    sim.faults.setRules([{ kind: 500, rate: 1, method: 'PATCH', path: `/looks/${SALES_LOOK}` }])
    const { queryClient } = renderLookPage(`/looks/${SALES_LOOK}`)
    await findHeading(look.title)
    queryClient.setQueryData<LookPage>(lookKeys.search(liveSearch), {
      looks: [
        { id: SALES_LOOK, title: look.title },
        { id: '999', title: 'Another' },
      ],
      total: 2,
    })
    const observed: number[] = []
    const unsubscribe = queryClient.getQueryCache().subscribe(() => {
      const page = queryClient.getQueryData<LookPage>(lookKeys.search(liveSearch))
      if (page) observed.push(page.looks.length)
    })
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }))
    expect(
      await screen.findByText(/Could not delete the look: An internal server error occurred/),
    ).toBeInTheDocument()
    unsubscribe()
    // Optimistic removal happened (1 look), then the rollback put it back (2 looks).
    expect(observed).toContain(1)
    expect(queryClient.getQueryData<LookPage>(lookKeys.search(liveSearch))?.looks).toHaveLength(2)
    expect(screen.queryByText('This look is in the trash')).not.toBeInTheDocument()
    expect(sim.store.look(SALES_LOOK)?.deleted).toBe(false)
  })

  it('an analyst deletes a look and Undo restores it on the server', async () => {
    signInAs('analyst')
    renderLookPage(`/looks/${SALES_LOOK}`)
    await findHeading(look.title)
    await userEvent.click(screen.getByRole('button', { name: 'Delete' }))
    expect(await screen.findByText('This look is in the trash')).toBeInTheDocument()
    expect(await screen.findByText(`Moved “${look.title}” to the trash.`)).toBeInTheDocument()
    expect(sim.store.look(SALES_LOOK)).toMatchObject({ deleted: true, deleter_id: demoUser('analyst').id })
    await userEvent.click(screen.getByRole('button', { name: 'Undo' }))
    expect(await screen.findByText(`Restored “${look.title}”.`)).toBeInTheDocument()
    expect(sim.store.look(SALES_LOOK)?.deleted).toBe(false)
    await waitFor(() => expect(screen.queryByText('This look is in the trash')).not.toBeInTheDocument())
  })
})
