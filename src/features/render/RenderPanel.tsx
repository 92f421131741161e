import Alert from '@mui/material/Alert'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import { lookQueries } from '../../api/looks'
import { useCreateLookRenderTask } from '../../api/renderTasks'
import { usePendingFocus } from '../../lib/usePendingFocus'
import { DashboardRenderSection } from './DashboardRenderSection'
import { RenderComparison } from './RenderComparison'
import { RenderControls } from './RenderControls'
import { RenderedImage } from './RenderedImage'
import { RenderHistory } from './RenderHistory'
import { RenderJobAlerts } from './RenderJobAlerts'
import { renderHistory, useRenderHistory } from './renderHistory'
import { RenderProgress } from './RenderProgress'
import { RenderResultActions } from './RenderResultActions'
import { parseRenderSettings, settingsToParams, type RenderSettings } from './renderSettings'
import { useRenderJob, type RenderJobTarget } from './useRenderJob'

/** The render tab of the look page: settings in the URL, one render at a time, a session history. */
export function RenderPanel({ lookId }: { lookId: string }) {
  const [params, setParams] = useSearchParams()
  const { settings, notices } = useMemo(() => parseRenderSettings(params), [params])
  const look = useQuery(lookQueries.detail(lookId))
  const title = look.data?.title ?? `Look ${lookId}`
  // Looker refuses render tasks for a look in the trash (the simulator answers 404): say so up front.
  const trashed = look.data?.deleted === true
  const trashedId = useId()
  const create = useCreateLookRenderTask()
  const [target, setTarget] = useState<(RenderJobTarget & { settings: RenderSettings }) | null>(null)
  const job = useRenderJob(target)
  const history = useRenderHistory(lookId)
  const [selected, setSelected] = useState<string | null>(null)
  const [compared, setCompared] = useState<string[]>([])
  const attempt = useRef(0)
  const [requestedAt, setRequestedAt] = useState(0)
  // Cancel and Retry remove their own buttons: focus goes to Render, or to the progress of the new try.
  const focusLater = usePendingFocus()
  const renderButtonRef = useRef<HTMLButtonElement>(null)
  const progressRef = useRef<HTMLDivElement>(null)

  // A finished render joins the session history (an external store, not this component's state).
  useEffect(() => {
    if (job.phase !== 'done' || !target) return
    renderHistory.add({
      taskId: job.task.id,
      lookId,
      title,
      format: target.settings.format,
      width: target.settings.width,
      height: target.settings.height,
      blob: job.blob,
      task: job.task,
      finishedAt: Date.now(),
    })
  }, [job, target, lookId, title])

  const render = (next: RenderSettings) => {
    const mine = ++attempt.current
    setRequestedAt(Date.now())
    setSelected(null)
    setTarget(null)
    create.mutate(
      { lookId, ...next },
      {
        onSuccess: (task) => {
          if (attempt.current === mine) setTarget({ taskId: task.id, startedAt: Date.now(), settings: next })
        },
      },
    )
  }
  const cancel = () => {
    focusLater(renderButtonRef)
    attempt.current++
    create.reset()
    setTarget(null)
  }
  const changeSettings = (next: RenderSettings) =>
    setParams(settingsToParams(next), { replace: true, preventScrollReset: true })

  const running = create.isPending || job.phase === 'running' || job.phase === 'fetching'
  const shownId = selected ?? history[0]?.taskId ?? null
  const shown = history.find((e) => e.taskId === shownId)
  const comparing = history.filter((e) => compared.includes(e.taskId))
  const shareUrl = `${window.location.origin}/looks/${encodeURIComponent(lookId)}/render?${new URLSearchParams(settingsToParams(settings)).toString()}`
  const retry = () => {
    focusLater(progressRef)
    render(target?.settings ?? settings)
  }

  return (
    <Stack spacing={3}>
      {notices.map((notice) => (
        <Alert key={notice} severity="info">
          {notice}
        </Alert>
      ))}
      {trashed && (
        <Alert id={trashedId} severity="info">
          This look is in the trash. Restore the look to render it.
        </Alert>
      )}
      <Paper variant="outlined" sx={{ p: 2 }}>
        <RenderControls
          settings={settings}
          busy={running}
          onChange={changeSettings}
          onRender={render}
          renderButtonRef={renderButtonRef}
          blockedBy={trashed ? trashedId : null}
        />
      </Paper>

      {(create.isPending || job.phase === 'running' || job.phase === 'fetching') && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <RenderProgress
            ref={progressRef}
            task={job.phase === 'running' || job.phase === 'fetching' ? job.task : undefined}
            startedAt={requestedAt}
            fetching={job.phase === 'fetching'}
            onCancel={cancel}
          />
        </Paper>
      )}
      <RenderJobAlerts startError={create.isError ? create.error : null} job={job} onRetry={retry} />
      {comparing.length === 2 ? (
        <RenderComparison entries={comparing} onClose={() => setCompared([])} />
      ) : (
        shown && (
          <Stack spacing={1} component="section" aria-label="Rendered image">
            <RenderedImage
              key={shown.taskId}
              blob={shown.blob}
              title={shown.title}
              taskId={shown.taskId}
              finalizedAt={shown.task.finalized_at}
              width={shown.width}
              height={shown.height}
            />
            <RenderResultActions
              blob={shown.blob}
              title={shown.title}
              task={shown.task}
              shareUrl={shareUrl}
            />
          </Stack>
        )
      )}
      {!shown && job.phase === 'idle' && !create.isPending && (
        <Typography color="text.secondary">
          Choose a format and size, then Render to preview “{title}” as an image.
        </Typography>
      )}

      <RenderHistory
        entries={history}
        selected={shownId}
        compared={compared}
        onSelect={(id) => {
          setSelected(id)
          setCompared([])
        }}
        onToggleCompare={(id) =>
          setCompared((c) => (c.includes(id) ? c.filter((x) => x !== id) : [...c, id].slice(-2)))
        }
      />
      <DashboardRenderSection lookId={lookId} />
    </Stack>
  )
}
