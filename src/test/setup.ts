import '@testing-library/jest-dom/vitest'
import 'fake-indexeddb/auto'
import { cleanup } from '@testing-library/react'
import { afterAll, afterEach, beforeAll, beforeEach } from 'vitest'
import { resetTaskSettings, server, signInAs, sim } from './server'

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }))
beforeEach(() => {
  sim.reset()
  resetTaskSettings()
  sim.faults.setRules([])
  sim.requestLog.length = 0
  signInAs('admin')
})
afterEach(() => {
  cleanup()
  // Drafts and preferences must not leak from one test into the next (node-environment files have no storage).
  if (typeof sessionStorage !== 'undefined') sessionStorage.clear()
  if (typeof localStorage !== 'undefined') localStorage.clear()
  server.resetHandlers()
})
afterAll(() => server.close())
