import Breadcrumbs from '@mui/material/Breadcrumbs'
import Link from '@mui/material/Link'
import Skeleton from '@mui/material/Skeleton'
import Typography from '@mui/material/Typography'
import { useQuery } from '@tanstack/react-query'
import { Link as RouterLink } from 'react-router'
import { folderQueries } from '../../api/folders'

/** Looks › Shared › Sales › Pipeline: the look's folder path; each folder opens the search scoped to it. */
export function LookBreadcrumb({
  folderId,
  folderName,
}: {
  folderId: string | null
  folderName?: string | null
}) {
  const ancestors = useQuery({ ...folderQueries.ancestors(folderId ?? ''), enabled: folderId !== null })
  const folder = useQuery({ ...folderQueries.detail(folderId ?? ''), enabled: folderId !== null })
  const name = folder.data?.name ?? folderName
  const trail = [...(ancestors.data ?? []).map((f) => ({ id: f.id ?? '', name: f.name ?? `Folder ${f.id}` }))]
  if (folderId && name) trail.push({ id: folderId, name })
  return (
    <Breadcrumbs aria-label="Folder path" sx={{ mb: 1 }}>
      <Link component={RouterLink} to="/looks" color="inherit">
        Looks
      </Link>
      {ancestors.isPending && folderId !== null && <Skeleton width={160} aria-label="Loading folder path" />}
      {trail.map((item) => (
        <Link
          key={item.id}
          component={RouterLink}
          to={`/looks?folder=${encodeURIComponent(item.id)}`}
          color="inherit"
        >
          {item.name}
        </Link>
      ))}
      {ancestors.isError && (
        <Typography variant="body2" sx={{ color: 'text.secondary' }}>
          (folder path unavailable)
        </Typography>
      )}
    </Breadcrumbs>
  )
}
