import { render, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { NotifierProvider, useNotify, type Notice } from './Notifier'

function Sender({ notices }: { notices: Notice[] }) {
  const notify = useNotify()
  return (
    <>
      {notices.map((notice, i) => (
        <button key={i} onClick={() => notify(notice)}>
          Send {i}
        </button>
      ))}
    </>
  )
}

describe('the app notifier', () => {
  it('shows one notice at a time: a new one replaces the old', async () => {
    render(
      <NotifierProvider>
        <Sender
          notices={[
            { severity: 'success', message: 'Link copied.' },
            { severity: 'error', message: 'The export failed: Looker is down.' },
          ]}
        />
      </NotifierProvider>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Send 0' }))
    expect(await screen.findByText('Link copied.')).toBeVisible()
    await userEvent.click(screen.getByRole('button', { name: 'Send 1' }))
    expect(await screen.findByRole('alert')).toHaveTextContent('The export failed: Looker is down.')
    expect(screen.queryByText('Link copied.')).not.toBeInTheDocument()
  })

  it("a notice's action runs once and closes it", async () => {
    const undo = vi.fn()
    render(
      <NotifierProvider>
        <Sender
          notices={[
            { severity: 'info', message: 'Moved to the trash.', action: { label: 'Undo', onClick: undo } },
          ]}
        />
      </NotifierProvider>,
    )
    await userEvent.click(screen.getByRole('button', { name: 'Send 0' }))
    await userEvent.click(await screen.findByRole('button', { name: 'Undo' }))
    expect(undo).toHaveBeenCalledTimes(1)
    expect(screen.queryByText('Moved to the trash.')).not.toBeInTheDocument()
  })
})
