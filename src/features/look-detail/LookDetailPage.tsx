import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Tab from '@mui/material/Tab'
import Tabs from '@mui/material/Tabs'
import { useQuery } from '@tanstack/react-query'
import { useRef, useState, type ReactNode } from 'react'
import { Link as RouterLink, useLocation, useNavigate, useParams } from 'react-router'
import { lookQueries } from '../../api/looks'
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
import { drafts } from '../../lib/drafts'
import { lookDraftKey } from './lookEditValues'

/** A tab another feature contributes to the look page, at /looks/:lookId/<path>. */
export interface LookTab {
  path: string
  label: string
  element: (props: { lookId: string }) => ReactNode
}

/**
 * /looks/:lookId[/:tab]: the look's heading, folder path and actions above its tabs (Overview here,
 * then the tabs other features contribute). A new look id starts afresh (edit state, tabs, focus).
 */
export function LookDetailPage({ lookId, tabs }: { lookId: string; tabs: LookTab[] }) {
  return <LookDetailView key={lookId} lookId={lookId} tabs={tabs} />
}

function LookDetailView({ lookId, tabs }: { lookId: string; tabs: LookTab[] }) {
  const notify = useNotify()
  const { tab } = useParams()
  const navigate = useNavigate()
  const look = useQuery(lookQueries.detail(lookId))
  // An unsaved edit kept from before a reload or a sign-in reopens the editor with it.
  const [editing, setEditing] = useState(() => drafts.has(lookDraftKey(lookId)))
  // Leaving the Overview ends editing (the guard has asked first if anything was typed); the one
  // navigation that must not end it is Edit's own jump to the Overview.
  const [editJump, setEditJump] = useState(false)
  const active = tab === undefined ? '' : tabs.find((t) => t.path === tab)?.path
  // Each tab's last query string (render size, row limit), so its tab link brings those settings back.
  const { search } = useLocation()
  const [tabSearch, setTabSearch] = useState<Record<string, string>>({})
  if (active !== undefined && tabSearch[active] !== search) setTabSearch({ ...tabSearch, [active]: search })
  const [lastActive, setLastActive] = useState(active)
  if (lastActive !== active) {
    setLastActive(active)
    setEditJump(false)
    if (editing && !(editJump && active === '')) setEditing(false)
  }

  // Save, Discard, Delete and Restore each remove the control that had focus: focus goes where the page now is.
  const focusLater = usePendingFocus()
  const editRef = useRef<HTMLButtonElement>(null)
  const deleteRef = useRef<HTMLButtonElement>(null)
  const bannerRef = useRef<HTMLDivElement>(null)

  if (look.isPending) return <LookSkeleton />
  // A refetch that fails for a transient reason keeps showing what we have; gone or forbidden does not.
  if (look.isError && (!look.data || hasStatus(look.error, 403, 404))) {
    return <LookLoadError lookId={lookId} error={look.error} onRetry={() => void look.refetch()} />
  }
  const data: LookDetail = look.data

  const basePath = `/looks/${encodeURIComponent(lookId)}`
  const unknownTab = tab !== undefined && active === undefined
  const contributed = tabs.find((t) => t.path === active)

  const startEditing = () => {
    setEditing(true)
    if (active !== '') {
      setEditJump(true)
      void navigate(basePath)
    }
  }

  const editor = editing ? (
    <LookEditForm
      look={data}
      onClose={(outcome) => {
        setEditing(false)
        focusLater(editRef)
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
      actions={
        <LookActions
          look={data}
          editing={editing}
          onEdit={startEditing}
          editRef={editRef}
          deleteRef={deleteRef}
          onDeleting={() => focusLater(bannerRef)}
          onRestoring={() => focusLater(deleteRef)}
        />
      }
    >
      {data.deleted && <TrashBanner ref={bannerRef} look={data} onRestoring={() => focusLater(deleteRef)} />}
      {look.isError && <ErrorPanel variant="stale" what="this look" />}
      <Box sx={{ borderBottom: 1, borderColor: 'divider', mb: 2 }}>
        <Tabs value={active ?? ''} aria-label="Look sections">
          <Tab label="Overview" value="" component={RouterLink} to={basePath} id="look-tab-overview" />
          {tabs.map((t) => (
            <Tab
              key={t.path}
              label={t.label}
              value={t.path}
              component={RouterLink}
              to={`${basePath}/${encodeURIComponent(t.path)}${tabSearch[t.path] ?? ''}`}
              id={`look-tab-${t.path}`}
            />
          ))}
        </Tabs>
      </Box>
      <Box role="tabpanel" aria-labelledby={`look-tab-${contributed ? contributed.path : 'overview'}`}>
        {unknownTab && (
          <Alert severity="info" sx={{ mb: 2 }}>
            This look has no “{tab}” section; showing its overview instead.
          </Alert>
        )}
        {contributed ? contributed.element({ lookId }) : <LookOverview look={data} editor={editor} />}
      </Box>
    </PageLayout>
  )
}
