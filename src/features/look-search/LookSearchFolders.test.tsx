import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it } from 'vitest'
import { aFolder, demoUser, sharedRoot, uniqueName } from '../../test/builders'
import { renderWithProviders } from '../../test/render'
import { sim } from '../../test/server'
import { LookSearchPage } from './LookSearchPage'

function renderPage(route = '/looks') {
  const rendered = renderWithProviders(<LookSearchPage />, { route, path: '/looks' })
  const folderParam = () => new URLSearchParams(rendered.router.state.location.search).get('folder')
  return { ...rendered, folderParam }
}

// The panel's and the thumbnails' code load after the first results (decisions 0012, 0018). On a cold run
// vitest transforms those modules on first import, which under load took longer than a query's 5 s: load
// them once here, so the tests time the page, not the transform.
beforeAll(async () => {
  await Promise.all([import('./FolderPanel'), import('./ResultThumbnail')])
}, 60_000)

// The panel's code loads after the first results (decision 0012): wait for it.
const panel = () => screen.findByRole('navigation', { name: 'Folders' })
const tree = () => screen.findByRole('tree', { name: 'Folders' })
const item = async (name: string) => within(await panel()).findByRole('treeitem', { name })
const childrenRequests = (id: string) =>
  sim.requestLog.filter((entry) => entry.path === `/folders/${id}/children`).length

describe('the search page folder panel', () => {
  it('lists All folders, Shared, People and My folder; All folders is chosen when no folder is', async () => {
    renderPage()
    expect(screen.getByLabelText('Loading folders')).toHaveAttribute('aria-busy', 'true')
    const roots = within(await tree()).getAllByRole('treeitem')
    expect(roots.map((root) => root.textContent)).toEqual(['All folders', 'Shared', 'People', 'My folder'])
    expect(roots[0]).toHaveAttribute('aria-selected', 'true')
    // Nothing is disabled here: the picker's rules do not apply to a filter.
    expect(roots.filter((root) => root.hasAttribute('aria-disabled'))).toEqual([])
  })

  it('a link to a folder opens the tree down to it; All folders clears the filter', async () => {
    const sales = aFolder()
    const regional = aFolder({ parent: sales })
    const EMEA = aFolder({ parent: regional })
    const { folderParam } = renderPage(`/looks?folder=${EMEA.id}`)
    const emea = await item(EMEA.name)
    expect(emea).toHaveAttribute('aria-selected', 'true')
    for (const name of ['Shared', sales.name, regional.name]) {
      expect(await item(name)).toHaveAttribute('aria-expanded', 'true')
    }
    // Tab lands on the chosen folder.
    expect(emea).toHaveAttribute('tabindex', '0')
    expect(await item('All folders')).toHaveAttribute('aria-selected', 'false')

    await userEvent.click(within(await item('All folders')).getByText('All folders'))
    await waitFor(() => expect(folderParam()).toBeNull())
    expect(await item('All folders')).toHaveAttribute('aria-selected', 'true')
    expect(emea).toHaveAttribute('aria-selected', 'false')
  })

  it('the heading above the results calls the Users root “People”, as the panel does', async () => {
    const usersRoot = sim.store.data.folders.find((folder) => folder.is_users_root)!
    renderPage(`/looks?folder=${usersRoot.id}`)
    expect(await screen.findByText('In “People”')).toBeVisible()
    expect(screen.queryByText(/Users/)).not.toBeInTheDocument()
  })

  it('is usable from the keyboard: arrows move and open, Enter chooses and sets folder= in the URL', async () => {
    // Children come sorted by name: a name starting with "A" is the first under Shared.
    const first = aFolder({ name: uniqueName('Accounts desk') })
    const { folderParam } = renderPage()
    const all = await item('All folders')
    expect(all).toHaveAttribute('tabindex', '0')
    const user = userEvent.setup()
    // The tree is one Tab stop: its first item until the user moves.
    await user.tab()
    expect(all).toHaveFocus()

    await user.keyboard('{ArrowDown}')
    const shared = await item('Shared')
    expect(shared).toHaveFocus()
    await user.keyboard('{ArrowRight}')
    expect(shared).toHaveAttribute('aria-expanded', 'true')
    const firstItem = await item(first.name)
    await user.keyboard('{ArrowDown}')
    expect(firstItem).toHaveFocus()
    await user.keyboard('{Enter}')
    await waitFor(() => expect(folderParam()).toBe(first.id))
    expect(firstItem).toHaveAttribute('aria-selected', 'true')
    expect(await screen.findByText(`In “${first.name}”`)).toBeVisible()

    await user.keyboard('{ArrowLeft}')
    expect(shared).toHaveFocus()
    await user.keyboard('{ArrowLeft}')
    expect(shared).toHaveAttribute('aria-expanded', 'false')
    await user.keyboard('{End}')
    expect(await item('My folder')).toHaveFocus()
    await user.keyboard('{ArrowUp}{ArrowUp}')
    expect(shared).toHaveFocus()
    await user.keyboard('{Home}')
    expect(all).toHaveFocus()
    await user.keyboard(' ')
    await waitFor(() => expect(folderParam()).toBeNull())
    expect(all).toHaveAttribute('aria-selected', 'true')
  })

  it('My folder is the signed-in user’s personal folder', async () => {
    const { folderParam } = renderPage()
    const personal = demoUser('admin').personal_folder_id
    await userEvent.click(within(await item('My folder')).getByText('My folder'))
    await waitFor(() => expect(folderParam()).toBe(personal))
  })

  it('each opened folder is read once; a level that fails says so and Retry loads it', async () => {
    const shared = sharedRoot().id
    const child = aFolder()
    sim.faults.setRules([{ kind: 500, rate: 1, path: `/folders/${shared}/children` }])
    renderPage()
    const sharedItem = await item('Shared')
    sharedItem.focus()
    const user = userEvent.setup()
    await user.keyboard('{ArrowRight}')
    const alert = await within(await panel()).findByRole('alert')
    expect(alert).toHaveTextContent('Could not load subfolders')
    sim.faults.setRules([])
    await user.click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await item(child.name)).toBeVisible()
    expect(childrenRequests(shared)).toBe(2)

    // Closing and opening again reads from the cache.
    sharedItem.focus()
    await user.keyboard('{ArrowLeft}')
    const loaded = await panel()
    await waitFor(() => expect(within(loaded).queryByRole('treeitem', { name: child.name })).toBeNull())
    await user.keyboard('{ArrowRight}')
    expect(await item(child.name)).toBeVisible()
    expect(childrenRequests(shared)).toBe(2)
  })
})
