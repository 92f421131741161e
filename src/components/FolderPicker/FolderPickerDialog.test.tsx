import { configure, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { IFolder } from '@looker/sdk/lib/4.0/models'
import { describe, expect, it, vi } from 'vitest'
import { folderPickerSource } from '../../api/folders'
import { signInAs } from '../../test/server'
import { renderWithProviders } from '../../test/render'
import { FolderPickerDialog, type FolderPickerDialogProps } from './FolderPickerDialog'

configure({ asyncUtilTimeout: 5000 })

function renderPicker(props: Partial<FolderPickerDialogProps> = {}) {
  const onConfirm = vi.fn<(folder: IFolder) => void>()
  const onCancel = vi.fn()
  renderWithProviders(
    <FolderPickerDialog
      source={folderPickerSource}
      open
      title="Choose a folder"
      confirmLabel="Choose"
      onConfirm={onConfirm}
      onCancel={onCancel}
      {...props}
    />,
  )
  const dialog = screen.getByRole('dialog', { name: 'Choose a folder' })
  return { dialog, onConfirm, onCancel }
}

const findItem = (dialog: HTMLElement, name: string) =>
  within(dialog).findByRole('treeitem', { name }, { timeout: 5000 })

describe('the folder picker', { timeout: 30_000 }, () => {
  it('finds folders by part of their name and shows where each one is', async () => {
    const { dialog, onConfirm } = renderPicker()
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Search folders' }), 'paign')
    const option = await within(dialog).findByRole('option', { name: 'Campaigns' }, { timeout: 5000 })
    expect(await within(option).findByText('Shared › Marketing')).toBeInTheDocument()
    await userEvent.click(option)
    expect(await within(dialog).findByText('Shared › Marketing › Campaigns')).toBeInTheDocument()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Choose' }))
    expect(onConfirm).toHaveBeenCalledWith(expect.objectContaining({ id: '10', name: 'Campaigns' }))
  })

  it('says so when no folder matches', async () => {
    const { dialog } = renderPicker()
    await userEvent.type(within(dialog).getByRole('textbox', { name: 'Search folders' }), 'zzqx')
    expect(
      await within(dialog).findByText('No folder name contains “zzqx”.', {}, { timeout: 5000 }),
    ).toBeInTheDocument()
  })

  it('is usable from the keyboard: arrows browse and open the tree, Enter chooses', async () => {
    const { dialog, onConfirm } = renderPicker()
    const shared = await findItem(dialog, 'Shared')
    expect(shared).toHaveAttribute('tabindex', '0')
    shared.focus()
    await userEvent.keyboard('{ArrowRight}')
    expect(shared).toHaveAttribute('aria-expanded', 'true')
    // Children come sorted by name: Customer Success is first under Shared.
    const customerSuccess = await findItem(dialog, 'Customer Success')
    await userEvent.keyboard('{ArrowDown}')
    expect(customerSuccess).toHaveFocus()
    await userEvent.keyboard('{ArrowRight}')
    await findItem(dialog, 'Support')
    await userEvent.keyboard('{ArrowDown}{Enter}')
    expect(within(dialog).getByRole('treeitem', { name: 'Support' })).toHaveAttribute('aria-selected', 'true')
    await userEvent.keyboard('{ArrowLeft}')
    expect(customerSuccess).toHaveFocus()
    await userEvent.keyboard('{ArrowLeft}')
    expect(customerSuccess).toHaveAttribute('aria-expanded', 'false')
    await userEvent.keyboard('{Home}')
    expect(shared).toHaveFocus()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Choose' }))
    expect(onConfirm).toHaveBeenCalledWith(expect.objectContaining({ id: '22', name: 'Support' }))
  })

  it('preselects and reveals the initial folder', async () => {
    const { dialog } = renderPicker({ initialFolderId: '6' })
    const emea = await findItem(dialog, 'EMEA')
    expect(emea).toHaveAttribute('aria-selected', 'true')
    expect(await within(dialog).findByText('Shared › Sales › Regional › EMEA')).toBeInTheDocument()
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
    const own = await findItem(dialog, 'Andy Analyst')
    expect(own).not.toHaveAttribute('aria-disabled')
    await userEvent.click(within(own).getByText('Andy Analyst'))
    await waitFor(() => expect(within(dialog).getByRole('button', { name: 'Choose' })).toBeEnabled())
  })

  it('Cancel closes without choosing', async () => {
    const { dialog, onCancel, onConfirm } = renderPicker()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    expect(onCancel).toHaveBeenCalled()
    expect(onConfirm).not.toHaveBeenCalled()
  })
})
