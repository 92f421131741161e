import DarkModeIcon from '@mui/icons-material/DarkMode'
import LightModeIcon from '@mui/icons-material/LightMode'
import AppBar from '@mui/material/AppBar'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import IconButton from '@mui/material/IconButton'
import Toolbar from '@mui/material/Toolbar'
import Typography from '@mui/material/Typography'
import { lazy } from 'react'
import { NavLink, Link as RouterLink } from 'react-router'
import { useAdminStatus } from '../api/admin'
import { useSessionStatus } from '../features/connection/useSessionStatus'
import { AfterContent } from '../components/AfterContent'
import { DeferredTooltip } from '../components/DeferredTooltip'
import { useBackend } from '../lib/backend'
import { useColorMode } from '../theme/ColorModeProvider'
import { ConnectionChip } from './ConnectionChip'

// Demo mode only, and a menu: its code (MUI's Select) loads after the page's main content (decision 0012).
const DemoUserSwitcher = lazy(() =>
  import('./DemoUserSwitcher').then((m) => ({ default: m.DemoUserSwitcher })),
)

const NAV = [
  { to: '/looks', label: 'Looks' },
  { to: '/dashboards', label: 'Dashboards' },
  { to: '/trash', label: 'Trash', adminOnly: true },
  { to: '/settings', label: 'Settings' },
]

export function TopBar() {
  const { mode, toggle } = useColorMode()
  const nextMode = mode === 'dark' ? 'light' : 'dark'
  // The trash is for admins only: hide its link from everyone else (and until we know).
  // After a sign-out the cached answer is about a user who is no longer here.
  const backend = useBackend()
  const signedIn = useSessionStatus(backend.auth).state === 'signed-in'
  const admin = useAdminStatus({ enabled: signedIn })
  const isAdmin = admin.data?.isAdmin === true && signedIn
  // A failed check is said, with Retry: hiding the link silently would look like "you are no admin".
  const checkFailed = signedIn && admin.isError && !admin.data
  return (
    <AppBar position="sticky" color="default" sx={{ borderBottom: 1, borderColor: 'divider' }}>
      <Toolbar sx={{ gap: 2, flexWrap: 'wrap' }}>
        <Typography
          component={RouterLink}
          to="/looks"
          variant="h6"
          sx={{ fontWeight: 700, color: 'inherit', textDecoration: 'none', mr: 1 }}
        >
          Lookbook
        </Typography>
        <Box component="nav" aria-label="Main" sx={{ display: 'flex', gap: 0.5 }}>
          {NAV.filter((item) => !item.adminOnly || isAdmin).map((item) => (
            <Button
              key={item.to}
              component={NavLink}
              to={item.to}
              color="inherit"
              sx={{ '&.active': { color: 'primary.main', bgcolor: 'action.selected' } }}
            >
              {item.label}
            </Button>
          ))}
          {checkFailed && (
            <Button
              color="warning"
              onClick={() => void admin.refetch()}
              disabled={admin.isFetching}
              sx={{ textTransform: 'none' }}
            >
              {admin.isFetching ? 'Checking admin access…' : 'Could not check admin access · Retry'}
            </Button>
          )}
        </Box>
        <Box sx={{ flex: 1 }} />
        {backend.demo && (
          <AfterContent placeholder={<Box sx={{ width: 150, height: 40 }} />}>
            <DemoUserSwitcher />
          </AfterContent>
        )}
        <ConnectionChip />
        <DeferredTooltip title={`Switch to ${nextMode} mode`}>
          <IconButton onClick={toggle} aria-label={`Switch to ${nextMode} mode`} color="inherit">
            {mode === 'dark' ? <LightModeIcon /> : <DarkModeIcon />}
          </IconButton>
        </DeferredTooltip>
      </Toolbar>
    </AppBar>
  )
}
