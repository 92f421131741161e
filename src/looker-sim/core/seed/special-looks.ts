/**
 * Hand-written looks seeded first (ids 1…11 with the default look count) so tests and demos can rely
 * on them: wildcard characters in titles and descriptions, personal-folder looks, known trash entries,
 * favourites and a public look.
 */
export interface SpecialLook {
  title: string | ((ownerFirstName: string) => string)
  description: string | null
  /** 'Shared/…' path, or 'personal:<user id>'. */
  folder: string
  explore: string
  visType: string
  ownerId: string
  favoritedBy?: string[]
  public?: boolean
  deletedBy?: string
}

export const SPECIAL_LOOKS: SpecialLook[] = [
  {
    title: 'Conversion % by channel',
    description:
      'Share of sessions that convert, in %, split by channel. 100% would mean every session converts.',
    folder: 'Shared/Marketing/Web',
    explore: 'sessions',
    visType: 'looker_column',
    ownerId: '2',
    favoritedBy: ['1', '2', '3'],
    public: true,
  },
  {
    title: 'utm_source breakdown',
    description: 'Sessions by utm_source and utm_medium for paid campaigns.',
    folder: 'Shared/Marketing/Campaigns',
    explore: 'sessions',
    visType: 'looker_bar',
    ownerId: '2',
  },
  {
    title: 'Top 10% of customers by lifetime value',
    description: 'Customers in the top decile of lifetime revenue; the cut-off is recomputed nightly.',
    folder: 'Shared/Sales',
    explore: 'users',
    visType: 'looker_grid',
    ownerId: '1',
    favoritedBy: ['2'],
  },
  {
    title: 'mrr_by_plan (legacy export)',
    description: 'Old snake_case export kept for the finance_sync job. Do not rename.',
    folder: 'Shared/Product/Retention',
    explore: 'accounts',
    visType: 'looker_grid',
    ownerId: '1',
  },
  {
    title: 'Gross margin % — board view',
    description: 'Quarterly gross margin for the board pack.',
    folder: 'Shared/Finance/Board',
    explore: 'ledger',
    visType: 'single_value',
    ownerId: '1',
    favoritedBy: ['3'],
  },
  {
    title: "Andy's scratchpad",
    description: 'Work in progress: revenue by traffic source before the campaign review.',
    folder: 'personal:2',
    explore: 'order_items',
    visType: 'looker_column',
    ownerId: '2',
  },
  {
    title: 'Vera’s saved revenue view',
    description: null,
    folder: 'personal:3',
    explore: 'order_items',
    visType: 'looker_line',
    ownerId: '3',
  },
  {
    title: 'Ada’s ad-hoc checks',
    description: 'Sanity checks after the warehouse migration.',
    folder: 'personal:1',
    explore: 'ledger',
    visType: 'looker_grid',
    ownerId: '1',
  },
  {
    title: (first) => `${first}'s draft forecast`,
    description: 'Private draft, not yet shared with the team.',
    folder: 'personal:4',
    explore: 'ledger',
    visType: 'looker_line',
    ownerId: '4',
  },
  {
    title: 'Old pipeline snapshot (deprecated)',
    description: 'Replaced by the Pipeline dashboard.',
    folder: 'Shared/Sales/Pipeline',
    explore: 'order_items',
    visType: 'looker_column',
    ownerId: '2',
    deletedBy: '2',
  },
  {
    title: 'Q3 board pack revenue (superseded)',
    description: 'Superseded by the Q4 pack.',
    folder: 'Shared/Finance/Board',
    explore: 'ledger',
    visType: 'looker_bar',
    ownerId: '1',
    deletedBy: '1',
  },
]
