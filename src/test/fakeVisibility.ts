import type { Visibility } from '../lib/polling'

/** A page visibility the test switches by hand (`set(true)` hides the tab), for the polling loop. */
export function fakeVisibility(hidden = false) {
  const listeners = new Set<() => void>()
  const visibility: Visibility = {
    isHidden: () => hidden,
    subscribe: (l) => {
      listeners.add(l)
      return () => listeners.delete(l)
    },
  }
  const set = (next: boolean) => {
    hidden = next
    listeners.forEach((l) => l())
  }
  return { visibility, set }
}
