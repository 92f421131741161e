import Button from '@mui/material/Button'
import LinearProgress from '@mui/material/LinearProgress'
import Stack from '@mui/material/Stack'
import Step from '@mui/material/Step'
import StepLabel from '@mui/material/StepLabel'
import Stepper from '@mui/material/Stepper'
import Typography from '@mui/material/Typography'
import type { Ref } from 'react'
import { RENDER_STEPS, type RenderStatus, type RenderTask } from '../../api/renderTasks'
import { useElapsed } from './useRenderJob'

export const STATUS_LABELS: Record<RenderStatus, string> = {
  enqueued_for_query: 'Queued',
  querying: 'Querying',
  enqueued_for_render: 'Waiting to render',
  rendering: 'Rendering',
  success: 'Done',
  failure: 'Failed',
}

/**
 * The task's status as a stepper, the time it has taken so far, and Cancel. Only the status text is a
 * live region: the timer changes ten times a second and would have screen readers repeat it endlessly.
 */
export function RenderProgress({
  task,
  startedAt,
  fetching,
  onCancel,
  label = 'Render progress',
  ref,
}: {
  task: RenderTask | undefined
  startedAt: number
  fetching: boolean
  onCancel: () => void
  /** The region's accessible name; a page with two renders (look and dashboard) tells them apart. */
  label?: string
  /** Focusable (tabIndex -1), so a Retry whose button has just gone can leave focus here. */
  ref?: Ref<HTMLDivElement>
}) {
  const elapsed = useElapsed(startedAt)
  const active = task ? RENDER_STEPS.indexOf(task.status) : 0
  const statusText = fetching ? 'Downloading the result' : task ? STATUS_LABELS[task.status] : 'Starting'
  return (
    <Stack ref={ref} tabIndex={-1} spacing={2} role="group" aria-label={label}>
      <Stepper activeStep={fetching ? RENDER_STEPS.length : active} alternativeLabel>
        {RENDER_STEPS.map((step) => (
          <Step key={step}>
            <StepLabel>{STATUS_LABELS[step]}</StepLabel>
          </Step>
        ))}
      </Stepper>
      <LinearProgress aria-hidden />
      <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
        <Typography sx={{ flexGrow: 1 }}>
          <span role="status">
            {statusText}
            {task?.status_detail && !fetching ? ` — ${task.status_detail}` : ''}
          </span>{' '}
          · {elapsed.toFixed(1)} s
        </Typography>
        <Button onClick={onCancel}>Cancel</Button>
      </Stack>
    </Stack>
  )
}
