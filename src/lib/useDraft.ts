import { useCallback, useState } from 'react'

const PREFIX = 'lookbook.draft.'

function read<T>(key: string | null): T | undefined {
  if (!key) return undefined
  try {
    const raw = sessionStorage.getItem(PREFIX + key)
    return raw === null ? undefined : (JSON.parse(raw) as T)
  } catch {
    return undefined
  }
}

/**
 * Form state that survives a reload or an OAuth sign-in round trip (sessionStorage, this tab only):
 * use it for unsaved edits, keyed by what is being edited (e.g. `look:12`). Call `discard` once the
 * edit is saved or cancelled. `restored` says the value came back from an earlier visit.
 */
export function useDraft<T>(key: string | null, initial: T) {
  const [state, setState] = useState(() => {
    const saved = read<T>(key)
    return { key, value: saved ?? initial, restored: saved !== undefined }
  })
  // A new key (another look) starts from its own draft, or from `initial`.
  let current = state
  if (state.key !== key) {
    const saved = read<T>(key)
    current = { key, value: saved ?? initial, restored: saved !== undefined }
    setState(current)
  }
  const update = useCallback(
    (next: T | ((previous: T) => T)) => {
      setState((previous) => {
        const value = typeof next === 'function' ? (next as (p: T) => T)(previous.value) : next
        if (key) {
          try {
            sessionStorage.setItem(PREFIX + key, JSON.stringify(value))
          } catch {
            // Storage full or disabled: the draft still lives in memory.
          }
        }
        return { key, value, restored: previous.restored }
      })
    },
    [key],
  )
  const discard = useCallback(() => {
    if (key) sessionStorage.removeItem(PREFIX + key)
    setState({ key, value: initial, restored: false })
    // `initial` is the caller's starting value at the time of discarding.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key])
  return { value: current.value, setValue: update, discard, restored: current.restored }
}

/** Plain access to the same drafts, for forms that keep their own state and only need it to survive. */
export const drafts = {
  read: <T>(key: string) => read<T>(key),
  has: (key: string) => read(key) !== undefined,
  write: (key: string, value: unknown) => {
    try {
      sessionStorage.setItem(PREFIX + key, JSON.stringify(value))
    } catch {
      // Storage full or disabled: the draft still lives in memory.
    }
  },
  clear: (key: string) => {
    try {
      sessionStorage.removeItem(PREFIX + key)
    } catch {
      /* nothing stored */
    }
  },
}
