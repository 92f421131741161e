import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Tab from '@mui/material/Tab'
import Tabs from '@mui/material/Tabs'
import { useQuery } from '@tanstack/react-query'
import { useRef } from 'react'
import { Link as RouterLink } from 'react-router'
import { lookQueries } from '../../api/looks'
import { thumbnailSource } from '../../api/thumbnails'
import { ContentThumbnail } from '../../components/ContentThumbnail'
import { useNotify } from '../../components/Notifier'
import { ErrorPanel } from '../../components/ErrorPanel'
import { PageLayout } from '../../components/PageLayout'
import { hasStatus } from '../../lib/errors'
import { usePendingFocus } from '../../lib/usePendingFocus'
import { LookActions } from './LookActions'
import { LookBreadcrumb } from './LookBreadcrumb'
import { LookEditForm } from './LookEditForm'
import { LookLoadError, LookSkeleton } from './LookLoadStates'
import { LookOverview, type LookDetail } from './LookOverview'
import { TrashBanner } from './TrashBanner'
import { useLookTabs, type LookTab } from './useLookTabs'

export type { LookTab }

/**
 * /looks/:lookId[/:tab]: the look's heading, folder path and actions above its tabs (Overview here,
 * then the tabs other features contribute). A new look id starts afresh (edit state, tabs, focus).
 */
export function LookDetailPage({ lookId, tabs }: { lookId: string; tabs: LookTab[] }) {
  return <LookDetailView key={lookId} lookId={lookId} tabs={tabs} />
}

/** Where focus goes after an action removes the control that had it, so no one loses their place. */
function useActionFocus() {
  const focusLater = usePendingFocus()
  const editRef = useRef<HTMLButtonElement>(null)
  const deleteRef = useRef<HTMLButtonElement>(null)
  const bannerRef = useRef<HTMLDivElement>(null)
  return {
    editRef,
    deleteRef,
    bannerRef,
    /** Save or Cancel closed the editor: back to Edit. */
    toEdit: () => focusLater(editRef),
    /** A restore (or a failed delete) brought Delete back. */
    toDelete: () => focusLater(deleteRef),
    /** Delete hid its button: the trash banner says what happened and how to undo it. */
    toBanner: () => focusLater(bannerRef),
  }
}

function LookDetailView({ lookId, tabs }: { lookId: string; tabs: LookTab[] }) {
  const notify = useNotify()
  const look = useQuery(lookQueries.detail(lookId))
  const view = useLookTabs(lookId, tabs)
  const { editRef, deleteRef, bannerRef, toEdit, toDelete, toBanner } = useActionFocus()

  if (look.isPending) return <LookSkeleton />
  // A refetch that fails for a transient reason keeps showing what we have; gone or forbidden does not.
  if (look.isError && (!look.data || hasStatus(look.error, 403, 404))) {
    return <LookLoadError lookId={lookId} error={look.error} onRetry={() => void look.refetch()} />
  }
  const data: LookDetail = look.data

  const editor = view.editing ? (
    <LookEditForm
      look={data}
      onClose={(outcome) => {
        view.stopEditing()
        toEdit()
        if (outcome === 'saved') notify({ severity: 'success', message: 'Your changes were saved.' })
        if (outcome === 'reloaded')
          notify({ severity: 'info', message: 'Showing the current version of the look.' })
      }}
    />
  ) : undefined

  return (
    <PageLayout
      title={data.title || `Look ${lookId}`}
      above={<LookBreadcrumb folderId={data.folder_id ?? null} folderName={data.folder?.name} />}
      leading={
        <ContentThumbnail
          source={thumbnailSource}
          type="look"
          id={lookId}
          version={data.updated_at}
          width={96}
        />
      }
      actions={
        <LookActions
          look={data}
          editing={view.editing}
          onEdit={view.startEditing}
          editRef={editRef}
          deleteRef={deleteRef}
          onDeleting={toBanner}
          onRestoring={toDelete}
        />
      }
    >
      {data.deleted && <TrashBanner ref={bannerRef} look={data} onRestoring={toDelete} />}
      {look.isError && <ErrorPanel variant="stale" what="this look" />}
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={view.active ?? ''} aria-label="Look sections">
          <Tab
            label="Overview"
            value=""
            component={RouterLink}
            to={view.overviewHref}
            id="look-tab-overview"
          />
          {tabs.map((t) => (
            <Tab
              key={t.path}
              label={t.label}
              value={t.path}
              component={RouterLink}
              to={view.hrefOf(t.path)}
              id={`look-tab-${t.path}`}
            />
          ))}
        </Tabs>
      </Box>
      <Box
        role="tabpanel"
        aria-labelledby={`look-tab-${view.contributed ? view.contributed.path : 'overview'}`}
      >
        {view.unknownTab !== null && (
          <Alert severity="info" sx={{ mb: 2 }}>
            This look has no “{view.unknownTab}” section; showing its overview instead.
          </Alert>
        )}
        {view.contributed ? (
          view.contributed.element({ lookId })
        ) : (
          <LookOverview look={data} editor={editor} />
        )}
      </Box>
    </PageLayout>
  )
}
