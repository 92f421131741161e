import Alert from '@mui/material/Alert'
import Button from '@mui/material/Button'
import Link from '@mui/material/Link'
import Stack from '@mui/material/Stack'
import Typography from '@mui/material/Typography'
import { useState } from 'react'
import { Link as RouterLink } from 'react-router'
import { folderPickerSource } from '../../../api/folders'
import type { BackupLook, LooksBackup } from '../../../api/lookBackupFormat'
import type { SelectedLook } from '../../../api/lookLists'
import { FolderPickerDialog } from '../../../components/FolderPicker'
import { PageLayout } from '../../../components/PageLayout'
import { When } from '../../../components/When'
import { plural } from '../../../lib/counts'
import { AdminOnly } from '../AdminOnly'
import { BulkRunDialog } from '../BulkRunDialog'
import { countLooks } from '../ConfirmBulkDialog'
import { useBulkLookRun, type RowState } from '../useBulkLookRun'
import { BackupFileInput } from './BackupFileInput'
import { RecreateTable } from './RecreateTable'
import { recreateLooks, type ReadyStep } from './recreateLook'
import type { ChosenFolder } from './recreatePlan'
import { useRecreatePlan } from './useRecreatePlan'

interface Opened {
  backup: LooksBackup
  fileName: string
}

const retryable = (row: RowState) => row.status === 'failed' || row.status === 'stopped'

/** What is open, where it came from and when it was made. */
function BackupSummary({ opened }: { opened: Opened }) {
  const { backup, fileName } = opened
  return (
    <Typography sx={{ mt: 2, overflowWrap: 'anywhere' }}>
      “{fileName}”: {plural(backup.looks.length, 'look')}, backed up <When value={backup.created_at} />
      {backup.created_by?.name ? ` by ${backup.created_by.name}` : ''}
      {backup.source.web_server_url ? ` from ${backup.source.web_server_url}` : ''}.
    </Typography>
  )
}

