import { safeFileStem } from '../../lib/fileName'
import type { ExportFormat } from '../../api/queryExport'
import type { DetailCell } from '../../api/queryTasks'

/** Looker's rendered text when it sent one; otherwise the raw value, with ∅ for null as Looker shows. */
export function cellText(cell: DetailCell | undefined): string {
  if (!cell) return ''
  if (cell.rendered != null && cell.rendered !== '') return cell.rendered
  if (cell.value === null) return '∅'
  if (typeof cell.value === 'boolean') return cell.value ? 'Yes' : 'No'
  return String(cell.value)
}

/** `Revenue by month-500-rows.csv`: the title made safe for file systems, then the row limit. */
export function exportFileName(title: string, limit: number, format: ExportFormat): string {
  return `${safeFileStem(title)}-${limit}-rows.${format}`
}
