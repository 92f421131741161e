import Box from '@mui/material/Box'
import LinearProgress from '@mui/material/LinearProgress'
import { Outlet, ScrollRestoration, useNavigation } from 'react-router'
import { SessionGate } from '../features/connection/SessionGate'
import { TopBar } from './TopBar'

export function AppShell() {
  const navigation = useNavigation()
  return (
    <Box sx={{ minHeight: '100vh', display: 'flex', flexDirection: 'column' }}>
      {/* A new page opens at the top and Back/Forward return to where the user was. Changes that only
          rewrite a page's own URL state (typing, filters, settings) pass preventScrollReset. */}
      <ScrollRestoration />
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <TopBar />
      <Box sx={{ height: 4 }}>
        {navigation.state === 'loading' && <LinearProgress aria-label="Loading page" />}
      </Box>
      <Box component="main" id="main" tabIndex={-1} sx={{ flex: 1, outline: 'none' }}>
        <SessionGate>
          <Outlet />
        </SessionGate>
      </Box>
    </Box>
  )
}