function RestoreBackup() {
  const [opened, setOpened] = useState<Opened | null>(null)
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set())
  const [chosen, setChosen] = useState<ChosenFolder | null>(null)
  const [picking, setPicking] = useState(false)
  // The plan as confirmed: titles and folders do not change under a running run or its retries.
  const [frozen, setFrozen] = useState<Map<string, { look: BackupLook; step: ReadyStep }> | null>(null)
  const plan = useRecreatePlan(opened?.backup ?? null, selected, chosen)
  const run = useBulkLookRun()

  const chosenRows = plan.rows.filter((r) => selected.has(r.look.id))
  const needFolder = plan.rows.filter(
    (r) => r.step.kind === 'needs-folder' || (r.step.kind === 'ready' && r.step.movedFrom),
  )
  const notReady = chosenRows.filter((r) => r.step.kind !== 'ready')
  const ready = new Map(
    chosenRows.flatMap((r) =>
      r.step.kind === 'ready' ? [[r.look.id, { look: r.look, step: r.step }] as const] : [],
    ),
  )
  const toRun = (): SelectedLook[] =>
    [...ready.values()].map(({ look, step }) => ({
      id: look.id,
      title: look.title,
      folderId: step.folder.id,
      folderName: step.folder.name,
    }))

  const start = () => {
    const confirmed = new Map(ready)
    setFrozen(confirmed)
    void run.start(toRun(), recreateLooks(confirmed), 'Re-created')
  }
  const finish = () => {
    const rows = run.state?.rows ?? {}
    setSelected((prev) => new Set([...prev].filter((id) => rows[id]?.status !== 'succeeded')))
    setFrozen(null)
    run.reset()
  }
  const nRetry = run.state ? Object.values(run.state.rows).filter(retryable).length : 0

  return (
    <>
      <Typography sx={{ mb: 2, maxWidth: '70ch' }}>
        Open a looks backup to make its looks again: each gets a new query with the saved definition and a new
        look with its title and description. Nothing is changed until you confirm.
      </Typography>
      <BackupFileInput
        hasBackup={opened !== null}
        onOpened={(backup, fileName) => {
          setOpened({ backup, fileName })
          setSelected(new Set(backup.looks.map((l) => l.id)))
          setChosen(null)
        }}
      />
      {opened && (
        <>
          <BackupSummary opened={opened} />
          {needFolder.length > 0 && (
            <Alert
              severity="warning"
              sx={{ mt: 2 }}
              action={
                <Button
                  color="inherit"
                  size="small"
                  onClick={() => setPicking(true)}
                  sx={{ whiteSpace: 'nowrap' }}
                >
                  {chosen ? 'Change folder…' : 'Choose a folder…'}
                </Button>
              }
            >
              {needFolder.length === 1
                ? `1 look’s folder is gone. ${chosen ? `It goes into “${chosen.name}”.` : 'Choose a folder to re-create it in.'}`
                : `${needFolder.length} looks’ folders are gone. ${chosen ? `They go into “${chosen.name}”.` : 'Choose a folder to re-create them in.'}`}
            </Alert>
          )}
          <RecreateTable
            rows={plan.rows}
            selected={selected}
            onToggle={(id, on) =>
              setSelected((prev) => {
                const next = new Set(prev)
                if (on) next.add(id)
                else next.delete(id)
                return next
              })
            }
            onToggleAll={(on) => setSelected(new Set(on ? opened.backup.looks.map((l) => l.id) : []))}
          />
          <Stack
            direction="row"
            spacing={2}
            sx={{ mt: 2, alignItems: 'center', flexWrap: 'wrap' }}
            useFlexGap
          >
            <Button
              variant="contained"
              disabled={chosenRows.length === 0 || notReady.length > 0}
              onClick={start}
            >
              Re-create {countLooks(chosenRows.length)}
            </Button>
            <Typography variant="body2" color="text.secondary" role="status">
              {chosenRows.length === 0
                ? 'Select the looks to re-create.'
                : notReady.some((r) => r.step.kind === 'needs-folder')
                  ? 'Choose a folder for the looks whose folder is gone, or leave them out.'
                  : notReady.some((r) => r.step.kind === 'check-failed')
                    ? 'Some folders could not be checked.'
                    : notReady.length > 0
                      ? 'Checking folders and titles…'
                      : `${plural(chosenRows.length, 'look')} will be made again.`}
            </Typography>
            {notReady.some((r) => r.step.kind === 'check-failed') && (
              <Button onClick={plan.retry}>Check again</Button>
            )}
          </Stack>
        </>
      )}
      <FolderPickerDialog
        source={folderPickerSource}
        open={picking}
        title="Re-create looks whose folder is gone in…"
        confirmLabel="Use this folder"
        requireEditable
        onCancel={() => setPicking(false)}
        onConfirm={(folder) => {
          if (!folder.id) return
          setPicking(false)
          setChosen({ id: folder.id, name: folder.name ?? `Folder ${folder.id}` })
        }}
      />
      {frozen && run.state && (
        <BulkRunDialog
          title={`Re-creating ${countLooks(run.state.looks.length)}`}
          state={run.state}
          onStop={run.stop}
          onClose={finish}
          endActions={
            nRetry > 0 && (
              <Button
                color="warning"
                onClick={() => void run.rerun(retryable, recreateLooks(frozen), 'Re-created')}
              >
                Retry failed ({nRetry})
              </Button>
            )
          }
        />
      )}
    </>
  )
}

/** /trash/restore-backup: admins open a looks backup and make chosen looks again. */
export function RestoreBackupPage() {
  return (
    <PageLayout
      title="Re-create looks from a backup"
      above={
        <Link component={RouterLink} to="/trash" variant="body2">
          ‹ Trash
        </Link>
      }
    >
      <AdminOnly>{() => <RestoreBackup />}</AdminOnly>
    </PageLayout>
  )
}
