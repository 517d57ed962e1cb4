/**
 * The reconciliation chart drawn: SVG for the page, vector paths in a PDF, and the text alternative. The model
 * (every value and label) comes from calc/chart.
 * @module
 */
export {
  layoutChart,
  roughMeasure,
  type Box,
  type ChartGeometry,
  type Label,
  type Measure,
  type PanelGeometry,
  type SeriesGeometry,
} from './geometry.ts';
export { drawChart } from './pdf.ts';
export {
  CHART_TITLE,
  CMS_BALANCE_NOT_KNOWN,
  CMS_RECORD_NOT_KNOWN,
  cmsNotKnownNote,
  NOT_RECORDED_ON_DIRECT_PAY,
  PANEL_TITLES,
  panelTitle,
  SERIES_STYLES,
  seriesLabel,
  type MarkerShape,
  type SeriesStyle,
} from './style.ts';
export { chartSvg, xmlEscape, type SvgOptions } from './svg.ts';
export { chartTable, chartTableText, chartText, type ChartTable } from './text.ts';
