import type { RoleName } from '../types'

/**
 * The Shared tree. `access` grants apply to the folder and everything below it; the Shared root grants
 * view to everyone, and the Sales and Marketing trees let analysts edit. `explores` says which explores
 * the looks in that tree draw from, so titles fit the folder.
 */
export interface FolderSpec {
  name: string
  access?: Partial<Record<RoleName, 'view' | 'edit'>>
  explores?: string[]
  children?: FolderSpec[]
}

export const SHARED_TREE: FolderSpec[] = [
  {
    name: 'Sales',
    access: { analyst: 'edit' },
    explores: ['order_items', 'users', 'invoices'],
    children: [
      { name: 'Pipeline' },
      {
        name: 'Regional',
        children: [{ name: 'EMEA' }, { name: 'Americas' }, { name: 'APAC' }],
      },
    ],
  },
  {
    name: 'Marketing',
    access: { analyst: 'edit' },
    explores: ['sessions', 'campaigns', 'users'],
    children: [{ name: 'Campaigns' }, { name: 'Web' }, { name: 'Brand' }],
  },
  {
    name: 'Finance',
    explores: ['ledger', 'invoices'],
    children: [{ name: 'Board' }, { name: 'Forecasts' }],
  },
  {
    name: 'Product',
    explores: ['events', 'accounts'],
    children: [{ name: 'Activation' }, { name: 'Retention' }],
  },
  {
    name: 'Operations',
    explores: ['inventory_items', 'order_items'],
    children: [{ name: 'Supply Chain' }],
  },
  {
    name: 'Customer Success',
    explores: ['accounts', 'events', 'invoices'],
    children: [{ name: 'Support' }],
  },
  { name: 'Executive', explores: ['ledger', 'order_items', 'accounts', 'sessions'] },
]

export const SHARED_ROOT_ACCESS: Partial<Record<RoleName, 'view' | 'edit'>> = {
  analyst: 'view',
  viewer: 'view',
}
