/**
 * At most `max` tasks at a time; the rest wait their turn in order. A finished task hands its slot straight
 * to the next waiter, so a newcomer can never slip in between and go over the limit. A waiter whose signal
 * aborts leaves the queue (its task never starts). Not a retry layer: a task's failure is its caller's.
 */
export function createLimiter(max: number) {
  let active = 0
  const waiting: (() => void)[] = []

  const release = () => {
    const next = waiting.shift()
    if (next) next()
    else active--
  }

  return async function limit<T>(task: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (active < max) active++
    else {
      await new Promise<void>((resolve, reject) => {
        const turn = () => {
          signal?.removeEventListener('abort', leave)
          resolve()
        }
        const leave = () => {
          const at = waiting.indexOf(turn)
          if (at >= 0) waiting.splice(at, 1)
          reject(signal?.reason as Error)
        }
        if (signal?.aborted) return leave()
        waiting.push(turn)
        signal?.addEventListener('abort', leave, { once: true })
      })
    }
    try {
      return await task()
    } finally {
      release()
    }
  }
}
