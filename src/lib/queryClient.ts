import { QueryClient } from '@tanstack/react-query'
import { isLookerApiError } from './errors'

const MAX_READ_RETRIES = 3

/** Reads retry only what may heal by itself (network loss, 5xx, 429); a 4xx answer will not change. */
export function shouldRetryRead(failureCount: number, error: unknown): boolean {
  if (failureCount >= MAX_READ_RETRIES) return false
  return isLookerApiError(error) && error.isTransient
}

/** Honour Retry-After when the server sent one; otherwise exponential backoff with jitter, capped. */
export function readRetryDelay(failureCount: number, error: unknown): number {
  if (isLookerApiError(error) && error.retryAfterMs != null) return Math.min(error.retryAfterMs, 30_000)
  const base = Math.min(500 * 2 ** failureCount, 8_000)
  return base / 2 + Math.random() * (base / 2)
}

export function createQueryClient() {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetryRead, retryDelay: readRetryDelay, refetchOnWindowFocus: false },
      // A POST that creates something must never be repeated blindly: mutations do not retry by default.
      mutations: { retry: false },
    },
  })
}
