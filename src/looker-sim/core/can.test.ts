// @vitest-environment node
import { beforeEach, describe, expect, it } from 'vitest'
import type { ApiFolder, ApiLookWithQuery } from './api-types'
import { LOOK_CAN_KEYS } from './can'
import { createLookerSim, type LookerSim } from './sim'
import { clientFor, FOLDERS, LOOKS } from './test-client'

let sim: LookerSim

beforeEach(() => {
  sim = createLookerSim({ lookCount: 60 })
})

const lookCanOf = async (user: 'admin' | 'analyst' | 'viewer', id: string) => {
  const reply = await clientFor(sim, user).get<ApiLookWithQuery>(`/looks/${id}`)
  expect(reply.status).toBe(200)
  return reply.body.can
}

const folderCanOf = async (user: 'admin' | 'analyst' | 'viewer', id: string) =>
  (await clientFor(sim, user).get<ApiFolder>(`/folders/${id}`)).body.can

describe('look can maps', () => {
  it('always carry every key, false when not allowed', async () => {
    expect(Object.keys(await lookCanOf('viewer', LOOKS.top10Pct)).sort()).toEqual([...LOOK_CAN_KEYS].sort())
  })

  it('let the admin do everything with a live look except recover it', async () => {
    const can = await lookCanOf('admin', LOOKS.top10Pct)
    expect(can).toMatchObject({
      update: true,
      move: true,
      destroy: true,
      copy: true,
      render: true,
      recover: false,
    })
  })

  it('let the admin recover a soft-deleted look', async () => {
    const can = await lookCanOf('admin', LOOKS.oldPipelineDeleted)
    expect(can).toMatchObject({ recover: true, update: true, destroy: true, move: false, copy: false })
  })

  it('let the analyst edit in Sales and Marketing but only view Finance', async () => {
    expect(await lookCanOf('analyst', LOOKS.top10Pct)).toMatchObject({
      update: true,
      move: true,
      destroy: true,
    })
    expect(await lookCanOf('analyst', LOOKS.utmSource)).toMatchObject({ update: true, move: true })
    const finance = await lookCanOf('analyst', LOOKS.grossMarginBoard)
    expect(finance).toMatchObject({
      show: true,
      copy: true,
      render: true,
      update: false,
      move: false,
      destroy: false,
    })
  })

  it('let the viewer see, run and render but change nothing in Shared', async () => {
    const can = await lookCanOf('viewer', LOOKS.utmSource)
    expect(can).toMatchObject({ show: true, run: true, render: true, download: true })
    expect(can).toMatchObject({
      update: false,
      move: false,
      destroy: false,
      recover: false,
      update_publicity: false,
    })
  })

  // Looker's Viewer role lacks save_content: its own personal folder is read-only too.
  it('let the viewer change nothing, not even in their own personal folder', async () => {
    const can = await lookCanOf('viewer', LOOKS.veraSaved)
    expect(can).toMatchObject({ show: true, run: true, render: true, download: true })
    expect(can).toMatchObject({
      update: false,
      destroy: false,
      move: false,
      copy: false,
      update_publicity: false,
    })
  })
})

describe('folder can maps', () => {
  it('the Shared root is editable by the admin only', async () => {
    expect(await folderCanOf('admin', FOLDERS.shared)).toMatchObject({
      edit_content: true,
      update: false,
      destroy: false,
    })
    expect(await folderCanOf('analyst', FOLDERS.shared)).toMatchObject({ show: true, edit_content: false })
  })

  it('the analyst may edit content in Sales but not in Finance', async () => {
    expect(await folderCanOf('analyst', FOLDERS.pipeline)).toMatchObject({
      edit_content: true,
      move_content: true,
      create: true,
      see_admin_spaces: false,
    })
    expect(await folderCanOf('analyst', FOLDERS.board)).toMatchObject({
      show: true,
      edit_content: false,
      create: false,
    })
  })

  it('a personal folder holds content but cannot be renamed or deleted', async () => {
    expect(await folderCanOf('analyst', FOLDERS.andyPersonal)).toMatchObject({
      edit_content: true,
      move_content: true,
      create: true,
      update: false,
      destroy: false,
    })
  })

  it("the viewer's personal folder is view-only: no save_content", async () => {
    expect(await folderCanOf('viewer', FOLDERS.veraPersonal)).toMatchObject({
      show: true,
      edit_content: false,
      move_content: false,
      create: false,
    })
  })

  it('see_admin_spaces is for admins', async () => {
    expect((await folderCanOf('admin', FOLDERS.sales)).see_admin_spaces).toBe(true)
  })
})
