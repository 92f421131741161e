const PREFIX = 'lookbook.draft.'

function read<T>(key: string): T | undefined {
  try {
    const raw = sessionStorage.getItem(PREFIX + key)
    return raw === null ? undefined : (JSON.parse(raw) as T)
  } catch {
    return undefined
  }
}

/**
 * Unsaved form state that survives a reload or an OAuth sign-in round trip (sessionStorage, this tab
 * only), keyed by what is being edited (e.g. `look-edit:12`). Clear it once the edit is saved or dropped.
 */
export const drafts = {
  read: <T>(key: string) => read<T>(key),
  has: (key: string) => read(key) !== undefined,
  write: (key: string, value: unknown) => {
    try {
      sessionStorage.setItem(PREFIX + key, JSON.stringify(value))
    } catch {
      // Storage full or disabled: the edit still lives in the form, only not across a reload.
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
