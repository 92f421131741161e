import FormControl from '@mui/material/FormControl'
import InputLabel from '@mui/material/InputLabel'
import MenuItem from '@mui/material/MenuItem'
import Select from '@mui/material/Select'
import { useState } from 'react'
import { useBackend, type DemoUserKey } from '../lib/backend'

/** Demo mode only: sign in as the admin, the analyst or the viewer to see permissions at work. */
export function DemoUserSwitcher() {
  const { demo } = useBackend()
  const [busy, setBusy] = useState(false)
  const [current, setCurrent] = useState<DemoUserKey | null>(demo?.currentUser ?? null)
  if (!demo) return null
  return (
    <FormControl size="small" sx={{ minWidth: 150 }}>
      <InputLabel id="demo-user-label">Demo user</InputLabel>
      <Select
        labelId="demo-user-label"
        label="Demo user"
        value={current ?? demo.currentUser}
        disabled={busy}
        onChange={(event) => {
          const key = event.target.value
          setBusy(true)
          demo
            .switchUser(key)
            .then(() => setCurrent(key))
            .catch((e: unknown) => console.error('Could not switch the demo user', e))
            .finally(() => setBusy(false))
        }}
      >
        {demo.users.map((user) => (
          <MenuItem key={user.key} value={user.key}>
            {user.label}
          </MenuItem>
        ))}
      </Select>
    </FormControl>
  )
}
