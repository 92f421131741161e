import { screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '../test/render'
import { appRoutes, prefetchRouteCode } from './router'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('app routes', () => {
  it(
    'a full load of a lazy page shows the shell at once and warns about nothing',
    // Above the 15 s default: the lazy page's whole module graph (MUI included) is transformed by Vite on
    // its first import in this worker, which on a busy machine alone can take longer than the default.
    { timeout: 30_000 },
    async () => {
      const warn = vi.spyOn(console, 'warn')
      // jsdom has no scrolling; ScrollRestoration calls it on each location.
      vi.spyOn(window, 'scrollTo').mockImplementation(() => undefined)
      renderWithProviders(<></>, { path: '/unused', routes: appRoutes, route: '/settings' })
      // The shell is there while the page's module loads, with a loading bar where the page goes.
      expect(screen.getByRole('link', { name: 'Skip to content' })).toBeInTheDocument()
      // The page module is transformed on first import: slow on a busy machine.
      const heading = screen.findByRole('heading', { level: 1, name: 'Settings' }, { timeout: 15_000 })
      expect(await heading).toBeVisible()
      expect(warn.mock.calls.flat().join('\n')).not.toMatch(/HydrateFallback/)
    },
  )
})

describe('route code prefetch', () => {
  it('loads the lazy modules of the page at a path, and nothing for a path that has none', () => {
    const page = appRoutes[0]!.children![0]!.children!.find((route) => route.path === 'looks/:lookId/:tab?')!
    const original = page.lazy
    const lazy = vi.fn(() => new Promise<never>(() => undefined))
    page.lazy = lazy
    try {
      prefetchRouteCode('/looks/7/render')
      expect(lazy).toHaveBeenCalledTimes(1)
      prefetchRouteCode('/no/such/page')
      expect(lazy).toHaveBeenCalledTimes(1)
    } finally {
      page.lazy = original
    }
  })
})
