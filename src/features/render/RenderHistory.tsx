import CompareIcon from '@mui/icons-material/Compare'
import Box from '@mui/material/Box'
import ButtonBase from '@mui/material/ButtonBase'
import Checkbox from '@mui/material/Checkbox'
import Stack from '@mui/material/Stack'
import Tooltip from '@mui/material/Tooltip'
import Typography from '@mui/material/Typography'
import { HISTORY_LIMIT, versionLabel, type RenderHistoryEntry } from './renderHistory'
import { useObjectUrl } from '../../lib/useObjectUrl'

function Thumbnail({ entry }: { entry: RenderHistoryEntry }) {
  const url = useObjectUrl(entry.blob)
  return (
    <Box sx={{ width: 120, height: 80, display: 'grid', placeItems: 'center', bgcolor: 'action.hover' }}>
      {url && <img src={url} alt="" style={{ maxWidth: '100%', maxHeight: '100%', display: 'block' }} />}
    </Box>
  )
}

/**
 * This session's renders, saved and adjusted ones labelled: click one to view it, tick two to compare
 * them side by side.
 */
export function RenderHistory({
  entries,
  selected,
  compared,
  onSelect,
  onToggleCompare,
}: {
  entries: RenderHistoryEntry[]
  selected: string | null
  compared: string[]
  onSelect: (taskId: string) => void
  onToggleCompare: (taskId: string) => void
}) {
  if (entries.length === 0) return null
  return (
    <Stack spacing={1} component="section" aria-label="Render history">
      {/* Styled small, but an h2 in the outline: the page's h1, then the panel's sections (as Dashboards). */}
      <Typography variant="subtitle2" component="h2">
        Renders this session{' '}
        <Typography component="span" variant="caption" color="text.secondary">
          (last {HISTORY_LIMIT}; tick two to compare)
        </Typography>
      </Typography>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }} role="list">
        {entries.map((entry) => {
          const size = `${entry.width} × ${entry.height} ${entry.format.toUpperCase()}`
          // Saved and adjusted renders sit side by side: each says which it is.
          const name = `${size}, ${versionLabel(entry)}`
          const isCompared = compared.includes(entry.taskId)
          return (
            <Stack
              key={entry.taskId}
              role="listitem"
              sx={{
                border: 2,
                borderColor: entry.taskId === selected ? 'primary.main' : 'divider',
                borderRadius: 1,
                p: 0.5,
              }}
            >
              <ButtonBase onClick={() => onSelect(entry.taskId)} aria-label={`View render ${name}`}>
                <Thumbnail entry={entry} />
              </ButtonBase>
              <Stack direction="row" sx={{ alignItems: 'center' }}>
                <Stack sx={{ flexGrow: 1, px: 0.5, maxWidth: 120, minWidth: 0 }}>
                  <Typography variant="caption">{size}</Typography>
                  <Typography
                    variant="caption"
                    color={entry.variant === null ? 'text.secondary' : 'text.primary'}
                    sx={{ fontWeight: entry.variant === null ? undefined : 600 }}
                    title={versionLabel(entry)}
                    noWrap
                  >
                    {entry.variant === null ? 'Saved look' : 'Adjusted'}
                  </Typography>
                </Stack>
                <Tooltip title="Compare">
                  <Checkbox
                    size="small"
                    icon={<CompareIcon fontSize="small" />}
                    checkedIcon={<CompareIcon fontSize="small" color="primary" />}
                    checked={isCompared}
                    onChange={() => onToggleCompare(entry.taskId)}
                    slotProps={{ input: { 'aria-label': `Compare ${name}` } }}
                  />
                </Tooltip>
              </Stack>
            </Stack>
          )
        })}
      </Stack>
    </Stack>
  )
}
