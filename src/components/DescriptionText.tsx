import Typography from '@mui/material/Typography'

/**
 * A look's or dashboard's description as plain text (never HTML), its line breaks kept; a quiet
 * "No description." when there is none.
 */
export function DescriptionText({ text }: { text?: string | null }) {
  return (
    <Typography sx={{ mb: 2, whiteSpace: 'pre-wrap', color: text ? 'text.primary' : 'text.secondary' }}>
      {text || 'No description.'}
    </Typography>
  )
}
