import { describe, expect, it } from 'vitest'
import { demoUser } from '../test/builders'
import { signInAs } from '../test/server'
import { fetchAdminStatus, roleGrantsAdmin } from './admin'

describe('is the signed-in user an admin?', () => {
  it('the admin demo user is, through a role whose permission set has all_access', async () => {
    await expect(fetchAdminStatus()).resolves.toEqual({
      isAdmin: true,
      userId: demoUser('admin').id,
      displayName: 'Ada Admin',
    })
  })

  it.each([
    ['analyst', 'Andy Analyst'],
    ['viewer', 'Vera Viewer'],
  ] as const)('the %s is not', async (user, name) => {
    signInAs(user)
    await expect(fetchAdminStatus()).resolves.toMatchObject({ isAdmin: false, displayName: name })
  })

  it('a role grants admin by all_access or by the administer permission, nothing else', () => {
    expect(roleGrantsAdmin({ permission_set: { all_access: true } })).toBe(true)
    expect(
      roleGrantsAdmin({ permission_set: { all_access: false, permissions: ['see_looks', 'administer'] } }),
    ).toBe(true)
    expect(
      roleGrantsAdmin({ permission_set: { all_access: false, permissions: ['see_looks', 'save_content'] } }),
    ).toBe(false)
    expect(roleGrantsAdmin({})).toBe(false)
  })
})
