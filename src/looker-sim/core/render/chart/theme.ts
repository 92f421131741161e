import type { Rect, Rgb } from '../raster.ts'
import { capHeight } from '../text.ts'

/** Looker's classic series palette, in its order. */
export const PALETTE: readonly Rgb[] = [
  0x3eb0d5, 0xb1399e, 0xc2dd67, 0x592ec2, 0x4276be, 0x72d16d, 0xffd95f, 0xb32f37, 0x9174f0, 0xe57947,
  0x75e2e2, 0xfbb555,
]

export const COLORS = {
  title: 0x262d33,
  text: 0x3a4245,
  muted: 0x707781,
  grid: 0xe4e7eb,
  axis: 0xb8bec6,
  headerFill: 0xf4f6f8,
  zebra: 0xfafbfc,
  border: 0xdde1e5,
  background: 0xffffff,
} as const

export function seriesColor(index: number): Rgb {
  return PALETTE[index % PALETTE.length] ?? 0x3eb0d5
}

/** Font scales and spacing for one chart box, derived from its size so any size from 100 px to 4096 px reads well. */
export interface ChartTheme {
  rect: Rect
  /** Scale for tick labels, legends and table cells. */
  label: number
  /** Scale for the title. */
  title: number
  /** Padding unit in pixels. */
  pad: number
  /** Line width for line and area series. */
  stroke: number
}

/**
 * The theme for `rect`. `pixelRatio` (an integer, like a browser's devicePixelRatio) says how many
 * raster pixels make one layout pixel: a chart for print is laid out as if it were `1/pixelRatio` the
 * size and then drawn with everything scaled up, so its text is as legible as on screen.
 */
export function themeFor(rect: Rect, pixelRatio = 1): ChartTheme {
  const ratio = Math.max(1, Math.round(pixelRatio))
  const width = rect.width / ratio
  const height = rect.height / ratio
  const label = Math.max(1, Math.floor(Math.min(width * 0.75, height) / 480))
  const title = Math.min(width, height) >= 300 ? label + 1 : label
  return {
    rect,
    label: label * ratio,
    title: title * ratio,
    pad: Math.max(3, Math.round(capHeight(label) * 1.2)) * ratio,
    stroke: Math.max(1.5, label * 1.75) * ratio,
  }
}
