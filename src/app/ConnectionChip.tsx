import CloudDoneIcon from '@mui/icons-material/CloudDone'
import ScienceIcon from '@mui/icons-material/Science'
import Chip from '@mui/material/Chip'
import Tooltip from '@mui/material/Tooltip'
import { Link as RouterLink } from 'react-router'
import { useBackend } from '../lib/backend'

/** Says, at every moment, whose data is on screen: the simulator's or a real Looker's. */
export function ConnectionChip() {
  const backend = useBackend()
  const demo = backend.mode === 'demo'
  return (
    <Tooltip title={demo ? 'A simulated Looker running in your browser' : `Connected to ${backend.label}`}>
      <Chip
        component={RouterLink}
        to="/settings"
        clickable
        icon={demo ? <ScienceIcon /> : <CloudDoneIcon />}
        label={backend.label}
        color={demo ? 'secondary' : 'success'}
        variant="outlined"
        aria-label={demo ? 'Connection: Demo data' : `Connection: ${backend.label}`}
      />
    </Tooltip>
  )
}
