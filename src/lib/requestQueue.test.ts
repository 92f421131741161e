import { describe, expect, it } from 'vitest'
import { createRequestQueue } from './requestQueue'

/** A task that runs until the test says it is done. */
function deferred<T = string>() {
  let resolve!: (value: T) => void
  let reject!: (error: unknown) => void
  const promise = new Promise<T>((res, rej) => {
    resolve = res
    reject = rej
  })
  return { promise, resolve, reject }
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0))

describe('request queue', () => {
  it('runs at most its limit at once, the rest in the order they were asked', async () => {
    const queue = createRequestQueue(2)
    const tasks = Array.from({ length: 5 }, () => deferred())
    const started: number[] = []
    // Each outcome is read as it settles (a rejection nobody awaits yet would be reported as unhandled).
    const results = tasks.map((task, i) =>
      queue
        .run(() => {
          started.push(i)
          return task.promise
        })
        .then(
          (value) => ({ value }),
          (error: unknown) => ({ error }),
        ),
    )
    await tick()
    expect(started).toEqual([0, 1])
    expect([queue.active, queue.waiting]).toEqual([2, 3])
    tasks[1]!.resolve('b')
    await tick()
    expect(started).toEqual([0, 1, 2])
    tasks[0]!.reject(new Error('a failed'))
    await tick()
    expect(started).toEqual([0, 1, 2, 3])
    for (const task of tasks) task.resolve('ok')
    await tick()
    expect(started).toEqual([0, 1, 2, 3, 4])
    expect(await results[0]).toEqual({ error: new Error('a failed') })
    expect(await results[1]).toEqual({ value: 'b' })
    expect([queue.active, queue.waiting]).toEqual([0, 0])
  })

  it('a task aborted while it waits never starts and gives up its place', async () => {
    const queue = createRequestQueue(1)
    const first = deferred()
    const started: string[] = []
    void queue.run(() => {
      started.push('first')
      return first.promise
    })
    const controller = new AbortController()
    const aborted = queue.run(() => {
      started.push('aborted')
      return Promise.resolve('never')
    }, controller.signal)
    const third = queue.run(() => {
      started.push('third')
      return Promise.resolve('third')
    })
    controller.abort(new DOMException('gone', 'AbortError'))
    await expect(aborted).rejects.toThrow('gone')
    expect(queue.waiting).toBe(1)
    first.resolve('first')
    await expect(third).resolves.toBe('third')
    expect(started).toEqual(['first', 'third'])
  })

  it('a task that throws at once fails alone and frees its place', async () => {
    const queue = createRequestQueue(1)
    const broken = queue.run(() => {
      throw new Error('broken')
    })
    await expect(broken).rejects.toThrow('broken')
    await expect(queue.run(() => Promise.resolve('next'))).resolves.toBe('next')
  })
})
