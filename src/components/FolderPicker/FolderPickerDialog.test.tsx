import { waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { aFolder, personalFolder, uniqueName } from '../../test/builders'
import { renderFolderPicker } from '../../test/folderPickerKit'
import { signInAs, sim } from '../../test/server'

const renderPicker = renderFolderPicker

const findItem = (dialog: HTMLElement, name: string) => within(dialog).findByRole('treeitem', { name })

describe('the folder picker', () => {
  it('finds folders by part of their name and shows where each one is', async () => {
    const marketing = aFolder()
    const campaigns = aFolder({ parent: marketing, name: uniqueName('Paid Campaigns') })
    const { dialog, onConfirm } = renderPicker()
    // Part of the name: the middle of it, which no other folder has.
    const part = campaigns.name.slice(3)
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Search folders' }), part)
    const option = await within(dialog).findByRole('option', { name: campaigns.name })
    expect(await within(option).findByText(`Shared › ${marketing.name}`)).toBeInTheDocument()
    await userEvent.click(option)
    expect(
      await within(dialog).findByText(`Shared › ${marketing.name} › ${campaigns.name}`),
    ).toBeInTheDocument()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Choose' }))
    expect(onConfirm).toHaveBeenCalledWith(
      expect.objectContaining({ id: campaigns.id, name: campaigns.name }),
    )
  })

  it('says so when no folder matches', async () => {
    const { dialog } = renderPicker()
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Search folders' }), 'zzqx')
    expect(await within(dialog).findByText('No folder name contains “zzqx”.')).toBeInTheDocument()
  })

  it('is usable from the keyboard: arrows browse and open the tree, Enter chooses', async () => {
    // Children come sorted by name: a name starting with "A" is the first under Shared.
    const desk = aFolder({ name: uniqueName('Accounts desk') })
    const support = aFolder({ parent: desk, name: uniqueName('Support') })
    const { dialog, onConfirm } = renderPicker()
    const shared = await findItem(dialog, 'Shared')
    expect(shared).toHaveAttribute('tabindex', '0')
    shared.focus()
    await userEvent.keyboard('{ArrowRight}')
    expect(shared).toHaveAttribute('aria-expanded', 'true')
    const deskItem = await findItem(dialog, desk.name)
    await userEvent.keyboard('{ArrowDown}')
    expect(deskItem).toHaveFocus()
    await userEvent.keyboard('{ArrowRight}')
    await findItem(dialog, support.name)
    await userEvent.keyboard('{ArrowDown}{Enter}')
    expect(within(dialog).getByRole('treeitem', { name: support.name })).toHaveAttribute(
      'aria-selected',
      'true',
    )
    await userEvent.keyboard('{ArrowLeft}')
    expect(deskItem).toHaveFocus()
    await userEvent.keyboard('{ArrowLeft}')
    expect(deskItem).toHaveAttribute('aria-expanded', 'false')
    await userEvent.keyboard('{Home}')
    expect(shared).toHaveFocus()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Choose' }))
    expect(onConfirm).toHaveBeenCalledWith(expect.objectContaining({ id: support.id, name: support.name }))
  })

  it('preselects and reveals the initial folder', async () => {
    const sales = aFolder()
    const regional = aFolder({ parent: sales })
    const EMEA = aFolder({ parent: regional })
    const { dialog } = renderPicker({ initialFolderId: EMEA.id })
    const emea = await findItem(dialog, EMEA.name)
    expect(emea).toHaveAttribute('aria-selected', 'true')
    expect(
      await within(dialog).findByText(`Shared › ${sales.name} › ${regional.name} › ${EMEA.name}`),
    ).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Choose' })).toBeEnabled()
  })

  it('folders the user cannot add to are disabled with the reason; their own folder is not', async () => {
    signInAs('analyst')
    const { dialog } = renderPicker({ requireEditable: true })
    const shared = await findItem(dialog, 'Shared')
    expect(shared).toHaveAttribute('aria-disabled', 'true')
    expect(shared).toHaveAccessibleDescription(/View only/)
    await userEvent.click(within(shared).getByText('Shared'))
    expect(within(dialog).getByRole('button', { name: 'Choose' })).toBeDisabled()
    await userEvent.click(
      within(dialog).getByRole('treeitem', { name: 'Users' }).querySelector('span[aria-hidden]')!,
    )
    const ownName = personalFolder('analyst').name
    const own = await findItem(dialog, ownName)
    expect(own).not.toHaveAttribute('aria-disabled')
    await userEvent.click(within(own).getByText(ownName))
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Choose' })).toBeEnabled())
  })

  // Issue 17, defect 1: the starting folder's place in the tree arrived (slowed by retries) after the user
  // had picked another folder, and the picker preselected the starting folder over the user's choice.
  it("a late answer about the starting folder never replaces the user's choice", async () => {
    const start = aFolder()
    const finance = aFolder({ name: uniqueName('Finance') })
    sim.faults.setRules([
      { kind: 'delay', rate: 1, method: 'GET', path: `/folders/${start.id}`, delayMs: 1500 },
      { kind: 'delay', rate: 1, method: 'GET', path: `/folders/${start.id}/ancestors`, delayMs: 1500 },
    ])
    const { dialog, onConfirm } = renderPicker({ initialFolderId: start.id })
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Search folders' }), finance.name)
    await userEvent.click(await within(dialog).findByRole('option', { name: finance.name }))
    expect(await within(dialog).findByText(`Shared › ${finance.name}`)).toBeInTheDocument()
    // The starting folder's answers arrive now: its path is revealed in the tree, and nothing else.
    await userEvent.clear(within(dialog).getByRole('textbox', { name: 'Search folders' }))
    await waitFor(
      () => expect(within(dialog).getByRole('treeitem', { name: start.name })).toBeInTheDocument(),
      {
        timeout: 4000,
      },
    )
    expect(within(dialog).getByRole('treeitem', { name: start.name })).toHaveAttribute(
      'aria-selected',
      'false',
    )
    expect(within(dialog).getByText(`Shared › ${finance.name}`)).toBeInTheDocument()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Choose' }))
    expect(onConfirm).toHaveBeenCalledWith(expect.objectContaining({ id: finance.id }))
  })

  it('Cancel closes without choosing', async () => {
    const { dialog, onCancel, onConfirm } = renderPicker()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(onCancel).toHaveBeenCalled()
    expect(onConfirm).not.toHaveBeenCalled()
  })
})
