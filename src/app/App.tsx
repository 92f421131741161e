import { QueryClientProvider, type QueryClient } from '@tanstack/react-query'
import { useState } from 'react'
import { RouterProvider } from 'react-router'
import { BusyNoticeHost } from '../components/BusyNotice'
import { NotifierProvider } from '../components/Notifier'
import { BackendProvider, type Backend } from '../lib/backend'
import { RoutePrefetchContext } from '../lib/routePrefetch'
import { ColorModeProvider } from '../theme/ColorModeProvider'
import { createAppRouter, prefetchRouteCode } from './router'

export function App({ backend, queryClient }: { backend: Backend; queryClient: QueryClient }) {
  const [router] = useState(createAppRouter)
  return (
    <BackendProvider backend={backend}>
      <QueryClientProvider client={queryClient}>
        <ColorModeProvider>
          <NotifierProvider>
            <RoutePrefetchContext value={prefetchRouteCode}>
              <RouterProvider router={router} />
            </RoutePrefetchContext>
            <BusyNoticeHost />
          </NotifierProvider>
        </ColorModeProvider>
      </QueryClientProvider>
    </BackendProvider>
  )
}
