import { useState, type ReactNode } from 'react'
import { useLocation, useNavigate, useParams } from 'react-router'
import { drafts } from '../../lib/drafts'
import { lookDraftKey } from './lookEditValues'

/** A tab another feature contributes to the look page, at /looks/:lookId/<path>. */
export interface LookTab {
  path: string
  label: string
  element: (props: { lookId: string }) => ReactNode
}

/**
 * The look page's tabs, routed by the URL (/looks/:lookId/:tab?): which one is open ('' for the
 * Overview, undefined for a name no tab has), each tab's link with its last query string (render size,
 * row limit) so coming back brings those settings back, and whether the Overview is in edit mode.
 * Leaving the Overview ends editing (the unsaved-changes guard has asked first); the one navigation that
 * must not is Edit's own jump to the Overview.
 */
export function useLookTabs(lookId: string, tabs: readonly LookTab[]) {
  const { tab } = useParams()
  const navigate = useNavigate()
  const { search } = useLocation()
  const active = tab === undefined ? '' : tabs.find((t) => t.path === tab)?.path
  const basePath = `/looks/${encodeURIComponent(lookId)}`

  const [tabSearch, setTabSearch] = useState<Record<string, string>>({})
  if (active !== undefined && tabSearch[active] !== search) setTabSearch({ ...tabSearch, [active]: search })

  // An unsaved edit kept from before a reload or a sign-in reopens the editor with it.
  const [editing, setEditing] = useState(() => drafts.has(lookDraftKey(lookId)))
  const [editJump, setEditJump] = useState(false)
  const [lastActive, setLastActive] = useState(active)
  if (lastActive !== active) {
    setLastActive(active)
    setEditJump(false)
    if (editing && !(editJump && active === '')) setEditing(false)
  }

  return {
    /** The open tab's path: '' is the Overview; undefined when the URL names no tab there is. */
    active,
    /** The tab name the URL asked for when there is no such tab. */
    unknownTab: tab !== undefined && active === undefined ? tab : null,
    /** The contributed tab that is open, if it is not the Overview. */
    contributed: tabs.find((t) => t.path === active),
    overviewHref: basePath,
    hrefOf: (path: string) => `${basePath}/${encodeURIComponent(path)}${tabSearch[path] ?? ''}`,
    editing,
    /** Edit: from any tab, the editor opens on the Overview. */
    startEditing: () => {
      setEditing(true)
      if (active !== '') {
        setEditJump(true)
        void navigate(basePath)
      }
    },
    stopEditing: () => setEditing(false),
  }
}
