import type { Scene, Shape } from './scene'

const n = (value: number) => String(Math.round(value * 100) / 100)
const hex = (color: number) => `#${color.toString(16).padStart(6, '0')}`
const pt = (x: number, y: number) => `${n(x)},${n(y)}`

/** Point on a circle, angle clockwise from 12 o'clock (as pie charts are read). */
const polar = (cx: number, cy: number, r: number, a: number) => pt(cx + Math.sin(a) * r, cy - Math.cos(a) * r)

function element(shape: Shape): string {
  switch (shape.kind) {
    case 'rect':
      return `<rect x="${n(shape.x)}" y="${n(shape.y)}" width="${n(shape.w)}" height="${n(shape.h)}" fill="${hex(shape.color)}"/>`
    case 'polygon':
      return `<polygon points="${shape.points.map(([x, y]) => pt(x, y)).join(' ')}" fill="${hex(shape.color)}"/>`
    case 'polyline':
      return `<polyline points="${shape.points.map(([x, y]) => pt(x, y)).join(' ')}" fill="none" stroke="${hex(shape.color)}" stroke-width="${n(shape.width)}" stroke-linejoin="round" stroke-linecap="round"/>`
    case 'circle':
      return `<circle cx="${n(shape.cx)}" cy="${n(shape.cy)}" r="${n(shape.r)}" fill="${hex(shape.color)}"/>`
    case 'wedge': {
      const { cx, cy, r, inner, start, end } = shape
      const large = end - start > Math.PI ? 1 : 0
      const outer = `M${polar(cx, cy, r, start)}A${n(r)},${n(r)} 0 ${large} 1 ${polar(cx, cy, r, end)}`
      const back =
        inner > 0
          ? `L${polar(cx, cy, inner, end)}A${n(inner)},${n(inner)} 0 ${large} 0 ${polar(cx, cy, inner, start)}Z`
          : `L${pt(cx, cy)}Z`
      return `<path d="${outer}${back}" fill="${hex(shape.color)}"/>`
    }
  }
}

/** A standalone SVG document: shapes only (no text, scripts or links), sized by its viewBox. */
export function sceneToSvg(scene: Scene): string {
  const { width, height } = scene
  const body = scene.shapes.map(element).join('')
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" ` +
    `viewBox="0 0 ${width} ${height}">${body}</svg>`
  )
}
