import { useState, type ReactNode } from 'react'
import { useLocation, useNavigate, useParams } from 'react-router'
import { drafts } from '../../lib/drafts'
import { lookDraftKey } from './lookEditValues'

/** A tab another feature contributes to the look page, at /looks/:lookId/<path>. */
export interface LookTab {
  path: string
  label: string
  element: (props: { lookId: string }) => ReactNode
  /**
   * URL parameters that follow the user from this tab to another tab that carries them too (an adjusted
   * variant shown on Render stays adjusted on Data).
   */
  carries?: (param: string) => boolean
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
    hrefOf: (path: string) =>
      `${basePath}/${encodeURIComponent(path)}${carried(tabs, active, path, search, tabSearch[path] ?? '')}`,
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

/**
 * The query string a tab's link takes: its own last one, with the parameters both the open tab and the
 * target carry replaced by the open tab's current ones.
 */
function carried(
  tabs: readonly LookTab[],
  active: string | undefined,
  target: string,
  current: string,
  remembered: string,
): string {
  const from = tabs.find((t) => t.path === active)?.carries
  const to = tabs.find((t) => t.path === target)?.carries
  if (!from || !to || active === target) return remembered
  const shared = (name: string) => from(name) && to(name)
  const next = new URLSearchParams(remembered)
  for (const name of [...next.keys()]) if (shared(name)) next.delete(name)
  for (const [name, value] of new URLSearchParams(current)) if (shared(name)) next.append(name, value)
  const text = next.toString()
  return text ? `?${text}` : ''
}
