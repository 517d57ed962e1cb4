/**
 * A reconciliation as a chart: per-period amounts and running balances in whole pence, their totals, and axes
 * with nice money ticks and month ticks. Pure and deterministic; letters/chart draws it.
 * @module
 */
export {
  CHART_PANELS,
  CHART_SERIES,
  chartModel,
  positionOf,
  reconciliationChart,
  SERIES_PANEL,
  type BalancePoint,
  type BalancePosition,
  type BroughtForwardBalance,
  type ChartModel,
  type ChartPanelId,
  type ChartPoint,
  type ChartSeriesId,
  type ChartSummary,
  type CmsBalanceLine,
} from './model.ts';
export {
  axisPounds,
  ceilDiv,
  dateAxis,
  dateFraction,
  floorDiv,
  monthLabel,
  valueAxis,
  valueFraction,
  type DateAxis,
  type DateTick,
  type ValueAxis,
  type ValueTick,
} from './ticks.ts';
