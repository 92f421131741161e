import { screen } from '@testing-library/react'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { renderWithProviders } from '../test/render'
import { appRoutes } from './router'

afterEach(() => {
  vi.restoreAllMocks()
})

describe('app routes', () => {
  it(
    'a full load of a lazy page shows the shell at once and warns about nothing',
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
