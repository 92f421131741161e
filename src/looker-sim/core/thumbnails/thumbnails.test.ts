// @vitest-environment node
import { beforeAll, describe, expect, it } from 'vitest'
import { DEMO_CREDENTIALS, type DemoUserKey } from '../seed'
import { createLookerSim, type LookerSim } from '../sim'
import { decodePng, pngChunks } from '../render/test-support'
import { LOOKS } from '../test-client'

let sim: LookerSim

beforeAll(() => {
  sim = createLookerSim()
})

async function thumbnail(path: string, as: DemoUserKey = 'admin') {
  const token = sim.issueToken(DEMO_CREDENTIALS[as].clientId)
  const response = await sim.handle(
    new Request(`http://sim.test/api/4.0/content_thumbnail/${path}`, {
      headers: { Authorization: `token ${token}` },
    }),
  )
  return { response, bytes: new Uint8Array(await response.arrayBuffer()) }
}

const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes)

describe('content_thumbnail', () => {
  it('is an SVG by default: well-formed, shapes only, no script, text or links', async () => {
    const { response, bytes } = await thumbnail(`look/${LOOKS.conversionPct}`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('image/svg+xml')
    const svg = text(bytes)
    expect(svg).toMatch(
      /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="400" height="300" viewBox="0 0 400 300">/,
    )
    expect(svg.endsWith('</svg>')).toBe(true)
    // Well-formed: every element is self-closing except the root, and only drawing elements appear.
    const tags = [...svg.matchAll(/<\/?([a-zA-Z]+)[^>]*?(\/?)>/g)].map((m) => m[1])
    expect(new Set(tags)).toEqual(new Set(['svg', 'rect']))
    expect(
      svg.replace(/<svg[^>]*>|<\/svg>|<(rect|polygon|polyline|circle|path)( [a-z-]+="[^"<>&]*")*\/>/g, ''),
    ).toBe('')
    expect(svg).not.toMatch(/script|on[a-z]+=|href|<text|Conversion/i)
  })

  it('draws the look’s visualization type, not its data: pies have wedges, tables have none', async () => {
    const pieLook = sim.store.data.looks.find(
      (l) => sim.store.query(l.query_id)?.vis_config?.type === 'looker_pie',
    )!
    expect(text((await thumbnail(`look/${pieLook.id}`)).bytes)).toContain('<path d="M')
    expect(text((await thumbnail(`look/${LOOKS.top10Pct}`)).bytes)).not.toContain('<path')
    const line = sim.store.data.looks.find(
      (l) => sim.store.query(l.query_id)?.vis_config?.type === 'looker_line',
    )!
    expect(text((await thumbnail(`look/${line.id}`)).bytes)).toContain('<polyline')
  })

  it('is light by default and dark when asked; any other theme is a 400', async () => {
    const light = text((await thumbnail(`look/${LOOKS.conversionPct}`)).bytes)
    const dark = text((await thumbnail(`look/${LOOKS.conversionPct}?theme=dark`)).bytes)
    expect(light).toContain('<rect x="0" y="0" width="400" height="300" fill="#ffffff"/>')
    expect(dark).toContain('<rect x="0" y="0" width="400" height="300" fill="#22272d"/>')
    expect(text((await thumbnail(`look/${LOOKS.conversionPct}?theme=light`)).bytes)).toBe(light)
    expect((await thumbnail(`look/${LOOKS.conversionPct}?theme=sepia`)).response.status).toBe(400)
  })

  it('is a PNG of exactly width × height with format=png, light or dark', async () => {
    const { response, bytes } = await thumbnail(`look/${LOOKS.conversionPct}?format=png&width=240&height=180`)
    expect(response.status).toBe(200)
    expect(response.headers.get('Content-Type')).toBe('image/png')
    expect(pngChunks(bytes).every((c) => c.crcOk)).toBe(true)
    const image = await decodePng(bytes)
    expect([image.width, image.height]).toEqual([240, 180])
    expect(image.pixel(1, 1)).toBe(0xffffff)
    const dark = await decodePng(
      (await thumbnail(`dashboard/1?format=png&width=64&height=48&theme=dark`)).bytes,
    )
    expect([dark.width, dark.height]).toEqual([64, 48])
    expect(dark.pixel(0, 47)).toBe(0x16191d)
    const defaults = await decodePng((await thumbnail(`look/${LOOKS.conversionPct}?format=png`)).bytes)
    expect([defaults.width, defaults.height]).toEqual([400, 300])
    const onlyWidth = await decodePng(
      (await thumbnail(`look/${LOOKS.conversionPct}?format=png&width=200`)).bytes,
    )
    expect([onlyWidth.width, onlyWidth.height]).toEqual([200, 150])
  })

  it('checks its parameters: 400 for a bad type, format or number, 422 for a size out of bounds', async () => {
    expect((await thumbnail(`folder/1`)).response.status).toBe(400)
    expect((await thumbnail(`look/1?format=gif`)).response.status).toBe(400)
    expect((await thumbnail(`look/1?format=png&width=wide`)).response.status).toBe(400)
    const tooBig = await thumbnail(`look/1?format=png&width=5000&height=10`)
    expect(tooBig.response.status).toBe(422)
    const body = JSON.parse(text(tooBig.bytes)) as { errors: { field: string }[] }
    expect(body.errors.map((e) => e.field)).toEqual(['width', 'height'])
  })

  it('is 404 for unknown ids and content the caller may not see; admins see the trash', async () => {
    expect((await thumbnail('look/999999')).response.status).toBe(404)
    expect((await thumbnail('dashboard/999')).response.status).toBe(404)
    expect((await thumbnail(`look/${LOOKS.andyScratchpad}`, 'viewer')).response.status).toBe(404)
    expect((await thumbnail(`look/${LOOKS.oldPipelineDeleted}`, 'analyst')).response.status).toBe(404)
    expect((await thumbnail(`look/${LOOKS.oldPipelineDeleted}`, 'admin')).response.status).toBe(200)
    const unauthenticated = await sim.handle(new Request('http://sim.test/api/4.0/content_thumbnail/look/1'))
    expect(unauthenticated.status).toBe(401)
  })

  it('draws dashboards of both kinds, one card per tile, the same bytes every time', async () => {
    const udd = text((await thumbnail('dashboard/1')).bytes)
    const lookml = text(
      (await thumbnail(`dashboard/${encodeURIComponent('ecommerce::business_pulse')}`)).bytes,
    )
    expect(lookml).toContain('<path d="M')
    const cards = (svg: string) => (svg.match(/fill="#dde1e5"/g) ?? []).length
    expect(cards(udd)).toBe(sim.store.dashboard('1')!.elements.length)
    expect(cards(lookml)).toBe(4)
    expect(text((await thumbnail('dashboard/1')).bytes)).toBe(udd)
    const a = (await thumbnail('dashboard/1?format=png&width=320&height=240')).bytes
    const b = (await thumbnail('dashboard/1?format=png&width=320&height=240')).bytes
    expect(b).toEqual(a)
  })
})
