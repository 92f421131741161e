import Alert from '@mui/material/Alert'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { useEffect, useId, useMemo, useRef, useState } from 'react'
import { useSearchParams } from 'react-router'
import { lookQueries } from '../../api/looks'
import type { QueryVariant } from '../../api/queryVariants'
import { useCreateLookRenderTask } from '../../api/renderTasks'
import { usePendingFocus } from '../../lib/usePendingFocus'
import { DashboardRenderSection } from './DashboardRenderSection'
import { RenderComparison } from './RenderComparison'
import { RenderControls } from './RenderControls'
import { RenderedImage } from './RenderedImage'
import { RenderHistory } from './RenderHistory'
import { RenderJobAlerts } from './RenderJobAlerts'
import { renderHistory, useRenderHistory, versionLabel } from './renderHistory'
import { RenderProgress } from './RenderProgress'
import { RenderResultActions } from './RenderResultActions'
import { parseRenderSettings, settingsToParams, type RenderSettings } from './renderSettings'
import { useRenderRun } from './useRenderRun'

/** What one render asked for: the settings, and which version of the look (null: the saved one). */
interface RenderAsked extends RenderSettings {
  variant: { queryId: string; label: string; title: string } | null
}

/**
 * The render tab of the look page: settings in the URL, one render at a time, a session history. With an
 * adjusted `variant` (from the look's Adjust panel) it renders the variant's query instead of the look.
 */
export function RenderPanel({ lookId, variant = null }: { lookId: string; variant?: QueryVariant | null }) {
  const [params, setParams] = useSearchParams()
  const { settings, notices } = useMemo(() => parseRenderSettings(params), [params])
  const look = useQuery(lookQueries.detail(lookId))
  const lookTitle = look.data?.title ?? `Look ${lookId}`
  const title = variant?.title ?? lookTitle
  // Looker refuses render tasks for a look in the trash (the simulator answers 404): say so up front.
  const trashed = look.data?.deleted === true
  const trashedId = useId()
  const variantBlockedId = useId()
  const run = useRenderRun(useCreateLookRenderTask(), ({ variant: asked, ...next }: RenderAsked) => ({
    lookId,
    ...next,
    variantQueryId: asked?.queryId ?? null,
  }))
  const { job } = run
  const history = useRenderHistory(lookId)
  const [selected, setSelected] = useState<string | null>(null)
  const [compared, setCompared] = useState<string[]>([])
  // Cancel and Retry remove their own buttons: focus goes to Render, or to the progress of the new try.
  const focusLater = usePendingFocus()
  const renderButtonRef = useRef<HTMLButtonElement>(null)
  const progressRef = useRef<HTMLDivElement>(null)

  // A finished render joins the session history (an external store, not this component's state).
  useEffect(() => {
    if (job.phase !== 'done' || !run.settings) return
    renderHistory.add({
      taskId: job.task.id,
      lookId,
      title: run.settings.variant?.title ?? lookTitle,
      format: run.settings.format,
      width: run.settings.width,
      height: run.settings.height,
      blob: job.blob,
      task: job.task,
      finishedAt: Date.now(),
      variant: run.settings.variant?.label ?? null,
    })
  }, [job, run.settings, lookId, lookTitle])

  const asked = (next: RenderSettings): RenderAsked => ({
    ...next,
    variant: variant?.queryId
      ? { queryId: variant.queryId, label: variant.label, title: variant.title }
      : null,
  })
  const render = (next: RenderSettings) => {
    setSelected(null)
    run.render(asked(next))
  }
  const cancel = () => {
    focusLater(renderButtonRef)
    run.cancel()
  }
  // Only the render settings change: the rest of the URL (an adjusted variant) stays.
  const withSettings = (next: RenderSettings) => {
    const merged = new URLSearchParams(params)
    for (const [name, value] of Object.entries(settingsToParams(next))) merged.set(name, value)
    return merged
  }
  const changeSettings = (next: RenderSettings) =>
    setParams(withSettings(next), { replace: true, preventScrollReset: true })

  const shownId = selected ?? history[0]?.taskId ?? null
  const shown = history.find((e) => e.taskId === shownId)
  const comparing = history.filter((e) => compared.includes(e.taskId))
  const shareUrl = `${window.location.origin}/looks/${encodeURIComponent(lookId)}/render?${withSettings(settings).toString()}`
  const retry = () => {
    focusLater(progressRef)
    setSelected(null)
    run.retry(asked(settings))
  }
  const blocked = trashed ? trashedId : variant?.blockedReason ? variantBlockedId : null
  // The image on screen may be of another version than the one chosen now: say so, not silently.
  const currentVersion = variant?.label ?? null
  const shownIsOther = shown !== undefined && shown.variant !== currentVersion

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
          busy={run.running}
          onChange={changeSettings}
          onRender={render}
          renderButtonRef={renderButtonRef}
          blockedBy={blocked}
        />
        {!trashed && variant?.blockedReason && (
          <Typography id={variantBlockedId} variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {variant.blockedReason}
          </Typography>
        )}
      </Paper>

      {run.running && (
        <Paper variant="outlined" sx={{ p: 2 }}>
          <RenderProgress
            ref={progressRef}
            task={job.phase === 'running' || job.phase === 'fetching' ? job.task : undefined}
            startedAt={run.requestedAt}
            fetching={job.phase === 'fetching'}
            onCancel={cancel}
          />
        </Paper>
      )}
      <RenderJobAlerts startError={run.startError} job={job} onRetry={retry} onCancel={cancel} />
      {comparing.length === 2 ? (
        <RenderComparison entries={comparing} onClose={() => setCompared([])} />
      ) : (
        shown && (
          <Stack spacing={1} component="section" aria-label="Rendered image">
            <Typography variant="subtitle2" component="h2">
              {versionLabel(shown)}
            </Typography>
            {shownIsOther && (
              <Typography variant="body2" color="text.secondary">
                {currentVersion === null
                  ? 'This render is of an adjusted variant; Render to see the saved look.'
                  : 'This render is not of the variant chosen now; Render to see it.'}
              </Typography>
            )}
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
      {!shown && job.phase === 'idle' && !run.running && (
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
