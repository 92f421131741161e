import type { IRole } from '@looker/sdk/lib/4.0/models'
import { queryOptions, useQuery } from '@tanstack/react-query'
import { hasStatus } from '../lib/errors'
import { http, seg } from '../lib/http'
import { me, userKeys } from './users'

/**
 * Is the signed-in user a Looker admin? The API has no "is admin" flag (`is_iam_admin` is a Google Cloud
 * IAM notion, not Looker's Admin role). Looker's Admin role is the one whose permission set has
 * `all_access` (the built-in "Admin" set), and only a holder of `administer` may run the admin pages; so:
 * `me` → `user_roles` for that id → any role whose permission set has `all_access` or `administer`.
 * Roles a user gets through groups count too (we do not pass `direct_association_only`).
 */

export const ROLE_FIELDS = 'id,name,permission_set(id,name,all_access,permissions)'

/** user_roles: GET /users/{user_id}/roles. */
export function userRoles(userId: string, signal?: AbortSignal, fields = ROLE_FIELDS): Promise<IRole[]> {
  return http.get<IRole[]>(`/users/${seg(userId)}/roles`, { query: { fields }, signal })
}

export function roleGrantsAdmin(role: IRole): boolean {
  const set = role.permission_set
  return set?.all_access === true || (set?.permissions ?? []).includes('administer')
}

export interface AdminStatus {
  isAdmin: boolean
  userId: string | null
  displayName: string | null
}

/**
 * A 403 or 404 on the roles call means the caller may not read roles, which an admin always may: that is
 * a "no", not an error. Anything else (network, 5xx) is a real error and is shown with Retry.
 */
export async function fetchAdminStatus(signal?: AbortSignal): Promise<AdminStatus> {
  const user = await me(signal, 'id,display_name,role_ids')
  const userId = user.id ?? null
  const displayName = user.display_name ?? null
  if (!userId) return { isAdmin: false, userId, displayName }
  try {
    const roles = await userRoles(userId, signal)
    return { isAdmin: roles.some(roleGrantsAdmin), userId, displayName }
  } catch (e) {
    if (hasStatus(e, 403, 404)) {
      return { isAdmin: false, userId, displayName }
    }
    throw e
  }
}

export const adminKeys = {
  // Under the users key: whatever clears "who am I" clears "am I an admin".
  status: () => [...userKeys.all, 'admin-status'] as const,
}

export const adminQueries = {
  status: () =>
    queryOptions({
      queryKey: adminKeys.status(),
      queryFn: ({ signal }) => fetchAdminStatus(signal),
      staleTime: 5 * 60_000,
    }),
}

/**
 * The admin check for navigation and the admin pages. `enabled: false` while signed out: a component
 * that stays mounted (the top bar) must not refetch with no session and turn "signed out" into "session ended".
 */
export function useAdminStatus({ enabled = true }: { enabled?: boolean } = {}) {
  return useQuery({ ...adminQueries.status(), enabled })
}
