import type { Raster, Rect } from '../raster.ts'
import { capHeight, drawText, fitText, lineHeight, measureText } from '../text.ts'
import { drawLegend, legendHeight, type LegendItem } from './legend.ts'
import type { ChartModel } from './model.ts'
import { COLORS, seriesColor, type ChartTheme } from './theme.ts'

/** Beyond this many slices the smallest merge into "Other": thin wedges are unreadable. */
const MAX_SLICES = 12

interface Slice {
  name: string
  value: number
}

function slicesOf(model: ChartModel): Slice[] {
  const values = model.series[0]?.values ?? []
  const slices = model.categories
    .map((name, i) => ({ name, value: values[i] ?? 0 }))
    .filter((s) => s.value > 0)
  if (slices.length <= MAX_SLICES) return slices
  const kept = [...slices].sort((a, b) => b.value - a.value).slice(0, MAX_SLICES - 1)
  const keptNames = new Set(kept.map((s) => s.name))
  const other = slices.filter((s) => !keptNames.has(s.name)).reduce((sum, s) => sum + s.value, 0)
  return [...slices.filter((s) => keptNames.has(s.name)), { name: 'Other', value: other }]
}

const percent = (share: number) => `${(share * 100).toFixed(share < 0.1 ? 1 : 0)}%`

/** A vertical legend: swatch, name and share per line, vertically centred in `box`. */
function drawSideLegend(raster: Raster, items: LegendItem[], shares: number[], box: Rect, theme: ChartTheme) {
  const line = lineHeight(theme.label) + Math.round(theme.pad / 3)
  const swatch = capHeight(theme.label)
  const visible = Math.max(1, Math.min(items.length, Math.floor(box.height / line)))
  let y = box.y + Math.max(0, (box.height - visible * line) / 2)
  for (let i = 0; i < visible; i++) {
    const item = items[i]
    if (!item) break
    const share = percent(shares[i] ?? 0)
    const shareWidth = measureText(share, theme.label)
    raster.fillRect(box.x, y, swatch, swatch, item.color)
    const nameRoom = box.width - swatch - theme.pad * 2 - shareWidth
    drawText(raster, fitText(item.name, nameRoom, theme.label), box.x + swatch + theme.pad, y, {
      scale: theme.label,
      color: COLORS.text,
    })
    drawText(raster, share, box.x + box.width, y, { scale: theme.label, color: COLORS.muted, align: 'right' })
    y += line
  }
}

/** Pie (or donut) of the first measure across categories, with a legend beside or below it. */
export function drawPie(
  raster: Raster,
  model: ChartModel,
  area: Rect,
  theme: ChartTheme,
  donut = false,
): void {
  const slices = slicesOf(model)
  const total = slices.reduce((sum, s) => sum + s.value, 0)
  if (total <= 0) return
  const items = slices.map((s, i) => ({ name: s.name, color: seriesColor(i) }))
  const shares = slices.map((s) => s.value / total)
  let pieBox: Rect = area
  if (area.width >= 160 && area.height >= 100) {
    const sideways = area.width >= area.height * 1.25
    if (sideways) {
      const widest = Math.max(
        ...items.map((it, i) => measureText(`${it.name}  ${percent(shares[i] ?? 0)}`, theme.label)),
      )
      const legendWidth = Math.min(area.width * 0.42, widest + capHeight(theme.label) + theme.pad * 2)
      const legend = {
        x: area.x + area.width - legendWidth - theme.pad,
        y: area.y,
        width: legendWidth,
        height: area.height,
      }
      drawSideLegend(raster, items, shares, legend, theme)
      pieBox = { ...area, width: area.width - legendWidth - theme.pad * 2 }
    } else {
      const width = area.width - theme.pad * 2
      const height = legendHeight(items, width, theme, 3)
      drawLegend(raster, items, area.x + theme.pad, area.y + area.height - height, width, theme, 3)
      pieBox = { ...area, height: area.height - height - theme.pad }
    }
  }
  const radius = Math.max(1, Math.min(pieBox.width, pieBox.height) / 2 - theme.pad)
  const cx = pieBox.x + pieBox.width / 2
  const cy = pieBox.y + pieBox.height / 2
  const inner = donut ? radius * 0.55 : 0
  let angle = 0
  slices.forEach((slice, i) => {
    const sweep = (slice.value / total) * Math.PI * 2
    raster.fillWedge(cx, cy, radius, angle, angle + sweep, seriesColor(i), inner)
    angle += sweep
  })
  // White separators between wedges, as Looker draws them; they also hide anti-aliasing seams.
  const separator = Math.max(1, radius / 90)
  angle = 0
  if (slices.length > 1) {
    for (const slice of slices) {
      raster.line(
        cx,
        cy,
        cx + Math.sin(angle) * radius * 1.01,
        cy - Math.cos(angle) * radius * 1.01,
        separator,
        COLORS.background,
      )
      angle += (slice.value / total) * Math.PI * 2
    }
  }
  if (donut) raster.fillCircle(cx, cy, inner, COLORS.background)
  // Shares on the wedges large enough to hold them.
  angle = 0
  const labelRadius = donut ? (radius + inner) / 2 : radius * 0.64
  slices.forEach((slice) => {
    const share = slice.value / total
    const mid = angle + share * Math.PI
    angle += share * Math.PI * 2
    const text = percent(share)
    const arc = share * Math.PI * 2 * labelRadius
    if (arc < measureText(text, theme.label) * 1.6 || radius < 40) return
    const x = cx + Math.sin(mid) * labelRadius
    const y = cy - Math.cos(mid) * labelRadius - capHeight(theme.label) / 2
    drawText(raster, text, x, y, { scale: theme.label, color: COLORS.background, align: 'center' })
  })
}
