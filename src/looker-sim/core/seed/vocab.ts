/** LookML-ish vocabulary per model and explore, used to build realistic queries, titles and descriptions. */

export interface FieldDef {
  name: string
  label: string
  /** Time dimensions suit line/area charts and make good default sorts. */
  time?: boolean
}

export interface ExploreDef {
  model: string
  modelLabel: string
  explore: string
  exploreLabel: string
  dimensions: FieldDef[]
  measures: FieldDef[]
  /** Filter fields with plausible values. */
  filters: [string, string[]][]
}

const t = (name: string, label: string): FieldDef => ({ name, label, time: true })
const f = (name: string, label: string): FieldDef => ({ name, label })

export const EXPLORES: ExploreDef[] = [
  {
    model: 'ecommerce',
    modelLabel: 'E-commerce',
    explore: 'order_items',
    exploreLabel: 'Order Items',
    dimensions: [
      t('order_items.created_date', 'Day'),
      t('order_items.created_week', 'Week'),
      t('order_items.created_month', 'Month'),
      f('order_items.status', 'Order Status'),
      f('products.category', 'Product Category'),
      f('products.brand', 'Brand'),
      f('users.state', 'State'),
      f('users.country', 'Country'),
      f('users.traffic_source', 'Traffic Source'),
      f('distribution_centers.name', 'Distribution Center'),
    ],
    measures: [
      f('order_items.total_sale_price', 'Revenue'),
      f('order_items.order_count', 'Orders'),
      f('order_items.average_sale_price', 'Average Order Value'),
      f('order_items.total_gross_margin', 'Gross Margin'),
      f('order_items.returned_count', 'Returns'),
      f('users.count', 'Customers'),
      f('order_items.count', 'Items Sold'),
    ],
    filters: [
      ['order_items.created_date', ['7 days', '30 days', '90 days', 'this year', '12 months']],
      ['order_items.status', ['Complete', '-Cancelled', 'Shipped,Complete']],
      ['users.country', ['USA', 'UK,Germany,France', 'Brazil']],
    ],
  },
  {
    model: 'ecommerce',
    modelLabel: 'E-commerce',
    explore: 'users',
    exploreLabel: 'Users',
    dimensions: [
      t('users.created_month', 'Signup Month'),
      f('users.age_tier', 'Age Tier'),
      f('users.gender', 'Gender'),
      f('users.country', 'Country'),
      f('users.traffic_source', 'Traffic Source'),
      f('users.city', 'City'),
    ],
    measures: [
      f('users.count', 'Customers'),
      f('user_order_facts.average_lifetime_revenue', 'Lifetime Value'),
      f('user_order_facts.repeat_customer_count', 'Repeat Customers'),
      f('user_order_facts.average_lifetime_orders', 'Orders per Customer'),
    ],
    filters: [
      ['users.created_date', ['30 days', '6 months', 'this year']],
      ['users.country', ['USA', 'Canada,USA', 'Japan']],
    ],
  },
  {
    model: 'ecommerce',
    modelLabel: 'E-commerce',
    explore: 'inventory_items',
    exploreLabel: 'Inventory Items',
    dimensions: [
      t('inventory_items.created_month', 'Received Month'),
      f('products.category', 'Product Category'),
      f('products.department', 'Department'),
      f('distribution_centers.name', 'Distribution Center'),
      f('inventory_items.is_sold', 'Sold'),
    ],
    measures: [
      f('inventory_items.count', 'Inventory Units'),
      f('inventory_items.total_cost', 'Inventory Cost'),
      f('inventory_items.stock_on_hand', 'Stock on Hand'),
      f('inventory_items.average_days_in_inventory', 'Days in Inventory'),
    ],
    filters: [
      ['inventory_items.created_date', ['90 days', 'this quarter', '12 months']],
      ['distribution_centers.name', ['Chicago IL', 'Memphis TN,Houston TX']],
    ],
  },
  {
    model: 'marketing',
    modelLabel: 'Marketing',
    explore: 'sessions',
    exploreLabel: 'Web Sessions',
    dimensions: [
      t('sessions.start_date', 'Day'),
      t('sessions.start_week', 'Week'),
      f('sessions.utm_source', 'utm_source'),
      f('sessions.utm_medium', 'utm_medium'),
      f('sessions.channel', 'Channel'),
      f('sessions.device_type', 'Device'),
      f('sessions.landing_page', 'Landing Page'),
    ],
    measures: [
      f('sessions.count', 'Sessions'),
      f('sessions.conversion_rate', 'Conversion Rate'),
      f('sessions.bounce_rate', 'Bounce Rate'),
      f('sessions.average_duration', 'Session Duration'),
      f('sessions.unique_visitors', 'Unique Visitors'),
    ],
    filters: [
      ['sessions.start_date', ['7 days', '28 days', '90 days']],
      ['sessions.device_type', ['mobile', 'desktop,tablet']],
    ],
  },
  {
    model: 'marketing',
    modelLabel: 'Marketing',
    explore: 'campaigns',
    exploreLabel: 'Campaigns',
    dimensions: [
      f('campaigns.name', 'Campaign'),
      f('campaigns.channel', 'Channel'),
      t('campaigns.start_month', 'Launch Month'),
      f('campaigns.region', 'Region'),
    ],
    measures: [
      f('campaigns.total_spend', 'Spend'),
      f('campaigns.cost_per_acquisition', 'Cost per Acquisition'),
      f('campaigns.roas', 'ROAS'),
      f('campaigns.impressions', 'Impressions'),
      f('campaigns.click_through_rate', 'Click-through Rate'),
    ],
    filters: [
      ['campaigns.start_date', ['this quarter', 'last quarter', 'this year']],
      ['campaigns.channel', ['Paid Search', 'Social,Display']],
    ],
  },
  {
    model: 'finance',
    modelLabel: 'Finance',
    explore: 'ledger',
    exploreLabel: 'General Ledger',
    dimensions: [
      t('ledger.posted_month', 'Month'),
      t('ledger.posted_quarter', 'Quarter'),
      f('ledger.account_type', 'Account Type'),
      f('ledger.cost_center', 'Cost Center'),
      f('ledger.region', 'Region'),
    ],
    measures: [
      f('ledger.total_revenue', 'Revenue'),
      f('ledger.total_expense', 'Operating Expense'),
      f('ledger.net_income', 'Net Income'),
      f('ledger.gross_margin_pct', 'Gross Margin'),
      f('ledger.operating_cash_flow', 'Operating Cash Flow'),
    ],
    filters: [
      ['ledger.posted_date', ['this fiscal year', 'last fiscal year', '4 fiscal quarters']],
      ['ledger.region', ['EMEA', 'Americas,APAC']],
    ],
  },
  {
    model: 'finance',
    modelLabel: 'Finance',
    explore: 'invoices',
    exploreLabel: 'Invoices',
    dimensions: [
      t('invoices.issued_month', 'Issue Month'),
      f('invoices.status', 'Invoice Status'),
      f('invoices.customer_segment', 'Customer Segment'),
      f('invoices.payment_terms', 'Payment Terms'),
    ],
    measures: [
      f('invoices.total_amount', 'Billings'),
      f('invoices.outstanding_amount', 'Accounts Receivable'),
      f('invoices.days_sales_outstanding', 'DSO'),
      f('invoices.count', 'Invoices'),
    ],
    filters: [
      ['invoices.issued_date', ['this quarter', '6 months', 'this fiscal year']],
      ['invoices.status', ['open', 'overdue', 'paid']],
    ],
  },
  {
    model: 'product',
    modelLabel: 'Product Analytics',
    explore: 'events',
    exploreLabel: 'Events',
    dimensions: [
      t('events.event_date', 'Day'),
      t('events.event_week', 'Week'),
      f('events.event_type', 'Event Type'),
      f('events.platform', 'Platform'),
      f('events.feature', 'Feature'),
      f('events.app_version', 'App Version'),
    ],
    measures: [
      f('events.count', 'Events'),
      f('events.daily_active_users', 'Daily Active Users'),
      f('events.weekly_active_users', 'Weekly Active Users'),
      f('events.sessions_per_user', 'Sessions per User'),
      f('events.feature_adoption_rate', 'Feature Adoption'),
    ],
    filters: [
      ['events.event_date', ['7 days', '30 days', '90 days']],
      ['events.platform', ['iOS', 'Android,iOS', 'Web']],
    ],
  },
  {
    model: 'product',
    modelLabel: 'Product Analytics',
    explore: 'accounts',
    exploreLabel: 'Accounts',
    dimensions: [
      t('accounts.signup_month', 'Signup Month'),
      f('accounts.plan', 'Plan'),
      f('accounts.industry', 'Industry'),
      f('accounts.company_size', 'Company Size'),
      f('accounts.region', 'Region'),
    ],
    measures: [
      f('accounts.count', 'Accounts'),
      f('accounts.activation_rate', 'Activation Rate'),
      f('accounts.retention_rate_90d', '90-day Retention'),
      f('accounts.churned_count', 'Churned Accounts'),
      f('accounts.mrr', 'MRR'),
      f('accounts.net_revenue_retention', 'Net Revenue Retention'),
    ],
    filters: [
      ['accounts.signup_date', ['this year', '12 months', 'last quarter']],
      ['accounts.plan', ['Enterprise', 'Pro,Team', '-Free']],
    ],
  },
]

