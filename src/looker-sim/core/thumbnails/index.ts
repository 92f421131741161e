import { canSeeLook } from '../can'
import { visibleDashboard, tilesOf } from '../dashboards/model'
import { visTypeOfTile } from '../dashboards/serialize'
import { badRequest, notFound, validationFailed, type FieldError } from '../errors'
import type { SimStore } from '../store'
import type { Viewer } from '../viewer'
import { sceneToPng } from './raster'
import { dashboardScene, lookScene, type Scene, type ThumbnailTheme } from './scene'
import { sceneToSvg } from './svg'

export interface ThumbnailRequest {
  /** Path parameter: "look" or "dashboard". */
  type: string
  resourceId: string
  format?: string
  theme?: string
  width?: number
  height?: number
}

export type ThumbnailResult =
  { contentType: 'image/svg+xml'; text: string } | { contentType: 'image/png'; bytes: Uint8Array }

/** SVG's own size, and PNG's when no width or height is asked for (the spec names no default). */
export const DEFAULT_THUMBNAIL = { width: 400, height: 300 }
export const THUMBNAIL_SIZE = { min: 16, max: 2048 }

/**
 * content_thumbnail: an abstract picture of a look's visualization type, or of a dashboard's tiles, light
 * or dark; SVG unless `format=png` (then `width` × `height`, keeping 4:3 when only one is given). Not the
 * data: the same look gives the same picture until its visualization type changes.
 */
export async function contentThumbnail(
  store: SimStore,
  viewer: Viewer,
  request: ThumbnailRequest,
): Promise<ThumbnailResult> {
  if (request.type !== 'look' && request.type !== 'dashboard') {
    throw badRequest(`Invalid type '${request.type}': must be look or dashboard.`)
  }
  const theme = request.theme ?? 'light'
  if (theme !== 'light' && theme !== 'dark')
    throw badRequest(`Invalid theme '${theme}': must be light or dark.`)
  const format = request.format ?? 'svg'
  if (format !== 'svg' && format !== 'png')
    throw badRequest(`Invalid format '${format}': must be png or svg.`)
  const size = format === 'png' ? pngSize(request) : DEFAULT_THUMBNAIL
  const scene = sceneFor(store, viewer, request.type, request.resourceId, theme, size)
  if (format === 'svg') return { contentType: 'image/svg+xml', text: sceneToSvg(scene) }
  return { contentType: 'image/png', bytes: await sceneToPng(scene) }
}

function pngSize(request: ThumbnailRequest): { width: number; height: number } {
  const ratio = DEFAULT_THUMBNAIL.height / DEFAULT_THUMBNAIL.width
  const width =
    request.width ??
    (request.height === undefined ? DEFAULT_THUMBNAIL.width : Math.round(request.height / ratio))
  const height = request.height ?? Math.round(width * ratio)
  const errors: FieldError[] = Object.entries({ width, height })
    .filter(([, v]) => v < THUMBNAIL_SIZE.min || v > THUMBNAIL_SIZE.max)
    .map(([field]) => ({
      field,
      code: 'invalid',
      message: `must be between ${THUMBNAIL_SIZE.min} and ${THUMBNAIL_SIZE.max} pixels`,
    }))
  if (errors.length > 0) throw validationFailed(errors)
  return { width, height }
}

function sceneFor(
  store: SimStore,
  viewer: Viewer,
  type: 'look' | 'dashboard',
  id: string,
  theme: ThumbnailTheme,
  { width, height }: { width: number; height: number },
): Scene {
  if (type === 'look') {
    // Admins see trashed looks (the Trash shows thumbnails too); others only live ones they may see.
    const look = store.look(id)
    if (!look || !canSeeLook(viewer, look)) throw notFound()
    const visType = store.query(look.query_id)?.vis_config?.type
    return lookScene(typeof visType === 'string' ? visType : null, `look:${look.id}`, theme, width, height)
  }
  const dashboard = visibleDashboard(store, viewer, id)
  const types = tilesOf(dashboard).map((tile) => visTypeOfTile(store, tile))
  return dashboardScene(types, `dashboard:${dashboard.record.id}`, theme, width, height)
}
