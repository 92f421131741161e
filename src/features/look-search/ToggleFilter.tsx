import FormControlLabel from '@mui/material/FormControlLabel'
import Switch from '@mui/material/Switch'
import type { SxProps, Theme } from '@mui/material/styles'

interface Props {
  label: string
  checked: boolean
  onChange: (checked: boolean) => void
  disabled?: boolean
  size?: 'small' | 'medium'
  sx?: SxProps<Theme>
}

/** An on/off filter ("Favorites only", "Include subfolders"): a labelled switch. */
export function ToggleFilter({ label, checked, onChange, disabled, size, sx }: Props) {
  return (
    <FormControlLabel
      sx={sx}
      disabled={disabled}
      control={<Switch size={size} checked={checked} onChange={(_, on) => onChange(on)} />}
      label={label}
    />
  )
}
