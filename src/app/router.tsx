import LinearProgress from '@mui/material/LinearProgress'
import { createBrowserRouter, matchRoutes, Navigate, type RouteObject } from 'react-router'
import { NotFoundPage } from '../components/NotFoundPage'
import { AppShell } from './AppShell'
import { RouteError } from './RouteError'

// Pages load lazily so the entry chunk holds only the shell; each route module exports `Component`.
export const appRoutes: RouteObject[] = [
  {
    element: <AppShell />,
    errorElement: <RouteError />,
    children: [
      {
        errorElement: <RouteError />,
        // On a full load the first page's module is still on its way: the shell renders at once, with this
        // in place of the page (without it React Router renders nothing there and warns).
        hydrateFallbackElement: <LinearProgress aria-label="Loading page" />,
        children: [
          { index: true, element: <Navigate to="/looks" replace /> },
          { path: 'looks', lazy: () => import('../features/look-search/route') },
          // The look page composes several features (detail, render, data) as tabs: see LookRoute.
          { path: 'looks/:lookId/:tab?', lazy: () => import('./LookRoute') },
          { path: 'dashboards', lazy: () => import('../features/dashboards/route') },
          // The dashboard page plugs in the render feature's panel: see DashboardRoute.
          { path: 'dashboards/:dashboardId', lazy: () => import('./DashboardRoute') },
          { path: 'trash', lazy: () => import('../features/trash/route') },
          { path: 'trash/restore-backup', lazy: () => import('../features/trash/restore/route') },
          { path: 'settings', lazy: () => import('../features/connection/route') },
          // OAuth redirect_uri: finishes the sign-in (connected OAuth builds; see docs/decisions/0009).
          { path: 'oauth/callback', lazy: () => import('../features/connection/callbackRoute') },
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
]

export function createAppRouter() {
  return createBrowserRouter(appRoutes)
}

/** Loads the code of the page at `path` (its lazy route modules) before the user opens it. */
export function prefetchRouteCode(path: string) {
  for (const { route } of matchRoutes(appRoutes, path) ?? []) {
    // A failed prefetch is not an error: the navigation loads the module again and reports failures.
    if (typeof route.lazy === 'function') void Promise.resolve(route.lazy()).catch(() => undefined)
  }
}