export const TITLE_SUFFIXES = [
  '',
  '',
  '',
  ' (weekly)',
  ' — last 30 days',
  ' — last 90 days',
  ' YoY',
  ' — trailing 12 months',
  ': top 20',
  ' this quarter',
  ' vs. target',
  ' (draft)',
  ' — exec view',
  ' (v2)',
  ' MTD',
  ' — pacing',
  ' QoQ',
]

/** Audience or segment qualifiers; they multiply title variety so large seeds rarely need numbering. */
export const TITLE_PREFIXES = [
  '',
  '',
  '',
  '',
  'EMEA ',
  'US ',
  'APAC ',
  'Enterprise ',
  'SMB ',
  'New-customer ',
  'Mobile ',
  'Online ',
  'Wholesale ',
  'Partner ',
]

export const DESCRIPTION_LEADS = ['Shows', 'Tracks', 'Breaks down', 'Compares', 'Monitors', 'Summarises']

export const DESCRIPTION_TAILS = [
  'Used in the weekly business review.',
  'Numbers are in USD and exclude tax.',
  'Refreshed every morning at 06:00 UTC.',
  'Ask #data-help before changing the filters.',
  'Excludes internal and test accounts.',
  'Source of truth for the monthly board deck.',
  'Figures before 2025 come from the legacy warehouse.',
  'Filters default to the last complete period.',
  '',
  '',
]

export const VIS_TYPES_FOR_TIME = [
  'looker_line',
  'looker_area',
  'looker_column',
  'looker_line',
  'looker_grid',
]
export const VIS_TYPES_FOR_CATEGORY = [
  'looker_bar',
  'looker_column',
  'looker_pie',
  'looker_grid',
  'looker_grid',
]
export const TIMEZONES = ['America/Los_Angeles', 'America/New_York', 'Europe/London', 'UTC', null]
