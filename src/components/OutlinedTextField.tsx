import FormControl from '@mui/material/FormControl'
import FormHelperText from '@mui/material/FormHelperText'
import InputLabel from '@mui/material/InputLabel'
import OutlinedInput, { type OutlinedInputProps } from '@mui/material/OutlinedInput'
import { useId, type ReactNode } from 'react'

interface Props extends Omit<OutlinedInputProps, 'label'> {
  label: string
  helperText?: ReactNode
}

/**
 * MUI's outlined TextField without its `select` mode, with the same parts and labelling (FormControl,
 * InputLabel, OutlinedInput, FormHelperText). TextField imports Select, and with it Menu, Popover and
 * Modal, for that mode alone: ~15 KB gzip that a page showing a plain field first does not need.
 */
export function OutlinedTextField({ label, helperText, size, sx, id, ...input }: Props) {
  const generated = useId()
  const inputId = id ?? generated
  const helperId = helperText ? `${inputId}-helper-text` : undefined
  return (
    <FormControl variant="outlined" size={size} sx={sx}>
      <InputLabel htmlFor={inputId} id={`${inputId}-label`}>
        {label}
      </InputLabel>
      <OutlinedInput id={inputId} label={label} size={size} aria-describedby={helperId} {...input} />
      {helperText && <FormHelperText id={helperId}>{helperText}</FormHelperText>}
    </FormControl>
  )
}
