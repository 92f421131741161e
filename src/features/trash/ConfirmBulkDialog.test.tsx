import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { ConfirmBulkDialog } from './ConfirmBulkDialog'
import { SelectionBar } from './SelectionBar'
import type { SelectedLook } from '../../api/lookLists'

const looks = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: String(i + 1), title: `Look ${i + 1}` }) as SelectedLook)

describe('ConfirmBulkDialog', () => {
  it('speaks of one look in the singular', () => {
    const { unmount } = render(
      <ConfirmBulkDialog looks={looks(1)} kind="trash" onCancel={vi.fn()} onConfirm={vi.fn()} />,
    )
    expect(screen.getByText(/^This look leaves its folder and can be restored/)).toBeInTheDocument()
    unmount()
    render(<ConfirmBulkDialog looks={looks(1)} kind="restore" onCancel={vi.fn()} onConfirm={vi.fn()} />)
    expect(screen.getByText(/^This look goes back to its folder/)).toBeInTheDocument()
  })

  it('Enter in the typed confirmation confirms with the right number and explains a wrong or missing one', async () => {
    const onConfirm = vi.fn()
    render(<ConfirmBulkDialog looks={looks(2)} kind="delete" onCancel={vi.fn()} onConfirm={onConfirm} />)
    const field = screen.getByRole('textbox', { name: 'Type 2 to confirm' })
    await userEvent.type(field, '{Enter}')
    expect(field).toHaveAccessibleDescription('Type 2 to confirm.')
    await userEvent.type(field, '3{Enter}')
    expect(field).toHaveAccessibleDescription('That is not 2.')
    expect(onConfirm).not.toHaveBeenCalled()
    await userEvent.clear(field)
    await userEvent.type(field, '2{Enter}')
    expect(onConfirm).toHaveBeenCalledTimes(1)
  })
})

describe('SelectionBar', () => {
  it('offers and reports a single matching look in the singular', () => {
    const props = {
      allMatching: false,
      onSelectAllMatching: vi.fn(),
      loadingAll: null,
      loadAllError: null,
      onClear: vi.fn(),
    }
    const { rerender } = render(
      <SelectionBar {...props} count={0} matching={1}>
        {null}
      </SelectionBar>,
    )
    expect(screen.getByRole('button', { name: 'Select the 1 look that matches' })).toBeInTheDocument()
    rerender(
      <SelectionBar {...props} count={1} matching={1} allMatching>
        {null}
      </SelectionBar>,
    )
    expect(screen.getByText('The 1 look that matches is selected')).toBeInTheDocument()
  })
})
