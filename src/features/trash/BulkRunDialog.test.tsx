import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import { act, render, renderHook, screen, waitFor } from '@testing-library/react'
import type { ReactNode } from 'react'
import { describe, expect, it } from 'vitest'
import { BulkRunDialog } from './BulkRunDialog'
import type { SelectedLook } from '../../api/lookLists'
import { IDEMPOTENT, sendWrite, type WriteScope } from '../../api/sendWrite'
import { useBulkLookRun, type BulkRunState, type RowState } from './useBulkLookRun'

const looks = (n: number): SelectedLook[] =>
  Array.from({ length: n }, (_, i) => ({ id: String(i + 1), title: `Look ${i + 1}` }) as SelectedLook)

function stateOf(n: number, rows: RowState[], extra: Partial<BulkRunState> = {}): BulkRunState {
  const list = looks(n)
  return {
    looks: list,
    rows: Object.fromEntries(list.map((l, i) => [l.id, rows[i] ?? { status: 'pending' }])),
    stats: { attempts: 2, rateLimited: 0, transientRetries: 0 },
    busyUntil: null,
    running: false,
    stopRequested: false,
    ...extra,
  }
}

const ok: RowState = { status: 'succeeded', label: 'Deleted' }
const stopped: RowState = { status: 'stopped', ambiguous: false }

describe('BulkRunDialog', () => {
  it('after Stop, looks never started are not counted as done, and the bar shows what was done', () => {
    const rows = [ok, ok, ...Array<RowState>(22).fill(stopped)]
    render(
      <BulkRunDialog
        title="Deleting"
        state={stateOf(24, rows, { stopRequested: true })}
        onStop={() => {}}
        onClose={() => {}}
      />,
    )
    expect(
      screen.getByText('2 of 24 done: 2 succeeded, 0 failed, 22 not started — stopped'),
    ).toBeInTheDocument()
    expect(screen.getByRole('progressbar', { name: 'Progress' })).toHaveAttribute('aria-valuenow', '8')
  })

  it('says "1 attempt" and "1 time" in the singular', () => {
    const state = stateOf(1, [ok], { stats: { attempts: 1, rateLimited: 1, transientRetries: 0 } })
    render(<BulkRunDialog title="Deleting" state={state} onStop={() => {}} onClose={() => {}} />)
    expect(
      screen.getByText('1 attempt; Looker asked us to wait 1 time; retried after errors 0 times.'),
    ).toBeInTheDocument()
  })
})

describe('useBulkLookRun', () => {
  it('counts attempts while the run is going, not only when it ends', async () => {
    const client = new QueryClient()
    const wrapper = ({ children }: { children: ReactNode }) => (
      <QueryClientProvider client={client}>{children}</QueryClientProvider>
    )
    const { result } = renderHook(() => useBulkLookRun(), { wrapper })
    let release = () => {}
    const held = new Promise<void>((resolve) => (release = resolve))
    let run: Promise<unknown> = Promise.resolve()
    act(() => {
      // Each look's action is one write (as every bulk action is), held until released.
      const heldWrite = {
        send: (_: unknown, scope: WriteScope) => sendWrite(IDEMPOTENT, () => held, scope),
        touches: () => [],
      }
      run = result.current.start(looks(3), (_look, { write }) => write(heldWrite, {}), 'Deleted')
    })
    await waitFor(() => expect(result.current.state?.stats.attempts).toBe(3))
    expect(result.current.state?.running).toBe(true)
    await act(async () => {
      release()
      await run
    })
    expect(result.current.state).toMatchObject({ running: false, stats: { attempts: 3 } })
  })
})
