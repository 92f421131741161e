/**
 * At most `limit` tasks at a time, the rest waiting in order (first asked, first sent). Thumbnails of a
 * page of 50 rows go through one of these, so they never crowd out the requests the user is waiting for
 * (the browser allows only about six connections per host over HTTP/1.1). A task whose signal aborts while
 * it waits is dropped without ever starting; one already running is the caller's to abort.
 */
export interface RequestQueue {
  run<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T>
  /** Tasks running now (never more than the limit). */
  readonly active: number
  /** Tasks waiting for a free place. */
  readonly waiting: number
}

/** Why a waiting task was dropped: the signal's own reason (an AbortError, as fetch would reject with). */
const abortReason = (signal: AbortSignal | undefined): Error => {
  const reason: unknown = signal?.reason
  return reason instanceof Error || reason instanceof DOMException
    ? reason
    : new DOMException('The request was aborted', 'AbortError')
}

interface Waiting {
  start: () => void
}

export function createRequestQueue(limit: number): RequestQueue {
  if (!Number.isInteger(limit) || limit < 1)
    throw new RangeError(`A queue needs a limit of 1 or more, not ${limit}`)
  let active = 0
  const queue: Waiting[] = []

  const next = () => {
    while (active < limit && queue.length > 0) queue.shift()!.start()
  }

  return {
    get active() {
      return active
    },
    get waiting() {
      return queue.length
    },
    run<T>(task: () => Promise<T>, signal?: AbortSignal) {
      return new Promise<T>((resolve, reject) => {
        if (signal?.aborted) return reject(abortReason(signal))
        const onAbort = () => {
          const at = queue.indexOf(entry)
          if (at >= 0) queue.splice(at, 1)
          reject(abortReason(signal))
        }
        const entry: Waiting = {
          start: () => {
            signal?.removeEventListener('abort', onAbort)
            active++
            // A task that throws at once fails its own promise and still frees its place.
            Promise.resolve()
              .then(task)
              .then(resolve, reject)
              .finally(() => {
                active--
                next()
              })
          },
        }
        signal?.addEventListener('abort', onAbort, { once: true })
        queue.push(entry)
        next()
      })
    },
  }
}
