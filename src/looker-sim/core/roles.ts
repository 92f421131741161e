import { notFound } from './errors'
import type { SimStore } from './store'
import type { UserRecord } from './types'
import type { Viewer } from './viewer'

/**
 * Roles as Looker's user_roles returns them (Role with its PermissionSet). Looker's built-in Admin
 * permission set is the one with `all_access: true`; the app reads that (or `administer`) to decide
 * whether the signed-in user is an admin. The ids match the seeded users' `role_ids`.
 */
export interface ApiRole {
  id: string
  name: string
  permission_set_id: string
  permission_set: {
    id: string
    name: string
    all_access: boolean
    built_in: boolean
    permissions: string[]
  }
  model_set_id: string
  model_set: { id: string; name: string; all_access: boolean; built_in: boolean; models: string[] }
  url: string
  users_url: string
}

const ALL_MODELS = { id: '1', name: 'All', all_access: true, built_in: true, models: [] as string[] }
const VIEWER_PERMISSIONS = ['access_data', 'see_looks', 'see_user_dashboards', 'see_lookml_dashboards']

const ROLES: Record<string, Omit<ApiRole, 'url' | 'users_url'>> = {
  '2': {
    id: '2',
    name: 'Admin',
    permission_set_id: '1',
    // Looker's built-in Admin set: all_access, and its permission list includes `administer`.
    permission_set: { id: '1', name: 'Admin', all_access: true, built_in: true, permissions: ['administer'] },
    model_set_id: '1',
    model_set: ALL_MODELS,
  },
  '3': {
    id: '3',
    name: 'Analyst',
    permission_set_id: '3',
    permission_set: {
      id: '3',
      name: 'Analyst',
      all_access: false,
      built_in: false,
      permissions: [
        ...VIEWER_PERMISSIONS,
        'explore',
        'save_content',
        'create_public_looks',
        'download_without_limit',
      ],
    },
    model_set_id: '1',
    model_set: ALL_MODELS,
  },
  '4': {
    id: '4',
    name: 'Viewer',
    permission_set_id: '4',
    permission_set: {
      id: '4',
      name: 'Viewer',
      all_access: false,
      built_in: false,
      permissions: VIEWER_PERMISSIONS,
    },
    model_set_id: '1',
    model_set: ALL_MODELS,
  },
}

/**
 * Whether any of the user's roles grants a permission (an `all_access` set grants all). Permissions are
 * instance-wide here: the simulator has one model set.
 */
export function hasPermission(user: Pick<UserRecord, 'role_ids'>, permission: string): boolean {
  return user.role_ids.some((id) => {
    const set = ROLES[id]?.permission_set
    return set !== undefined && (set.all_access || set.permissions.includes(permission))
  })
}

/**
 * user_roles: GET /users/{user_id}/roles. Admins may read anyone's roles and every user their own;
 * for someone else's, a non-admin gets 404 (as for anything they may not see).
 */
export function userRoles(store: SimStore, viewer: Viewer, userId: string, origin: string): ApiRole[] {
  const user = store.user(userId)
  if (!user || (!viewer.isAdmin && viewer.user.id !== user.id)) throw notFound()
  return user.role_ids.flatMap((id) => {
    const role = ROLES[id]
    if (!role) return []
    return [
      {
        ...structuredClone(role),
        url: `${origin}/api/4.0/roles/${id}`,
        users_url: `${origin}/api/4.0/roles/${id}/users`,
      },
    ]
  })
}
