import Alert from '@mui/material/Alert'
import Box from '@mui/material/Box'
import Button from '@mui/material/Button'
import Typography from '@mui/material/Typography'
import UploadFileOutlined from '@mui/icons-material/UploadFileOutlined'
import { useState, type DragEvent } from 'react'
import { readLooksBackupFile } from '../../../api/lookBackupFile'
import type { LooksBackup } from '../../../api/lookBackupFormat'

interface Props {
  onOpened: (backup: LooksBackup, fileName: string) => void
  /** True once a backup is open: the prompt then offers another file. */
  hasBackup: boolean
}

/**
 * Choose or drop a looks backup. A file that is not one is refused with its first problem named, and
 * changes nothing (a backup already open stays open).
 */
export function BackupFileInput({ onOpened, hasBackup }: Props) {
  const [refused, setRefused] = useState<{ fileName: string; problem: string } | null>(null)
  const [reading, setReading] = useState(false)
  const [over, setOver] = useState(false)

  const open = async (file: File | undefined) => {
    if (!file) return
    setReading(true)
    try {
      const result = await readLooksBackupFile(file)
      if (result.ok) {
        setRefused(null)
        onOpened(result.backup, file.name)
      } else setRefused({ fileName: file.name, problem: result.problem })
    } finally {
      setReading(false)
    }
  }
  const onDrop = (e: DragEvent) => {
    e.preventDefault()
    setOver(false)
    void open(e.dataTransfer.files[0])
  }

  return (
    <>
      <Box
        onDragOver={(e) => {
          e.preventDefault()
          setOver(true)
        }}
        onDragLeave={() => setOver(false)}
        onDrop={onDrop}
        sx={{
          p: 2,
          border: 2,
          borderStyle: 'dashed',
          borderColor: over ? 'primary.main' : 'divider',
          borderRadius: 1,
          display: 'flex',
          flexWrap: 'wrap',
          alignItems: 'center',
          gap: 2,
        }}
      >
        <Button
          variant={hasBackup ? 'outlined' : 'contained'}
          component="label"
          startIcon={<UploadFileOutlined />}
          disabled={reading}
        >
          {hasBackup ? 'Open another backup…' : 'Open a backup file…'}
          <input
            hidden
            type="file"
            accept="application/json,.json"
            aria-label="Backup file"
            onChange={(e) => {
              void open(e.target.files?.[0])
              // The same file can be chosen again after it is fixed.
              e.target.value = ''
            }}
          />
        </Button>
        <Typography variant="body2" color="text.secondary">
          {reading
            ? 'Reading the file…'
            : 'or drop it here. Lookbook saves one before every permanent delete (a .json file).'}
        </Typography>
      </Box>
      {refused && (
        <Alert severity="error" sx={{ mt: 2, overflowWrap: 'anywhere' }} onClose={() => setRefused(null)}>
          “{refused.fileName}” was not opened, and nothing was changed. {refused.problem}
        </Alert>
      )}
    </>
  )
}
