import CloudDoneIcon from '@mui/icons-material/CloudDone'
import CloudOffIcon from '@mui/icons-material/CloudOff'
import ScienceIcon from '@mui/icons-material/Science'
import Chip from '@mui/material/Chip'
import { Link as RouterLink } from 'react-router'
import { useSessionStatus } from '../features/connection/useSessionStatus'
import { DeferredTooltip } from '../components/DeferredTooltip'
import { useBackend } from '../lib/backend'

/** Says, at every moment, whose data is on screen (the simulator's or a real Looker's) and whether we can reach it. */
export function ConnectionChip() {
  const backend = useBackend()
  const status = useSessionStatus(backend.auth)
  if (backend.mode === 'demo') {
    return (
      <DeferredTooltip title="A simulated Looker running in your browser">
        <Chip
          component={RouterLink}
          to="/settings"
          clickable
          icon={<ScienceIcon />}
          label={backend.label}
          color="secondary"
          variant="outlined"
          aria-label="Connection: Demo data"
        />
      </DeferredTooltip>
    )
  }
  const signedIn = status.state === 'signed-in'
  const description = signedIn
    ? `Connected to ${backend.label}`
    : status.state === 'signing-in'
      ? `Signing in to ${backend.label}…`
      : `Not signed in to ${backend.label}`
  return (
    <DeferredTooltip title={description}>
      <Chip
        component={RouterLink}
        to="/settings"
        clickable
        icon={signedIn ? <CloudDoneIcon /> : <CloudOffIcon />}
        label={backend.label}
        color={signedIn ? 'success' : 'warning'}
        variant="outlined"
        aria-label={`Connection: ${description}`}
      />
    </DeferredTooltip>
  )
}
