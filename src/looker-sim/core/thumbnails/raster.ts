import { encodePng } from '../render/png'
import { Raster } from '../render/raster'
import type { Scene } from './scene'

/** The same scene drawn by the renderer's anti-aliased rasterizer, as PNG. */
export function sceneToPng(scene: Scene): Promise<Uint8Array> {
  const raster = new Raster(scene.width, scene.height)
  for (const shape of scene.shapes) {
    switch (shape.kind) {
      case 'rect':
        raster.fillRect(shape.x, shape.y, shape.w, shape.h, shape.color)
        break
      case 'polygon':
        raster.fillPolygon([shape.points.map(([x, y]) => ({ x, y }))], shape.color)
        break
      case 'polyline':
        raster.strokePolyline(
          shape.points.map(([x, y]) => ({ x, y })),
          shape.width,
          shape.color,
        )
        break
      case 'circle':
        raster.fillCircle(shape.cx, shape.cy, shape.r, shape.color)
        break
      case 'wedge':
        raster.fillWedge(shape.cx, shape.cy, shape.r, shape.start, shape.end, shape.color, shape.inner)
        break
    }
  }
  return encodePng(raster)
}
