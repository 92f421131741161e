import { formatCell, type ValueFormat } from '../render/chart/format'
import type { DataColumn, DataRow } from '../render/data'
import { buildZip } from './zip'

export const XLSX_CONTENT_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'

export interface SheetInput {
  columns: readonly DataColumn[]
  rows: readonly DataRow[]
  /** Per column: how its numbers read for people; used for number formats when `applyFormatting`. */
  formats: ReadonlyMap<string, ValueFormat | null>
  applyFormatting: boolean
  /** When the results were produced: the archive's timestamps. */
  createdAt: number
}

const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main'
const NS_REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships'
const NS_PKG_REL = 'http://schemas.openxmlformats.org/package/2006/relationships'
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'

/** Cell styles (cellXfs indexes in styles.xml). */
const STYLE = { header: 1, currency: 2, percent: 3, integer: 4, decimal: 5 } as const

// Characters XML 1.0 forbids (control characters other than tab and line breaks) are dropped.
// eslint-disable-next-line no-control-regex
const INVALID_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g
const xml = (text: string) =>
  text
    .replace(INVALID_XML, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')

/** 0 → "A", 25 → "Z", 26 → "AA". */
export function columnName(index: number): string {
  let name = ''
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name
  return name
}

function numberStyle(format: ValueFormat | null, value: number): number | null {
  if (format === 'currency') return STYLE.currency
  if (format === 'percent') return STYLE.percent
  if (format === 'number') return Number.isInteger(value) ? STYLE.integer : STYLE.decimal
  return null
}

function cell(ref: string, value: unknown, format: ValueFormat | null, applyFormatting: boolean): string {
  if (value === null || value === undefined) return ''
  if (typeof value === 'number' && Number.isFinite(value)) {
    const style = applyFormatting ? numberStyle(format, value) : null
    return `<c r="${ref}"${style === null ? '' : ` s="${style}"`}><v>${value}</v></c>`
  }
  return inlineString(ref, formatCell(value, null))
}

const inlineString = (ref: string, text: string, style?: number) =>
  `<c r="${ref}"${style === undefined ? '' : ` s="${style}"`} t="inlineStr"><is><t xml:space="preserve">${xml(text)}</t></is></c>`

function worksheet(input: SheetInput): string {
  const { columns, rows, formats, applyFormatting } = input
  const header = columns.map((c, i) => inlineString(`${columnName(i)}1`, c.label, STYLE.header)).join('')
  const body = rows.map((row, r) => {
    const cells = columns.map((c, i) =>
      cell(`${columnName(i)}${r + 2}`, row[c.name], formats.get(c.name) ?? null, applyFormatting),
    )
    return `<row r="${r + 2}">${cells.join('')}</row>`
  })
  // Widths from the longest text in each column (as shown), so the sheet opens readable.
  const widths = columns.map((c) => {
    const longest = rows.reduce(
      (max, row) => Math.max(max, formatCell(row[c.name], formats.get(c.name) ?? null).length),
      c.label.length,
    )
    return Math.min(60, longest + 2)
  })
  const last = `${columnName(Math.max(0, columns.length - 1))}${rows.length + 1}`
  return (
    XML_HEAD +
    `<worksheet xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
    `<dimension ref="A1:${last}"/>` +
    '<sheetViews><sheetView workbookViewId="0">' +
    '<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/>' +
    '</sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (columns.length > 0
      ? `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`
      : '') +
    `<sheetData><row r="1">${header}</row>${body.join('')}</sheetData>` +
    '</worksheet>'
  )
}

const STYLES =
  XML_HEAD +
  `<styleSheet xmlns="${NS_MAIN}">` +
  '<numFmts count="2"><numFmt numFmtId="164" formatCode="&quot;$&quot;#,##0.00"/>' +
  '<numFmt numFmtId="165" formatCode="0.0%"/></numFmts>' +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font>' +
  '<font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="6">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>' +
  '<xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="165" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="3" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="4" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '</cellXfs>' +
  '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
  '</styleSheet>'

const CONTENT_TYPES =
  XML_HEAD +
  '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">' +
  '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
  '<Default Extension="xml" ContentType="application/xml"/>' +
  '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
  '<Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>' +
  '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
  '</Types>'

const ROOT_RELS =
  XML_HEAD +
  `<Relationships xmlns="${NS_PKG_REL}">` +
  `<Relationship Id="rId1" Type="${NS_REL}/officeDocument" Target="xl/workbook.xml"/>` +
  '</Relationships>'

const WORKBOOK =
  XML_HEAD +
  `<workbook xmlns="${NS_MAIN}" xmlns:r="${NS_REL}">` +
  '<sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets>' +
  '</workbook>'

const WORKBOOK_RELS =
  XML_HEAD +
  `<Relationships xmlns="${NS_PKG_REL}">` +
  `<Relationship Id="rId1" Type="${NS_REL}/worksheet" Target="worksheets/sheet1.xml"/>` +
  `<Relationship Id="rId2" Type="${NS_REL}/styles" Target="styles.xml"/>` +
  '</Relationships>'

/**
 * An Office Open XML workbook (ECMA-376, SpreadsheetML) with one sheet: the column labels in a bold,
 * frozen first row, then one row per result row. Numbers are numeric cells (with number formats when
 * formatting is applied), text uses inline strings, nulls are empty cells.
 */
export function buildXlsx(input: SheetInput): Promise<Uint8Array> {
  const encoder = new TextEncoder()
  const part = (name: string, text: string) => ({ name, data: encoder.encode(text) })
  return buildZip(
    [
      part('[Content_Types].xml', CONTENT_TYPES),
      part('_rels/.rels', ROOT_RELS),
      part('xl/workbook.xml', WORKBOOK),
      part('xl/_rels/workbook.xml.rels', WORKBOOK_RELS),
      part('xl/styles.xml', STYLES),
      part('xl/worksheets/sheet1.xml', worksheet(input)),
    ],
    input.createdAt,
  )
}
