import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { LOOK_LIST_FIELDS, lookKeys } from '../../api/looks'
import { aLook, uniqueName } from '../../test/builders'
import { renderWithProviders } from '../../test/render'
import { sim } from '../../test/server'
import { LookSearchPage } from './LookSearchPage'

// Words no seeded look has: one only in TOP_CUSTOMERS' description, one only in a look in the trash.
const DESCRIPTION_ONLY_WORD = 'zebradecile'
const TRASHED_ONLY_WORD = 'quokkasuperseded'
let TOP_CUSTOMERS: string
let UTM: string
let CONVERSION: string
beforeEach(() => {
  TOP_CUSTOMERS = aLook({
    title: uniqueName('Top 10% of customers by lifetime value'),
    description: `Customers in the top ${DESCRIPTION_ONLY_WORD} of lifetime revenue.`,
  }).title
  UTM = aLook({ title: uniqueName('utm_source breakdown') }).title
  CONVERSION = aLook({ title: uniqueName('Conversion % by channel') }).title
  aLook({ title: uniqueName(`Old ${TRASHED_ONLY_WORD} pipeline`), trashedBy: { user: 'admin' } })
})

/** Watches the transport's fetch calls to /looks/search: their parameters and their AbortSignals. */
function watchSearches() {
  const spy = vi.spyOn(globalThis, 'fetch')
  return () =>
    spy.mock.calls
      .map(([input, init]) => ({
        url: new URL(input instanceof Request ? input.url : String(input)),
        signal: init?.signal ?? null,
      }))
      .filter((call) => call.url.pathname.endsWith('/looks/search'))
}

function renderPage(route = '/looks') {
  return renderWithProviders(<LookSearchPage />, {
    route,
    path: '/looks',
    routes: [{ path: '/looks/:lookId', element: <p>The look page</p> }],
  })
}

const table = () => screen.findByRole('table', { name: 'Looks' })

afterEach(() => {
  vi.restoreAllMocks()
})

