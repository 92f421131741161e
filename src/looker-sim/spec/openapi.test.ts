// @vitest-environment node
import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { validate, type OpenApiDocument } from './openapi'
import { checkAnswer, type Answer } from './responses'

const doc = JSON.parse(
  readFileSync(
    fileURLToPath(new URL('../../../vendor/looker-api/Looker.4.0.oas.json', import.meta.url)),
    'utf8',
  ),
) as OpenApiDocument
const RENDER_TASK = { $ref: '#/components/schemas/RenderTask' }
const op = (path: string, method: string) => doc.paths[path]![method]!

const task = {
  id: '7',
  status: 'rendering',
  created_at: '2026-11-01T09:00:00.000Z',
  width: 800,
  height: 600,
  can: {},
  look_id: '1',
}

function answer(status: number, body: unknown, headers: Record<string, string> = {}): Answer {
  const text = body === undefined ? '' : typeof body === 'string' ? body : JSON.stringify(body)
  const json = body !== undefined && typeof body !== 'string'
  const contentType = headers['Content-Type'] ?? (json ? 'application/json; charset=utf-8' : null)
  return { status, contentType, headers: new Headers(headers), text, bytes: text.length }
}

describe('the spec validator', () => {
  it('accepts a body with the schema’s fields and types', () => {
    expect(validate(doc, RENDER_TASK, task)).toEqual([])
    expect(validate(doc, RENDER_TASK, { ...task, runtime: null, finalized_at: null })).toEqual([])
  })

  it('refuses unknown fields, wrong types, forbidden nulls and missing required fields', () => {
    expect(validate(doc, RENDER_TASK, { ...task, pdf_paper_size: 'a4' })).toEqual([
      '$: unknown field "pdf_paper_size"',
    ])
    expect(validate(doc, RENDER_TASK, { ...task, width: '800' })).toEqual([
      '$.width: expected an integer, got string "800"',
    ])
    expect(validate(doc, RENDER_TASK, { ...task, id: null })).toEqual(['$.id: null is not allowed'])
    expect(validate(doc, RENDER_TASK, { ...task, can: { show: 'yes' } })).toEqual([
      '$.can.show: expected a boolean, got string "yes"',
    ])
    expect(validate(doc, { $ref: '#/components/schemas/Error' }, { message: 'x' })).toEqual([
      '$: required field "documentation_url" is missing',
    ])
    expect(validate(doc, { type: 'array', items: RENDER_TASK }, [task, 3])).toEqual([
      '$[1]: expected an object, got number 3',
    ])
    expect(
      validate(
        doc,
        { $ref: '#/components/schemas/CreateQueryTask' },
        { result_format: 'gif', query_id: '1' },
      ),
    ).toHaveLength(1)
    // An `enum` on an array lists its allowed items (the spec's own descriptions say so).
    const types = { type: 'array', items: { type: 'string' }, enum: ['string', 'number'] }
    expect(validate(doc, types, ['number', 'string'])).toEqual([])
    expect(validate(doc, types, ['number', 'yaml'])).toEqual(['$[1]: "yaml" is not one of string, number'])
  })
})

describe('answers against an operation', () => {
  const renderTask = op('/render_tasks/{render_task_id}', 'get')
  const results = op('/render_tasks/{render_task_id}/results', 'get')
  const queryResults = op('/query_tasks/{query_task_id}/results', 'get')

  it('fails an undocumented status, a Retry-After the spec does not document, and a 204 with a body', () => {
    expect(checkAnswer(doc, renderTask, answer(500, { message: 'x', documentation_url: 'y' }))).toEqual([
      'render_task 500: status not documented for this operation',
    ])
    expect(checkAnswer(doc, renderTask, answer(200, task, { 'Retry-After': '3' }))).toEqual([
      'render_task 200: Retry-After is not documented here',
    ])
    expect(checkAnswer(doc, op('/looks/{look_id}', 'delete'), answer(204, 'gone'))).toEqual([
      'delete_look 204: a body where the spec documents none',
    ])
    expect(checkAnswer(doc, renderTask, answer(200, { ...task, extra: 1 }))).toEqual([
      'render_task 200: $: unknown field "extra"',
    ])
  })

  it('allows what real instances send: 401 with an Error body, the documented results 202 and its Retry-After', () => {
    const error = {
      message: 'Requires authentication.',
      documentation_url: 'https://cloud.google.com/looker/docs/',
    }
    expect(checkAnswer(doc, renderTask, answer(401, error))).toEqual([])
    expect(checkAnswer(doc, renderTask, answer(401, { message: 'no' }))).toHaveLength(1)
    expect(checkAnswer(doc, results, answer(202, undefined, { 'Retry-After': '1' }))).toEqual([])
    expect(checkAnswer(doc, results, answer(202, 'not yet'))).toEqual([
      'render_task_results 202: a body where the spec documents none',
    ])
  })

  it('follows the operation where the spec contradicts itself', () => {
    // Errors of render_task_results are listed under image types only; they are JSON Error bodies.
    const missing = { message: 'Not found', documentation_url: 'https://cloud.google.com/looker/docs/' }
    expect(checkAnswer(doc, results, answer(404, missing))).toEqual([])
    expect(checkAnswer(doc, results, answer(404, { message: 'Not found' }))).toHaveLength(1)
    // Results typed as a JSON "string" are the JSON of the format asked for.
    expect(checkAnswer(doc, queryResults, answer(200, [{ 'orders.count': 3 }]))).toEqual([])
    expect(checkAnswer(doc, queryResults, answer(200, 'a,b\n1,2\n', { 'Content-Type': 'text/csv' }))).toEqual(
      [],
    )
    expect(checkAnswer(doc, results, answer(200, 'PNG', { 'Content-Type': 'image/png' }))).toEqual([])
    expect(checkAnswer(doc, results, answer(200, 'GIF', { 'Content-Type': 'image/gif' }))).toEqual([
      'render_task_results 200: content type image/gif is not documented',
    ])
  })
})
