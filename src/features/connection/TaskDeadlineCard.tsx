import Card from '@mui/material/Card'
import CardContent from '@mui/material/CardContent'
import MenuItem from '@mui/material/MenuItem'
import Stack from '@mui/material/Stack'
import TextField from '@mui/material/TextField'
import Typography from '@mui/material/Typography'
import {
  DEADLINE_CHOICES,
  DEFAULT_DEADLINE_MINUTES,
  setTaskDeadlineMinutes,
  useTaskDeadlineMinutes,
} from '../../lib/taskDeadline'

/** The overall deadline for renders, queries and exports (lib/taskDeadline.ts). */
export function TaskDeadlineCard() {
  const minutes = useTaskDeadlineMinutes()
  return (
    <Card variant="outlined">
      <CardContent>
        <Stack spacing={2} sx={{ alignItems: 'flex-start' }}>
          <Typography variant="h2">Long renders and queries</Typography>
          <Typography>
            When a render, query or export runs longer than this, Lookbook stops asking Looker about it and
            asks you whether to keep waiting. Saved in this browser.
          </Typography>
          <TextField
            select
            size="small"
            label="Ask after"
            value={minutes}
            onChange={(e) => setTaskDeadlineMinutes(Number(e.target.value))}
            sx={{ minWidth: 200 }}
          >
            {DEADLINE_CHOICES.map((choice) => (
              <MenuItem key={choice} value={choice}>
                {choice} minutes{choice === DEFAULT_DEADLINE_MINUTES ? ' (default)' : ''}
              </MenuItem>
            ))}
          </TextField>
        </Stack>
      </CardContent>
    </Card>
  )
}
