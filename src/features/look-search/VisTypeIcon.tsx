import AreaChart from '@mui/icons-material/AreaChart'
import BarChart from '@mui/icons-material/BarChart'
import CandlestickChart from '@mui/icons-material/CandlestickChart'
import DonutLarge from '@mui/icons-material/DonutLarge'
import FilterAlt from '@mui/icons-material/FilterAlt'
import InsertChart from '@mui/icons-material/InsertChart'
import MapIcon from '@mui/icons-material/Map'
import Numbers from '@mui/icons-material/Numbers'
import PieChart from '@mui/icons-material/PieChart'
import ScatterPlot from '@mui/icons-material/ScatterPlot'
import ShowChart from '@mui/icons-material/ShowChart'
import TableChart from '@mui/icons-material/TableChart'
import Timeline from '@mui/icons-material/Timeline'
import WaterfallChart from '@mui/icons-material/WaterfallChart'
import type SvgIcon from '@mui/material/SvgIcon'

type Icon = typeof SvgIcon

const VIS_TYPES: Record<string, [Icon, string]> = {
  looker_column: [BarChart, 'Column chart'],
  looker_bar: [BarChart, 'Bar chart'],
  looker_line: [ShowChart, 'Line chart'],
  looker_area: [AreaChart, 'Area chart'],
  looker_pie: [PieChart, 'Pie chart'],
  looker_donut_multiples: [DonutLarge, 'Donut chart'],
  looker_scatter: [ScatterPlot, 'Scatter plot'],
  looker_grid: [TableChart, 'Table'],
  table: [TableChart, 'Table'],
  looker_single_record: [TableChart, 'Single record'],
  single_value: [Numbers, 'Single value'],
  looker_map: [MapIcon, 'Map'],
  looker_geo_coordinates: [MapIcon, 'Map'],
  looker_geo_choropleth: [MapIcon, 'Map'],
  looker_google_map: [MapIcon, 'Map'],
  looker_timeline: [Timeline, 'Timeline'],
  looker_funnel: [FilterAlt, 'Funnel'],
  looker_waterfall: [WaterfallChart, 'Waterfall chart'],
  looker_boxplot: [CandlestickChart, 'Box plot'],
}

/** The look's visualization as an icon with a text alternative (its type in words). */
export function VisTypeIcon({ type }: { type: unknown }) {
  // The type is data from Looker: a look whose type is "toString" must not pick Object's method.
  const known = typeof type === 'string' && Object.hasOwn(VIS_TYPES, type) ? VIS_TYPES[type] : undefined
  const [IconComponent, label] = known ?? [
    InsertChart,
    typeof type === 'string' && type ? `Chart (${type})` : 'Visualization type not loaded yet',
  ]
  return <IconComponent fontSize="small" color="action" titleAccess={label} />
}
