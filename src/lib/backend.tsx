import { createContext, useContext, type ReactNode } from 'react'
import type { SessionStatus } from './tokenSession'

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

/** The reason given when the user signed out on purpose (not a "your session ended" interruption). */
export const USER_SIGNED_OUT = 'You signed out of Lookbook (you may still be signed in to Looker itself).'

/** Connected mode's sign-in: through the server proxy (its API key) or OAuth (the user's own account). */
export interface AuthControls {
  kind: 'proxy' | 'oauth'
  session: { status(): SessionStatus; subscribe(listener: () => void): () => void }
  /** Proxy: ask the server to sign in again. OAuth: go to Looker's /auth and come back to `returnTo`. */
  signIn: (returnTo: string) => Promise<void>
  /** OAuth only: end the session in this tab. */
  signOut: (() => Promise<void>) | null
  /** OAuth only: finish a sign-in on /oauth/callback; resolves with the path to return to. */
  completeSignIn: ((search: string) => Promise<string>) | null
}

/** How the app reaches Looker. Chosen once in main.tsx before the first render. */
export interface Backend {
  mode: 'demo' | 'connected'
  /** What the connection chip shows: "Demo data" or the Looker host. */
  label: string
  /** The Looker web UI origin for "Open in Looker" links, when known. */
  lookerWebUrl: string | null
  demo: DemoControls | null
  /** Connected mode's session; absent in demo mode. */
  auth?: AuthControls | null
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
