export { DashboardsPage as Component } from './DashboardsPage'
