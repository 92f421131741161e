import type { Access } from './access'
import type { UserRecord } from './types'

/**
 * Who is asking, with what they may reach, computed once per request. `can` maps, favourites,
 * visibility and URLs in responses all derive from it.
 */
export interface Viewer {
  user: UserRecord
  isAdmin: boolean
  /** Access per folder id. */
  access: ReadonlyMap<string, Access>
  /** This user's favourites: look id → content_favorite_id. */
  favorites: ReadonlyMap<string, string>
  /** Origin of the request, for absolute URLs (embed_url, public_url, share_url…). */
  origin: string
  /** The simulator clock's time when the request arrived (ms), for time-limited rules such as undo. */
  now: number
}
