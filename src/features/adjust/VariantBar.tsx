import DownloadIcon from '@mui/icons-material/Download'
import PublishedWithChangesIcon from '@mui/icons-material/PublishedWithChanges'
import SaveAsIcon from '@mui/icons-material/SaveAsOutlined'
import TuneIcon from '@mui/icons-material/Tune'
import Button from '@mui/material/Button'
import Chip from '@mui/material/Chip'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useId, type Ref } from 'react'
import { GatedButton } from '../../components/GatedButton'
import type { Gate } from './gates'
import type { Change } from './variant'

interface Props {
  adjusted: boolean
  changes: Change[]
  gates: Record<'adjust' | 'saveAs' | 'apply' | 'download', Gate>
  editing: boolean
  headingRef?: Ref<HTMLHeadingElement>
  onAdjust: () => void
  onRemove: (change: Change) => void
  onReset: () => void
  onSaveAs: () => void
  onApply: () => void
  onDownload: () => void
}

/**
 * Says which version of the look the tab shows: "Saved look", or "Adjusted variant" with a chip per
 * change (each removable) and "Reset to the saved look"; and the actions on it.
 */
export function VariantBar({ headingRef, ...props }: Props) {
  const { adjusted, changes, gates } = props
  const hintId = useId()
  return (
    <Stack spacing={1.5}>
      <Stack
        direction={{ xs: 'column', md: 'row' }}
        spacing={1}
        useFlexGap
        sx={{ alignItems: { md: 'center' }, flexWrap: 'wrap' }}
      >
        <Stack sx={{ flexGrow: 1, minWidth: 0 }}>
          <Typography
            ref={headingRef}
            tabIndex={-1}
            variant="subtitle1"
            component="h2"
            sx={{ fontWeight: 600, outline: 'none' }}
          >
            {adjusted ? 'Adjusted variant' : 'Saved look'}
          </Typography>
          <Typography variant="body2" color="text.secondary">
            {adjusted
              ? 'Not saved: a new query with the changes below. The saved look is unchanged.'
              : 'What you see is the look as saved.'}
          </Typography>
        </Stack>
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
          <GatedButton
            reason={gates.adjust.reason}
            onClick={props.onAdjust}
            startIcon={<TuneIcon />}
            variant={props.editing ? 'contained' : 'outlined'}
            aria-expanded={props.editing}
          >
            Adjust
          </GatedButton>
          {gates.saveAs.offered && (
            <GatedButton
              reason={gates.saveAs.reason}
              onClick={props.onSaveAs}
              startIcon={<SaveAsIcon />}
              variant="outlined"
            >
              Save as new look
            </GatedButton>
          )}
          {gates.apply.offered && (
            <GatedButton
              reason={gates.apply.reason}
              onClick={props.onApply}
              startIcon={<PublishedWithChangesIcon />}
              variant="outlined"
            >
              Apply to this look
            </GatedButton>
          )}
          <GatedButton
            reason={gates.download.reason}
            onClick={props.onDownload}
            startIcon={<DownloadIcon />}
            variant="outlined"
          >
            Download…
          </GatedButton>
        </Stack>
      </Stack>
      {adjusted && (
        <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'center' }}>
          <Stack
            component="ul"
            aria-label="Changes from the saved look"
            direction="row"
            spacing={1}
            useFlexGap
            sx={{ flexWrap: 'wrap', m: 0, p: 0, listStyle: 'none', minWidth: 0 }}
          >
            {changes.map((change) => {
              const text =
                change.before !== null && change.after !== null
                  ? `${change.text} (was ${change.before})`
                  : change.text
              return (
                <li key={change.key} style={{ maxWidth: '100%' }}>
                  {/* Focusable: Delete or Backspace undoes the change, as the × does with a pointer. */}
                  <Chip
                    label={text}
                    onDelete={() => props.onRemove(change)}
                    aria-label={text}
                    aria-describedby={hintId}
                    color="info"
                    variant="outlined"
                    sx={{ maxWidth: '100%' }}
                  />
                </li>
              )
            })}
          </Stack>
          <span id={hintId} hidden>
            Press Delete to undo this change.
          </span>
          <Button size="small" onClick={props.onReset}>
            Reset to the saved look
          </Button>
        </Stack>
      )}
    </Stack>
  )
}
