import { describe, expect, it } from 'vitest'
import { createLimiter } from './limiter'

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('createLimiter', () => {
  it('runs at most `max` tasks at once, in the order they came, and never more when a slot is handed on', async () => {
    const limit = createLimiter(2)
    let running = 0
    let most = 0
    const started: number[] = []
    const finishers: (() => void)[] = []
    const task = (n: number) => () =>
      new Promise<number>((resolve) => {
        started.push(n)
        running++
        most = Math.max(most, running)
        finishers.push(() => {
          running--
          resolve(n)
        })
      })
    const results = [1, 2, 3, 4, 5].map((n) => limit(task(n)))
    await tick()
    expect(started).toEqual([1, 2])
    finishers.shift()!()
    // A newcomer arriving as a slot is handed on waits behind the queue.
    const late = limit(task(6))
    await tick()
    expect(started).toEqual([1, 2, 3])
    while (finishers.length) {
      finishers.shift()!()
      await tick()
    }
    expect(await Promise.all([...results, late])).toEqual([1, 2, 3, 4, 5, 6])
    expect(started).toEqual([1, 2, 3, 4, 5, 6])
    expect(most).toBe(2)
  })

  it('a failed task frees its slot; an aborted waiter leaves the queue without running', async () => {
    const limit = createLimiter(1)
    let release!: () => void
    const first = limit(() => new Promise<void>((_, reject) => (release = () => reject(new Error('boom')))))
    const abort = new AbortController()
    let ranAborted = false
    const aborted = limit(() => Promise.resolve(void (ranAborted = true)), abort.signal)
    const third = limit(() => Promise.resolve('third'))
    abort.abort(new Error('stopped'))
    await expect(aborted).rejects.toThrow('stopped')
    release()
    await expect(first).rejects.toThrow('boom')
    expect(await third).toBe('third')
    expect(ranAborted).toBe(false)
  })
})
