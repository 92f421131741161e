import { act, render, screen } from '@testing-library/react'
import { beforeEach, describe, expect, it, vi } from 'vitest'

// The latch is once per page load, so each test gets a fresh copy of the modules.
beforeEach(() => {
  vi.resetModules()
})

describe('code that waits for the main content', () => {
  it('stays out until the page says its content is shown, then comes the frame after', async () => {
    const { markContentShown, useAfterContentShown } = await import('./contentShown')
    function Probe() {
      return <p>{useAfterContentShown(60_000) ? 'ready' : 'waiting'}</p>
    }
    render(<Probe />)
    await act(() => new Promise((resolve) => setTimeout(resolve, 50)))
    expect(screen.getByText('waiting')).toBeInTheDocument()
    act(() => markContentShown())
    expect(await screen.findByText('ready')).toBeInTheDocument()
  })

  it('comes anyway when a page never says so', async () => {
    const { useAfterContentShown } = await import('./contentShown')
    function Probe() {
      return <p>{useAfterContentShown(100) ? 'ready' : 'waiting'}</p>
    }
    render(<Probe />)
    expect(screen.getByText('waiting')).toBeInTheDocument()
    expect(await screen.findByText('ready')).toBeInTheDocument()
  })
})
