import { describe, expect, it } from 'vitest'
import { LookerApiError } from '../../lib/errors'
import {
  DEFAULT_DOWNLOAD,
  downloadErrorText,
  downloadFileName,
  meansTooLarge,
  optionErrors,
  runOptionsOf,
} from './downloadOptions'

const http = (status: number, message = 'Nope') => new LookerApiError({ status, kind: 'http', message })

describe('download options', () => {
  it("map to run_look's parameters like Looker's own dialog", () => {
    expect(runOptionsOf(DEFAULT_DOWNLOAD)).toEqual({
      limit: undefined,
      apply_vis: true,
      apply_formatting: true,
    })
    expect(runOptionsOf({ ...DEFAULT_DOWNLOAD, rows: 'all', applyVis: false })).toEqual({
      limit: -1,
      apply_vis: false,
      apply_formatting: true,
    })
    expect(
      runOptionsOf({ ...DEFAULT_DOWNLOAD, rows: 'custom', customLimit: 250, applyFormatting: false }),
    ).toEqual({
      limit: 250,
      apply_vis: true,
      apply_formatting: false,
    })
    expect(runOptionsOf({ ...DEFAULT_DOWNLOAD, format: 'png', width: 1200, height: 628 })).toEqual({
      image_width: 1200,
      image_height: 628,
    })
  })

  it('name the file after the title and what sets it apart, safe for file systems', () => {
    expect(downloadFileName('Revenue by month', DEFAULT_DOWNLOAD)).toBe('Revenue by month.csv')
    expect(downloadFileName('Revenue by month', { ...DEFAULT_DOWNLOAD, rows: 'all' })).toBe(
      'Revenue by month-all-rows.csv',
    )
    expect(
      downloadFileName('Revenue by month', {
        ...DEFAULT_DOWNLOAD,
        format: 'json_bi',
        rows: 'custom',
        customLimit: 100,
        applyVis: false,
        applyFormatting: false,
      }),
    ).toBe('Revenue by month-100-rows-bi-no-vis-raw.json')
    expect(
      downloadFileName('Revenue by month', { ...DEFAULT_DOWNLOAD, format: 'png', width: 800, height: 600 }),
    ).toBe('Revenue by month-800x600.png')
    expect(downloadFileName('a/b: c?', { ...DEFAULT_DOWNLOAD, format: 'xlsx' })).not.toMatch(/[/:?]/)
  })

  it('refuse a custom limit or image size out of range, before any request', () => {
    const base = { customText: '100', widthText: '800', heightText: '600' }
    expect(optionErrors({ ...base, format: 'csv', rows: 'custom' })).toEqual({})
    expect(optionErrors({ ...base, customText: '0', format: 'csv', rows: 'custom' })).toEqual({
      custom: 'Must be from 1 to 5,000 rows.',
    })
    expect(optionErrors({ ...base, customText: '1.5', format: 'csv', rows: 'custom' })).toEqual({
      custom: 'Enter a whole number of rows.',
    })
    // A custom limit that is not chosen does not block.
    expect(optionErrors({ ...base, customText: 'x', format: 'csv', rows: 'all' })).toEqual({})
    expect(
      optionErrors({ ...base, widthText: '50', heightText: '5000', format: 'jpg', rows: 'displayed' }),
    ).toEqual({
      width: 'Must be from 100 to 4,096 pixels.',
      height: 'Must be from 100 to 4,096 pixels.',
    })
  })

  it('say what went wrong: a 4xx is Looker refusing, 413 and 504 mean too large for this way', () => {
    expect(downloadErrorText(http(404))).toBe(
      'The look is gone or you may no longer see it (Looker answered 404).',
    )
    expect(downloadErrorText(http(400, 'Unsupported format'))).toMatch(
      /^Looker refused the download: .*Unsupported format/,
    )
    expect(downloadErrorText(http(500, 'Boom'))).toMatch(/^The download failed: /)
    expect(meansTooLarge(http(413))).toBe(true)
    expect(meansTooLarge(http(504))).toBe(true)
    expect(meansTooLarge(http(500))).toBe(false)
  })
})
