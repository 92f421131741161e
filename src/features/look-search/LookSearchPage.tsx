import Typography from '@mui/material/Typography'
import { PageLayout } from '../../components/PageLayout'

export function LookSearchPage() {
  return (
    <PageLayout title="Looks">
      <Typography>Search and browse looks. The search page arrives with the look-search issue.</Typography>
    </PageLayout>
  )
}
