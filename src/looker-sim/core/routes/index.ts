import type { Route } from '../router'
import { authRoutes } from './auth'
import { dashboardRoutes } from './dashboards'
import { folderRoutes } from './folders'
import { lookRoutes } from './looks'
import { queryRoutes } from './queries'
import { userRoutes } from './users'

/** The core operations; other modules (render, query tasks) add theirs through `sim.router.add`. */
export const coreRoutes: Route[] = [
  ...authRoutes,
  ...lookRoutes,
  ...queryRoutes,
  ...folderRoutes,
  ...dashboardRoutes,
  ...userRoutes,
]
