/** Minimal promise wrappers over raw IndexedDB: one database, one object store, string keys. */
export interface KeyValueStore {
  get<T>(key: string): Promise<T | undefined>
  put(key: string, value: unknown): Promise<void>
  clear(): Promise<void>
  close(): void
}

const asPromise = <T>(request: IDBRequest<T>) =>
  new Promise<T>((resolve, reject) => {
    request.onsuccess = () => resolve(request.result)
    request.onerror = () => reject(request.error ?? new Error('IndexedDB request failed'))
  })

export async function openKeyValueStore(dbName: string, storeName = 'kv'): Promise<KeyValueStore> {
  const open = indexedDB.open(dbName, 1)
  open.onupgradeneeded = () => {
    if (!open.result.objectStoreNames.contains(storeName)) open.result.createObjectStore(storeName)
  }
  const db = await asPromise(open)
  const run = <T>(mode: IDBTransactionMode, action: (store: IDBObjectStore) => IDBRequest<T>) =>
    asPromise(action(db.transaction(storeName, mode).objectStore(storeName)))
  return {
    get: async <T>(key: string) => (await run('readonly', (s) => s.get(key))) as T | undefined,
    put: async (key, value) => void (await run('readwrite', (s) => s.put(value, key))),
    clear: async () => void (await run('readwrite', (s) => s.clear())),
    close: () => db.close(),
  }
}
