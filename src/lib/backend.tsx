import { createContext, useContext, type ReactNode } from 'react'

export type DemoUserKey = 'admin' | 'analyst' | 'viewer'

export interface DemoUser {
  key: DemoUserKey
  label: string
  description: string
}

/** What demo mode adds: the simulated users to switch between, and a way to start the data afresh. */
export interface DemoControls {
  users: DemoUser[]
  currentUser: DemoUserKey
  switchUser: (key: DemoUserKey) => Promise<void>
  resetDemoData: () => Promise<void>
}

/** How the app reaches Looker. Chosen once in main.tsx before the first render. */
export interface Backend {
  mode: 'demo' | 'connected'
  /** What the connection chip shows: "Demo data" or the Looker host. */
  label: string
  /** The Looker web UI origin for "Open in Looker" links, when known. */
  lookerWebUrl: string | null
  demo: DemoControls | null
}

const BackendContext = createContext<Backend | null>(null)

export function BackendProvider({ backend, children }: { backend: Backend; children: ReactNode }) {
  return <BackendContext.Provider value={backend}>{children}</BackendContext.Provider>
}

export function useBackend(): Backend {
  const backend = useContext(BackendContext)
  if (!backend) throw new Error('useBackend() outside <BackendProvider>')
  return backend
}
