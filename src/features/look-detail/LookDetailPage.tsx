import Typography from '@mui/material/Typography'
import { PageLayout } from '../../components/PageLayout'

export function LookDetailPage() {
  return (
    <PageLayout title="Look">
      <Typography>The look page arrives with the look-detail issue.</Typography>
    </PageLayout>
  )
}
