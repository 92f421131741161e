/**
 * Runs msw's `worker.start()` with failures of service worker registration updates caught.
 *
 * msw (2.15, getWorkerInstance) calls `registration.update()` on an existing registration and never handles
 * the promise. After quick full-page loads that registration's worker may be unregistering itself (its last
 * page has gone), and Chromium rejects the update ("… mockServiceWorker.js: Not found"): an uncaught page
 * error (issue 17, defect 5). The update is only a refresh of a worker that keeps answering, so its failure is
 * noted as a warning. The patch lives only while `start` runs: msw asks for the update before it resolves.
 */
export async function withWorkerUpdateFailuresCaught<T>(start: () => Promise<T>): Promise<T> {
  const proto = globalThis.ServiceWorkerRegistration?.prototype
  const update = proto && Object.getOwnPropertyDescriptor(proto, 'update')
  const original = update?.value as ServiceWorkerRegistration['update'] | undefined
  if (!proto || !update || !original) return start()
  proto.update = function updateCaught(this: ServiceWorkerRegistration) {
    return original.call(this).catch((error: unknown) => {
      console.warn('looker-sim: refreshing the demo worker failed; the current one keeps answering', error)
      return this
    })
  }
  try {
    return await start()
  } finally {
    Object.defineProperty(proto, 'update', update)
  }
}
