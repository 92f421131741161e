import type { TooltipProps } from '@mui/material/Tooltip'
import {
  cloneElement,
  useEffect,
  useId,
  useLayoutEffect,
  useRef,
  useState,
  type ComponentType,
  type ReactElement,
} from 'react'
import { useAfterContentShown } from '../lib/contentShown'

type Tooltip = ComponentType<TooltipProps>
let loading: Promise<Tooltip> | null = null
const loadTooltip = () => (loading ??= import('@mui/material/Tooltip').then((m) => m.default))

const ANCHOR = 'data-tooltip-anchor'
const anchor = (id: string) => document.querySelector<HTMLElement>(`[${ANCHOR}="${id}"]`)

/**
 * MUI's Tooltip, loaded after the page's main content (it brings Popper and popper.js, ~10 KB gzip, for a
 * hint shown on hover or focus). Until then the child renders alone; its accessible name must not depend
 * on the tooltip (give it an aria-label). When the tooltip arrives the child is mounted anew, and keeps
 * the keyboard focus if it had it.
 */
export function DeferredTooltip({
  title,
  children,
}: {
  title: string
  children: ReactElement<Record<string, unknown>>
}) {
  const id = useId()
  const ready = useAfterContentShown()
  const [Tooltip, setTooltip] = useState<Tooltip | null>(null)
  const hadFocus = useRef(false)
  useEffect(() => {
    if (!ready) return
    let live = true
    void loadTooltip().then((component) => {
      if (!live) return
      hadFocus.current = document.activeElement === anchor(id)
      setTooltip(() => component)
    })
    return () => {
      live = false
    }
  }, [ready, id])
  useLayoutEffect(() => {
    if (Tooltip && hadFocus.current) anchor(id)?.focus()
  }, [Tooltip, id])
  const child = cloneElement(children, { [ANCHOR]: id })
  return Tooltip ? <Tooltip title={title}>{child}</Tooltip> : child
}
