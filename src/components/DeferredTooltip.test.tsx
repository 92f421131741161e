import { act, render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { expect, it, vi } from 'vitest'

it('a deferred tooltip shows on hover once loaded, and the focused child keeps the focus', async () => {
  const { markContentShown } = await import('../lib/contentShown')
  const { DeferredTooltip } = await import('./DeferredTooltip')
  render(
    <DeferredTooltip title="Switch to dark mode">
      <button type="button" aria-label="Theme">
        ◐
      </button>
    </DeferredTooltip>,
  )
  screen.getByRole('button', { name: 'Theme' }).focus()
  act(() => markContentShown())
  // Loaded: the button is mounted anew inside MUI's Tooltip and still has the focus.
  await vi.waitFor(() =>
    expect(screen.getByRole('button', { name: 'Theme' })).toHaveAttribute('data-mui-internal-clone-element'),
  )
  expect(screen.getByRole('button', { name: 'Theme' })).toHaveFocus()
  await userEvent.hover(screen.getByRole('button', { name: 'Theme' }))
  expect(await screen.findByRole('tooltip')).toHaveTextContent('Switch to dark mode')
})
