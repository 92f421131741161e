import Typography from '@mui/material/Typography'
import { PageLayout } from '../../components/PageLayout'

export function TrashPage() {
  return (
    <PageLayout title="Trash">
      <Typography>The admin trash arrives with the trash issue.</Typography>
    </PageLayout>
  )
}
