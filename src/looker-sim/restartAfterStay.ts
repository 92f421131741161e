/** The part of msw's SetupWorker this needs; `start` is bound to the demo's start options. */
export interface RestartableWorker {
  stop(): void
  start(): Promise<unknown>
}

export interface WorkerGate {
  /** Resolves when the service worker serves this page; every API request waits for it. */
  ready(): Promise<void>
  dispose(): void
}

/**
 * msw (2.15, ServiceWorkerSource) tells its service worker on every `beforeunload` that this page is gone,
 * and stops its keep-alive; the service worker then passes this page's requests to the network (the static
 * server answers 404) and unregisters itself when no other tab uses it. But beforeunload is not unload:
 * after "Stay" in the unsaved-changes prompt the page lives on. So once a beforeunload has not been followed
 * by pagehide, the next request first restarts the worker (stop + start through msw's own API: register,
 * activate mocking for this page, keep-alive), and requests wait for it rather than reach the network.
 * Restarting lazily, not on a timer, keeps a page that really is unloading from re-registering the worker.
 */
export function restartAfterStay(worker: RestartableWorker, target: EventTarget = window): WorkerGate {
  let closedByMsw = false
  let leaving = false
  let running = true
  let restarting: Promise<void> | null = null
  const controller = new AbortController()
  const { signal } = controller
  target.addEventListener('beforeunload', () => (closedByMsw = true), { signal })
  target.addEventListener('pagehide', () => (leaving = true), { signal })
  // Back from the back/forward cache: alive again, and msw closed this page on the way out.
  target.addEventListener('pageshow', (event) => (leaving = !(event as PageTransitionEvent).persisted), {
    signal,
  })

  const restart = async () => {
    if (running) worker.stop()
    running = false
    await worker.start()
    running = true
  }

  return {
    ready() {
      if (restarting) return restarting
      if (!closedByMsw || leaving) return Promise.resolve()
      closedByMsw = false
      restarting = restart()
        .catch((error: unknown) => {
          closedByMsw = true // the next request tries again
          throw error
        })
        .finally(() => (restarting = null))
      return restarting
    },
    dispose: () => controller.abort(),
  }
}
