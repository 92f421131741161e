import { describe, expect, it, vi } from 'vitest'
import { restartAfterStay } from './restartAfterStay'

function setUp() {
  const target = new EventTarget()
  let finishStart = () => {}
  const worker = {
    stop: vi.fn(),
    start: vi.fn(() => new Promise<void>((resolve) => (finishStart = resolve))),
  }
  const gate = restartAfterStay(worker, target)
  const fire = (type: string, init: { persisted?: boolean } = {}) =>
    target.dispatchEvent(Object.assign(new Event(type), init))
  return { worker, gate, fire, finishStart: () => finishStart() }
}

describe('restartAfterStay', () => {
  it('leaves a page that never saw beforeunload alone', async () => {
    const { worker, gate } = setUp()
    await gate.ready()
    expect(worker.stop).not.toHaveBeenCalled()
    expect(worker.start).not.toHaveBeenCalled()
  })

  it('after a beforeunload the page survived, restarts the worker once and holds requests until it runs', async () => {
    const { worker, gate, fire, finishStart } = setUp()
    fire('beforeunload')
    let sent = 0
    const first = gate.ready().then(() => sent++)
    const second = gate.ready().then(() => sent++)
    await Promise.resolve()
    expect(worker.stop).toHaveBeenCalledTimes(1)
    expect(worker.start).toHaveBeenCalledTimes(1)
    expect(sent).toBe(0)
    finishStart()
    await Promise.all([first, second])
    expect(sent).toBe(2)
    await gate.ready()
    expect(worker.start).toHaveBeenCalledTimes(1)
  })

  it('does not restart a page that is unloading, but does after a back/forward cache restore', async () => {
    const { worker, gate, fire, finishStart } = setUp()
    fire('beforeunload')
    fire('pagehide')
    await gate.ready()
    expect(worker.start).not.toHaveBeenCalled()
    fire('pageshow', { persisted: true })
    const restored = gate.ready()
    finishStart()
    await restored
    expect(worker.start).toHaveBeenCalledTimes(1)
  })

  it('tries again on the next request when the restart failed, without stopping twice', async () => {
    const { worker, gate, fire } = setUp()
    worker.start.mockRejectedValueOnce(new Error('no service worker'))
    fire('beforeunload')
    await expect(gate.ready()).rejects.toThrow('no service worker')
    worker.start.mockResolvedValueOnce(undefined)
    await gate.ready()
    expect(worker.start).toHaveBeenCalledTimes(2)
    expect(worker.stop).toHaveBeenCalledTimes(1)
  })

  it('stops listening once disposed', async () => {
    const { worker, gate, fire } = setUp()
    gate.dispose()
    fire('beforeunload')
    await gate.ready()
    expect(worker.start).not.toHaveBeenCalled()
  })
})