describe('LookSearchPage', () => {
  it('the URL sets the search, and what the user changes goes back into the URL', async () => {
    const searches = watchSearches()
    const { router } = renderPage(`/looks?q=${DESCRIPTION_ONLY_WORD}&sort=title+asc&size=25`)
    expect(await within(await table()).findByRole('link', { name: TOP_CUSTOMERS })).toBeVisible()
    expect(screen.getByRole('searchbox', { name: 'Search looks' })).toHaveValue(DESCRIPTION_ONLY_WORD)
    // The sort menus load after the first results (decision 0012).
    expect(await screen.findByRole('combobox', { name: 'Sort by' })).toHaveTextContent('Title')
    expect(screen.getByRole('combobox', { name: 'Order' })).toHaveTextContent('A–Z')
    const sent = searches().at(-1)!.url.searchParams
    expect(Object.fromEntries(sent)).toEqual({
      title: `%${DESCRIPTION_ONLY_WORD}%`,
      description: `%${DESCRIPTION_ONLY_WORD}%`,
      filter_or: 'true',
      deleted: 'false',
      sorts: 'title asc',
      limit: '25',
      offset: '0',
      fields: LOOK_LIST_FIELDS,
    })

    const user = userEvent.setup()
    await user.click(screen.getByRole('combobox', { name: 'Sort by' }))
    await user.click(screen.getByRole('option', { name: 'Views' }))
    await waitFor(() =>
      expect(new URLSearchParams(router.state.location.search).get('sort')).toBe('view_count desc'),
    )
    expect(router.state.historyAction).toBe('PUSH')
    await waitFor(() => expect(searches().at(-1)!.url.searchParams.get('sorts')).toBe('view_count desc'))
  })

  it('pages through results with "1–50 of N" when the server gives a total', async () => {
    const { router } = renderPage('/looks')
    await table()
    const pages = screen.getByRole('navigation', { name: 'Pages' })
    expect(within(pages).getByRole('status')).toHaveTextContent(/^1–50 of [\d,]+$/)
    await userEvent.setup().click(within(pages).getByRole('button', { name: 'Next page' }))
    await waitFor(() => expect(within(pages).getByRole('status')).toHaveTextContent(/^51–100 of [\d,]+$/))
    expect(router.state.location.search).toBe('?page=2')
  })

  it('a page past the last result offers the first and the last page', async () => {
    const live = sim.store.data.looks.filter((l) => !l.deleted).length
    const last = Math.ceil(live / 50)
    const { router } = renderPage('/looks?page=999')
    expect(await screen.findByText('This page is past the last result.')).toBeInTheDocument()
    await userEvent.setup().click(screen.getByRole('button', { name: `Last page (${last})` }))
    await waitFor(() => expect(router.state.location.search).toBe(`?page=${last}`))
    expect(await within(await table()).findAllByRole('link')).toHaveLength(live - (last - 1) * 50)
  })

  it('malformed parameters fall back to defaults with a notice, and the URL is corrected in place', async () => {
    const { router } = renderPage(`/looks?q=${DESCRIPTION_ONLY_WORD}&page=abc&size=7&sort=name`)
    const notice = await screen.findByRole('alert')
    expect(notice).toHaveTextContent('invalid or unknown sort, page, page size')
    expect(router.state.location.search).toBe(`?q=${DESCRIPTION_ONLY_WORD}`)
    expect(router.state.historyAction).toBe('REPLACE')
    expect(await within(await table()).findByRole('link', { name: TOP_CUSTOMERS })).toBeVisible()

    await userEvent.setup().click(within(notice).getByRole('button', { name: 'Close' }))
    await waitFor(() => expect(screen.queryByRole('alert')).not.toBeInTheDocument())
    expect(router.state.location.search).toBe(`?q=${DESCRIPTION_ONLY_WORD}`)
  })

  it('an unknown folder falls back to all folders with a notice', async () => {
    const { router } = renderPage('/looks?folder=987654&sub=1')
    expect(await screen.findByRole('alert')).toHaveTextContent('invalid or unknown folder')
    await waitFor(() => expect(router.state.location.search).toBe(''))
    expect(await table()).toBeVisible()
  })

  it('a typed % or _ reaches Looker as a wildcard inside a contains-search, as plain words do', async () => {
    const searches = watchSearches()
    renderPage('/looks')
    await table()
    const user = userEvent.setup()
    const box = screen.getByRole('searchbox', { name: 'Search looks' })
    await user.type(box, 'utm_source{Enter}')
    await waitFor(() => expect(searches().at(-1)!.url.searchParams.get('title')).toBe('%utm_source%'))
    expect(await screen.findByRole('link', { name: UTM })).toBeVisible()

    await user.clear(box)
    await user.type(box, 'Conversion % by{Enter}')
    await waitFor(() => expect(searches().at(-1)!.url.searchParams.get('title')).toBe('%Conversion%%%by%'))
    expect(await screen.findByRole('link', { name: CONVERSION })).toBeVisible()

    await user.clear(box)
    await user.type(box, 'lifetime value{Enter}')
    await waitFor(() => expect(searches().at(-1)!.url.searchParams.get('title')).toBe('%lifetime%value%'))
    expect(searches().at(-1)!.url.searchParams.get('description')).toBe('%lifetime%value%')
  })

  it('typing sends one request per pause, and a newer search cancels the older request', async () => {
    const searches = watchSearches()
    renderPage('/looks')
    await table()
    sim.faults.setRules([{ kind: 'delay', rate: 1, path: '/looks/search', delayMs: 4000 }])
    const initial = searches().length
    const user = userEvent.setup()
    const box = screen.getByRole('searchbox', { name: 'Search looks' })
    await user.type(box, 'revenue')
    // Debounced: the seven keystrokes become one request, sent after the pause.
    await waitFor(() => expect(searches()).toHaveLength(initial + 1))
    const older = searches().at(-1)!
    expect(older.url.searchParams.get('title')).toBe('%revenue%')
    await user.type(box, ' weekly')
    await waitFor(() => expect(searches()).toHaveLength(initial + 2))
    // The first answer was still on its way (4 s): the newer search aborted it.
    expect(older.signal?.aborted).toBe(true)
    expect(searches().at(-1)!.signal?.aborted).toBe(false)
    expect(screen.getByRole('table', { name: 'Looks' })).toHaveAttribute('aria-busy', 'true')
  })

  it('a failed search says so, and Retry brings the results', async () => {
    sim.faults.setRules([{ kind: 500, rate: 1, path: '/looks/search' }])
    renderPage('/looks')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Could not search looks')
    sim.faults.setRules([])
    await userEvent.setup().click(within(alert).getByRole('button', { name: 'Retry' }))
    expect(await table()).toBeVisible()
  })

  it('hovering a row prefetches the look, arrow keys move between rows, and Enter opens one', async () => {
    const { router, queryClient } = renderPage('/looks')
    const links = within(await table()).getAllByRole('link')
    const [first, second] = links as [HTMLElement, HTMLElement]
    const user = userEvent.setup()
    await user.hover(first)
    const firstId = first.getAttribute('href')!.split('/').pop()!
    await waitFor(() => expect(queryClient.getQueryData(lookKeys.detail(firstId))).toBeDefined())

    first.focus()
    await user.keyboard('{ArrowDown}')
    expect(second).toHaveFocus()
    const secondId = second.getAttribute('href')!.split('/').pop()!
    // Focus prefetches too.
    await waitFor(() => expect(queryClient.getQueryData(lookKeys.detail(secondId))).toBeDefined())
    await user.keyboard('{ArrowUp}')
    expect(first).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(await screen.findByText('The look page')).toBeVisible()
    expect(router.state.location.pathname).toBe(`/looks/${firstId}`)
  })

  it('ArrowDown goes from the search field into the rows, and ArrowUp on the first row comes back', async () => {
    renderPage('/looks')
    const [first, second] = within(await table()).getAllByRole('link')
    const box = screen.getByRole('searchbox', { name: 'Search looks' })
    const user = userEvent.setup()
    await user.click(box)
    await user.keyboard('{ArrowDown}')
    expect(first).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(second).toHaveFocus()
    await user.keyboard('{ArrowUp}')
    expect(first).toHaveFocus()
    await user.keyboard('{ArrowUp}')
    expect(box).toHaveFocus()
  })

  it('never lists a look from the trash', async () => {
    const searches = watchSearches()
    renderPage(`/looks?q=${TRASHED_ONLY_WORD}`)
    await screen.findByRole('heading', { name: 'No looks match' })
    expect(searches().at(-1)!.url.searchParams.get('deleted')).toBe('false')
  })
})
