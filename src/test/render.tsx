import { render, type RenderOptions } from '@testing-library/react'
import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { ReactElement, ReactNode } from 'react'
import { createMemoryRouter, RouterProvider, type RouteObject } from 'react-router'
import { BusyNoticeHost } from '../components/BusyNotice'
import { NotifierProvider } from '../components/Notifier'
import { BackendProvider, type Backend } from '../lib/backend'
import { ColorModeProvider } from '../theme/ColorModeProvider'

export function createTestQueryClient() {
  return new QueryClient({
    defaultOptions: { queries: { retry: false, gcTime: Infinity }, mutations: { retry: false } },
  })
}

export const testBackend: Backend = { mode: 'demo', label: 'Demo data', lookerWebUrl: null, demo: null }

interface Options extends Omit<RenderOptions, 'wrapper'> {
  /** The URL to start at; the UI is mounted at `path` (default '*'). */
  route?: string
  path?: string
  /** Extra routes beside the one under test (e.g. the page a link navigates to). */
  routes?: RouteObject[]
  queryClient?: QueryClient
  backend?: Backend
}

function Providers({
  children,
  queryClient,
  backend,
}: {
  children: ReactNode
  queryClient: QueryClient
  backend: Backend
}) {
  return (
    <BackendProvider backend={backend}>
      <QueryClientProvider client={queryClient}>
        <ColorModeProvider>
          <NotifierProvider>
            {children}
            <BusyNoticeHost />
          </NotifierProvider>
        </ColorModeProvider>
      </QueryClientProvider>
    </BackendProvider>
  )
}

/** Renders `ui` inside the app's providers and a memory router; returns the router to inspect the URL. */
export function renderWithProviders(ui: ReactElement, options: Options = {}) {
  const {
    route = '/',
    path = '*',
    routes = [],
    queryClient = createTestQueryClient(),
    backend = testBackend,
    ...rest
  } = options
  const router = createMemoryRouter([{ path, element: ui }, ...routes], { initialEntries: [route] })
  const result = render(
    <Providers queryClient={queryClient} backend={backend}>
      <RouterProvider router={router} />
    </Providers>,
    rest,
  )
  return { ...result, router, queryClient }
}
