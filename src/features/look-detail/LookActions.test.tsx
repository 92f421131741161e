import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeEach, describe, expect, it } from 'vitest'
import { lookKeys, type LookSearch } from '../../api/looks'
import type { FolderRecord } from '../../looker-sim/core'
import { aFolder, aLook, anEditableFolder, demoUser } from '../../test/builders'
import { findHeading, renderLookPage } from '../../test/lookPageKit'
import { signInAs, sim } from '../../test/server'

// Two Shared folders the analyst may edit (as Sales and Marketing), Marketing with a subfolder.
let SALES_LOOK: string
let sales: FolderRecord
let marketing: FolderRecord
let web: FolderRecord
beforeEach(() => {
  sales = anEditableFolder()
  marketing = anEditableFolder()
  web = aFolder({ parent: marketing })
  SALES_LOOK = aLook({ folder: sales }).id
})

async function openDialog(action: 'Copy' | 'Move', user: 'admin' | 'analyst' = 'analyst') {
  signInAs(user)
  const rendered = renderLookPage(`/looks/${SALES_LOOK}`)
  await findHeading(sim.store.look(SALES_LOOK)!.title)
  await userEvent.click(screen.getByRole('button', { name: action }))
  const dialog = await screen.findByRole('dialog', { name: `${action} to folder` })
  // The current folder is revealed in the tree once its ancestors are known.
  await within(dialog).findByRole('treeitem', { name: sales.name })
  return { ...rendered, dialog }
}

describe('moving a look', () => {
  it('the current folder cannot be chosen: it is disabled with the reason, and Move stays off', async () => {
    const { dialog } = await openDialog('Move')
    const current = within(dialog).getByRole('treeitem', { name: sales.name })
    expect(current).toHaveAttribute('aria-disabled', 'true')
    expect(current).toHaveAccessibleDescription('The look is already in this folder')
    await userEvent.click(within(current).getByText(sales.name))
    expect(current).toHaveAttribute('aria-selected', 'false')
    expect(within(dialog).getByRole('button', { name: 'Move here' })).toBeDisabled()
    expect(sim.requestLog.some((e) => e.path.endsWith('/move'))).toBe(false)
  })

  it('moves to another folder: breadcrumb and cached lists follow, and only folder_id changed', async () => {
    const before = structuredClone(sim.store.look(SALES_LOOK)!)
    const { dialog, queryClient } = await openDialog('Move')
    const search: LookSearch = { deleted: false, folder_id: sales.id }
    queryClient.setQueryData(lookKeys.search(search), { looks: [{ id: SALES_LOOK }], total: 1 })
    await userEvent.click(
      within(dialog).getByRole('treeitem', { name: marketing.name }).querySelector('span[id]')!,
    )
    await userEvent.click(within(dialog).getByRole('button', { name: 'Move here' }))
    expect(await screen.findByText(`Moved to “${marketing.name}”.`)).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
    const path = screen.getByRole('navigation', { name: 'Folder path' })
    expect(await within(path).findByRole('link', { name: marketing.name })).toBeInTheDocument()
    expect(within(path).queryByRole('link', { name: sales.name })).not.toBeInTheDocument()
    expect(queryClient.getQueryState(lookKeys.search(search))?.isInvalidated).toBe(true)
    expect(sim.store.look(SALES_LOOK)).toEqual({ ...before, folder_id: marketing.id })
  })
})

/** aria-disabled disables the element and everything inside it, so a screen reader hears it from any ancestor. */
const disabledByAncestor = (element: HTMLElement | null): boolean =>
  element !== null &&
  (element.getAttribute('aria-disabled') === 'true' || disabledByAncestor(element.parentElement))

describe('copying a look', () => {
  it('a folder the analyst may copy into is not exposed as disabled, even under one he may not', async () => {
    const { dialog } = await openDialog('Copy')
    const shared = within(dialog).getByRole('treeitem', { name: 'Shared' })
    expect(shared).toHaveAttribute('aria-disabled', 'true')
    await userEvent.click(
      within(dialog).getByRole('treeitem', { name: marketing.name }).querySelector('span[aria-hidden]')!,
    )
    const webItem = await within(dialog).findByRole('treeitem', { name: web.name })
    expect(disabledByAncestor(webItem)).toBe(false)
    expect(disabledByAncestor(within(dialog).getByRole('treeitem', { name: sales.name }))).toBe(false)
    await userEvent.click(within(webItem).getByText(web.name))
    expect(within(dialog).getByRole('button', { name: 'Copy here' })).toBeEnabled()
  })

  it('a double click makes exactly one copy, with the same query; then the copy opens and says where it is', async () => {
    const source = structuredClone(sim.store.look(SALES_LOOK)!)
    const looksBefore = sim.store.data.looks.length
    const { dialog, router } = await openDialog('Copy')
    // The current folder is preselected for a copy.
    expect(within(dialog).getByRole('treeitem', { name: sales.name })).toHaveAttribute(
      'aria-selected',
      'true',
    )
    await userEvent.click(
      within(dialog).getByRole('treeitem', { name: marketing.name }).querySelector('span[id]')!,
    )
    await userEvent.dblClick(within(dialog).getByRole('button', { name: 'Copy here' }))
    expect(
      await screen.findByText(`Copied to “${marketing.name}”. You are now viewing the copy.`),
    ).toBeInTheDocument()
    const copies = sim.store.data.looks.filter(
      (l) => l.folder_id === marketing.id && l.title === source.title,
    )
    expect(copies).toHaveLength(1)
    expect(sim.store.data.looks.length).toBe(looksBefore + 1)
    expect(sim.requestLog.filter((e) => e.method === 'POST' && e.path.endsWith('/copy'))).toHaveLength(1)
    const copy = copies[0]!
    expect(copy.query_id).toBe(source.query_id)
    expect(copy.user_id).toBe(demoUser('analyst').id)
    await waitFor(() => expect(router.state.location.pathname).toBe(`/looks/${copy.id}`))
    const path = await screen.findByRole('navigation', { name: 'Folder path' })
    expect(await within(path).findByRole('link', { name: marketing.name })).toBeInTheDocument()
    expect(sim.store.look(SALES_LOOK)).toEqual(source)
  })

  it('a failed copy is reported in the dialog and never retried by itself', async () => {
    sim.faults.setRules([{ kind: 503, rate: 1, method: 'POST', path: '/looks/*/copy' }])
    const { dialog } = await openDialog('Copy')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Copy here' }))
    expect(await within(dialog).findByText(/Could not copy the look/)).toBeInTheDocument()
    expect(sim.requestLog.filter((e) => e.path.endsWith('/copy'))).toHaveLength(1)
    expect(within(dialog).getByRole('button', { name: 'Copy here' })).toBeEnabled()
  })
})
