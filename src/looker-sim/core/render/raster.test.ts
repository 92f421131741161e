import { describe, expect, it } from 'vitest'
import { Raster } from './raster.ts'

describe('Raster', () => {
  it('fills pixel-aligned rectangles exactly, clipped to the raster', () => {
    const raster = new Raster(10, 10, 0x000000)
    raster.fillRect(8, 8, 5, 5, 0xff0000)
    expect(raster.getPixel(9, 9)).toEqual([255, 0, 0, 255])
    expect(raster.getPixel(7, 9)).toEqual([0, 0, 0, 255])
  })

  it('anti-aliases polygon edges by coverage', () => {
    const raster = new Raster(10, 10, 0xffffff)
    raster.fillPolygon(
      [
        [
          { x: 2, y: 2 },
          { x: 5.5, y: 2 },
          { x: 5.5, y: 6 },
          { x: 2, y: 6 },
        ],
      ],
      0x000000,
    )
    expect(raster.getPixel(3, 3)[0]).toBe(0)
    expect(raster.getPixel(5, 3)[0]).toBeCloseTo(128, -1)
    expect(raster.getPixel(6, 3)[0]).toBe(255)
  })

  it('unions overlapping pieces of a stroke instead of painting them twice', () => {
    const raster = new Raster(40, 20, 0xffffff)
    const points = [
      { x: 5, y: 10 },
      { x: 20, y: 10 },
      { x: 35, y: 10 },
    ]
    raster.strokePolyline(points, 4, 0x000000, 0.5)
    expect(raster.getPixel(20, 10)).toEqual(raster.getPixel(12, 10))
  })

  it('draws pie wedges that together cover the whole circle', () => {
    const raster = new Raster(50, 50, 0xffffff)
    raster.fillWedge(25, 25, 20, 0, Math.PI, 0x000000)
    raster.fillWedge(25, 25, 20, Math.PI, 2 * Math.PI, 0x000000)
    expect(raster.getPixel(15, 25)[0]).toBe(0)
    expect(raster.getPixel(35, 25)[0]).toBe(0)
    expect(raster.getPixel(25, 12)[0]).toBe(0)
    expect(raster.getPixel(2, 2)[0]).toBe(255)
  })

  it('confines drawing to the clip rectangle', () => {
    const raster = new Raster(20, 20, 0xffffff)
    raster.withClip({ x: 0, y: 0, width: 10, height: 20 }, () => raster.fillCircle(10, 10, 8, 0x000000))
    expect(raster.getPixel(8, 10)[0]).toBe(0)
    expect(raster.getPixel(12, 10)[0]).toBe(255)
  })
})
