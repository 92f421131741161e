import { renderDashboardImage, renderDashboardPdf, renderLookImage } from '../render'
import { withDeclaredMeasures } from '../seed/field-roles'
import type { QueryRecord } from '../types'
import type { RenderOutput } from './render-tasks'
import type { DashboardFormat, DashboardOptions, ImageFormat } from './validate'

const visTypeOf = (query: QueryRecord) =>
  typeof query.vis_config?.type === 'string' ? query.vis_config.type : 'looker_grid'

/** The look's visualization, drawn from its query's data, at exactly width × height. */
export function drawLook(
  title: string,
  query: QueryRecord,
  format: ImageFormat,
  width: number,
  height: number,
  seed: number,
): Promise<RenderOutput> {
  return renderLookImage({
    title,
    query: withDeclaredMeasures(query),
    visType: visTypeOf(query),
    width,
    height,
    format,
    seed,
  })
}

export function drawQuery(
  query: QueryRecord,
  format: ImageFormat,
  width: number,
  height: number,
  seed: number,
) {
  return drawLook(`${query.model} · ${query.view}`, query, format, width, height, seed)
}

export function drawDashboard(
  title: string,
  tiles: { title: string; query: QueryRecord }[],
  format: DashboardFormat,
  width: number,
  height: number,
  options: DashboardOptions,
  seed: number,
): Promise<RenderOutput> {
  const renderTiles = tiles.map((t) => ({
    title: t.title,
    query: withDeclaredMeasures(t.query),
    visType: visTypeOf(t.query),
  }))
  if (format === 'pdf') {
    const { paperSize, landscape, style } = options
    return renderDashboardPdf({ title, tiles: renderTiles, paperSize, landscape, style, width, height, seed })
  }
  return renderDashboardImage({
    title,
    tiles: renderTiles,
    width,
    height,
    format,
    style: options.style,
    seed,
  })
}
