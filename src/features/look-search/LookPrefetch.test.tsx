import { waitFor, within, screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { folderKeys } from '../../api/folders'
import { lookKeys } from '../../api/looks'
import { RoutePrefetchContext } from '../../lib/routePrefetch'
import { renderWithProviders } from '../../test/render'
import { sim } from '../../test/server'
import { LookSearchPage } from './LookSearchPage'

const lookIdOf = (link: HTMLElement) => link.getAttribute('href')!.split('/').pop()!

describe('pointing at a result', () => {
  it('readies its look page: the page code, the look, then its breadcrumb folders; other rows cost nothing', async () => {
    const prefetchRoute = vi.fn()
    const { queryClient } = renderWithProviders(
      <RoutePrefetchContext value={prefetchRoute}>
        <LookSearchPage />
      </RoutePrefetchContext>,
      { route: '/looks', path: '/looks' },
    )
    const links = within(await screen.findByRole('table', { name: 'Looks' })).getAllByRole('link')
    const [first, ...others] = links as [HTMLElement, ...HTMLElement[]]
    const id = lookIdOf(first)
    const folderId = sim.store.data.looks.find((look) => look.id === id)!.folder_id
    sim.requestLog.length = 0

    await userEvent.setup().hover(first)
    expect(prefetchRoute).toHaveBeenCalledWith(`/looks/${id}`)
    await waitFor(() => {
      expect(queryClient.getQueryData(lookKeys.detail(id))).toBeDefined()
      expect(queryClient.getQueryData(folderKeys.ancestors(folderId))).toBeDefined()
      expect(queryClient.getQueryData(folderKeys.detail(folderId))).toBeDefined()
    })
    const paths = sim.requestLog.map((entry) => entry.path)
    expect(paths).toEqual(
      expect.arrayContaining([`/looks/${id}`, `/folders/${folderId}/ancestors`, `/folders/${folderId}`]),
    )
    for (const other of others) expect(paths).not.toContain(`/looks/${lookIdOf(other)}`)
    expect(prefetchRoute.mock.calls.flat().filter((path) => path !== `/looks/${id}`)).toEqual([])
  })
})
