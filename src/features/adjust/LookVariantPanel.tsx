import Alert from '@mui/material/Alert'
import Divider from '@mui/material/Divider'
import Paper from '@mui/material/Paper'
import Stack from '@mui/material/Stack'
import type { ILookWithQuery } from '@looker/sdk/lib/4.0/models'
import { useRef, useState, type ReactNode } from 'react'
import { useLocation, useNavigate, useParams } from 'react-router'
import type { QueryVariant } from '../../api/queryVariants'
import { ErrorPanel } from '../../components/ErrorPanel'
import { useNotify } from '../../components/Notifier'
import { usePendingFocus } from '../../lib/usePendingFocus'
import { AdjustEditor } from './AdjustEditor'
import { describeIgnoredAdjustment, isAdjustParam } from './adjustParams'
import { ApplyVariantDialog, beforeAfter } from './ApplyVariantDialog'
import { DownloadDialog } from './DownloadDialog'
import { variantGates } from './gates'
import { SaveVariantDialog } from './SaveVariantDialog'
import { useApplyVariant } from './useApplyVariant'
import { useLookVariant } from './useLookVariant'
import { VariantBar } from './VariantBar'

type Open = 'save' | 'apply' | 'download' | null

const ALL_RESULTS_BLOCKED =
  'Your role may not download all results: that needs Looker’s download_without_limit permission.'

/**
 * The look's Render and Data tabs, wrapped: above them, which version they show (the saved look or an
 * adjusted variant, with its changes as chips), the Adjust editor, and Save as, Apply and Download; the
 * tab itself gets the variant to show (`children`).
 */
export function LookVariantPanel({
  lookId,
  children,
}: {
  lookId: string
  children: (variant: QueryVariant | null) => ReactNode
}) {
  const v = useLookVariant(lookId)
  const [open, setOpen] = useState<Open>(null)
  const notify = useNotify()
  const navigate = useNavigate()
  const location = useLocation()
  const { tab = '' } = useParams()
  const headingRef = useRef<HTMLHeadingElement>(null)
  const focusLater = usePendingFocus()
  const apply = useApplyVariant(lookId, v)
  const look: ILookWithQuery | undefined = v.look
  const title = look?.title ?? `Look ${lookId}`
  const gates = variantGates(look, v.explore, v.variant)
  const labelOf = (name: string) => v.fields?.label(name) ?? name
  const adjusted = v.variant !== null
  const toHeading = () => focusLater(headingRef)

  const openSaved = (created: ILookWithQuery, folderName: string) => {
    setOpen(null)
    notify({
      severity: 'success',
      message: `Saved “${created.title ?? ''}” in “${folderName}”. You are now viewing the new look.`,
    })
    // The new look's own query is the variant: its tab opens without the changes, other settings kept.
    const search = new URLSearchParams(location.search)
    for (const name of [...search.keys()]) if (isAdjustParam(name)) search.delete(name)
    const path = `/looks/${encodeURIComponent(created.id ?? '')}${tab ? `/${tab}` : ''}`
    void navigate({ pathname: path, search: search.toString() })
  }

  const queryCan = (v.variant ? v.madeQuery?.can : v.saved?.can) ?? {}
  return (
    <Stack spacing={3}>
      {v.notice.length > 0 && (
        <Alert severity="info" onClose={v.dismissNotice}>
          {v.notice.map(describeIgnoredAdjustment).join(' ')}
        </Alert>
      )}
      {v.refused && (
        <Alert severity="info">
          This link shows an adjusted variant of the look, which you cannot see:{' '}
          {look?.deleted
            ? 'the look is in the trash.'
            : 'making one needs Looker’s explore permission, which your role does not have.'}{' '}
          You are seeing the saved look.
        </Alert>
      )}
      <Paper
        variant="outlined"
        component="section"
        aria-label="Look version"
        sx={{ p: 2, borderColor: adjusted ? 'info.main' : undefined }}
      >
        <VariantBar
          adjusted={adjusted}
          changes={v.changes}
          gates={gates}
          editing={v.editing}
          headingRef={headingRef}
          onAdjust={() => v.setEditing(!v.editing)}
          onRemove={(change) => {
            v.show(change.without)
            toHeading()
          }}
          onReset={() => {
            v.reset()
            toHeading()
          }}
          onSaveAs={() => setOpen('save')}
          onApply={() => {
            apply.clearError()
            setOpen('apply')
          }}
          onDownload={() => setOpen('download')}
        />
        {v.madeError && (
          <ErrorPanel
            variant="inline"
            lead="The adjusted variant could not be made:"
            error={v.madeError}
            onRetry={v.retryMade}
          />
        )}
        {v.editing && v.saved && (
          <>
            <Divider sx={{ my: 2 }} />
            <AdjustEditor
              key={JSON.stringify(v.adjustments)}
              saved={v.saved}
              adjustments={v.adjustments}
              explore={v.explore}
              exploreLoading={v.explore === undefined && v.exploreError === null}
              exploreError={v.exploreError}
              labelOf={labelOf}
              onShow={(next) => {
                v.show(next)
                v.setEditing(false)
                toHeading()
              }}
              onCancel={() => {
                v.setEditing(false)
                toHeading()
              }}
            />
          </>
        )}
      </Paper>
      {children(v.variant)}
      {v.variant?.queryId && (
        <SaveVariantDialog
          open={open === 'save'}
          queryId={v.variant.queryId}
          proposedTitle={v.variant.title}
          onClose={() => setOpen(null)}
          onSaved={openSaved}
        />
      )}
      {v.variant && v.saved && (
        <ApplyVariantDialog
          open={open === 'apply'}
          title={title}
          rows={beforeAfter(v.saved, v.adjustments, labelOf)}
          error={apply.error}
          onCancel={() => setOpen(null)}
          onConfirm={() => apply.run().then((done) => (done ? setOpen(null) : undefined))}
        />
      )}
      <DownloadDialog
        open={open === 'download'}
        title={v.variant?.title ?? title}
        target={{
          lookId,
          lookQueryId: look?.query_id ?? null,
          variantQueryId: v.variant?.queryId ?? null,
          displayedLimit: v.variant ? v.variant.limit : savedLimitOf(look),
        }}
        allResultsBlocked={queryCan.download_unlimited === true ? null : ALL_RESULTS_BLOCKED}
        onClose={() => setOpen(null)}
      />
    </Stack>
  )
}

function savedLimitOf(look: ILookWithQuery | undefined): number | null {
  const n = Number(look?.query?.limit)
  return Number.isInteger(n) && n > 0 ? n : null
}
