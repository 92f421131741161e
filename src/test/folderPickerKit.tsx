import type { IFolder } from '@looker/sdk/lib/4.0/models'
import { screen } from '@testing-library/react'
import { vi } from 'vitest'
import { folderPickerSource } from '../api/folders'
import { FolderPickerDialog, type FolderPickerDialogProps } from '../components/FolderPicker'
import { renderWithProviders } from './render'

/**
 * The shared folder picker, open, fed by the app's folder hooks (api/folders.ts) over the simulator, as
 * the features wire it. Returns the dialog and its two callbacks.
 */
export function renderFolderPicker(props: Partial<FolderPickerDialogProps> = {}) {
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
