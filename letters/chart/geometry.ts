/**
 * Where everything of a chart goes inside a box: two panels (running balances above, per-period amounts
 * below) sharing the date axis, each with its title, legend, money ticks and lines. Coordinates in points with y
 * growing downwards (SVG and pdfkit alike); text positions are baselines. Only placement happens here: every
 * value and label comes from calc/chart.
 * @module
 */
import {
  CHART_PANELS,
  CHART_SERIES,
  SERIES_PANEL,
  type ChartModel,
  type ChartPanelId,
  type ChartSeriesId,
} from '../../calc/chart/index.ts';
import { cmsNotKnownNote, panelTitle, SERIES_STYLES, seriesLabel, type SeriesStyle } from './style.ts';

export interface Box {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

export interface Point {
  readonly x: number;
  readonly y: number;
}

/** A piece of text: its baseline at `y`, anchored at `x` by its start, middle or end. */
export interface Label {
  readonly text: string;
  readonly x: number;
  readonly y: number;
  readonly anchor: 'start' | 'middle' | 'end';
  readonly size: number;
  readonly bold?: boolean;
}

export interface LegendItem {
  readonly id: ChartSeriesId;
  readonly style: SeriesStyle;
  /** The sample line, from x1 to x2 at y, with the marker at its middle. */
  readonly x1: number;
  readonly x2: number;
  readonly y: number;
  readonly label: Label;
}

export interface SeriesGeometry {
  readonly id: ChartSeriesId;
  readonly label: string;
  readonly style: SeriesStyle;
  /**
   * One point per period, in order; CMS's balance, the points of its line (calc/chart `cmsBalance`), none before a
   * balance it brings forward.
   */
  readonly points: readonly Point[];
  /**
   * The stretches of the line to draw: runs of consecutive points, by index. One run of every point, except that what
   * CMS recorded as paid is not drawn in a Direct Pay period (CMS records no payments there): the line breaks; nor in a
   * period whose record CMS's statement does not cover (before a balance it brings forward): the line starts after.
   */
  readonly runs: readonly (readonly number[])[];
  /** Which points carry a marker (every one on a short chart; evenly spaced on a long one), among those drawn. */
  readonly markers: readonly number[];
}

export interface PanelGeometry {
  readonly id: ChartPanelId;
  readonly title: Label;
  readonly legend: readonly LegendItem[];
  readonly plot: Box;
  readonly yTicks: readonly { readonly y: number; readonly label: Label }[];
  /** Where £0 is. */
  readonly zeroY: number;
  readonly xTicks: readonly { readonly x: number; readonly label: Label }[];
  readonly series: readonly SeriesGeometry[];
}

export interface ChartGeometry {
  readonly box: Box;
  readonly panels: readonly PanelGeometry[];
  readonly markerSize: number;
}

/** Width of a text at a font size, in points. */
export type Measure = (text: string, size: number) => number;

/** Helvetica's average advance is about half the font size: good enough to place SVG text, which anchors itself. */
export const roughMeasure: Measure = (text, size) => text.length * size * 0.52;

const LABEL = 7.5;
const TITLE = 8.5;
const LINE = 11;
const SAMPLE = 26;
const MARKER = 2.6;
/** Space between the frame and the first and last points, in points. */
const INSET = 8;
/** Most markers on one line: beyond this they are spaced out so that the line stays readable. */
const MAX_MARKERS = 24;

const r2 = (v: number): number => Math.round(v * 100) / 100;

/** The layout of `model` inside `box`. */
export function layoutChart(model: ChartModel, box: Box, measure: Measure = roughMeasure): ChartGeometry {
  const labelWidth = Math.max(...CHART_PANELS.flatMap((p) => model.axes[p].ticks.map((t) => measure(t.label, LABEL)))) + 6;
  const plotX = box.x + labelWidth;
  const plotWidth = Math.max(box.width - labelWidth - 12, 10);
  const legendRows = (panel: ChartPanelId): LegendItem[][] => {
    const rows: LegendItem[][] = [[]];
    let x = plotX;
    const notKnownBefore = model.cmsBalance.notKnownBefore;
    for (const id of CHART_SERIES.filter((s) => SERIES_PANEL[s] === panel)) {
      // CMS's lines start at a balance it brings forward: the legend says its balance and its record of payments before
      // then are not known.
      const text =
        (id === 'balance_per_cms' || id === 'recorded_by_cms') && notKnownBefore
          ? `${seriesLabel(id, model.side)} (${cmsNotKnownNote(notKnownBefore)})`
          : seriesLabel(id, model.side);
      const w = SAMPLE + 5 + measure(text, LABEL) + 14;
      if (x + w > plotX + plotWidth && rows[rows.length - 1]!.length > 0) {
        rows.push([]);
        x = plotX;
      }
      rows[rows.length - 1]!.push({
        id,
        style: SERIES_STYLES[id],
        x1: r2(x),
        x2: r2(x + SAMPLE),
        y: 0,
        label: { text, x: r2(x + SAMPLE + 5), y: 0, anchor: 'start', size: LABEL },
      });
      x += w;
    }
    return rows;
  };
  const legends = { balances: legendRows('balances'), amounts: legendRows('amounts') };
  const chrome = (p: ChartPanelId) => LINE + 2 + legends[p].length * LINE + 4 + LINE + 4;
  const gap = 14;
  const plotsHeight = Math.max(box.height - chrome('balances') - chrome('amounts') - gap, 40);
  const heights: Record<ChartPanelId, number> = { balances: plotsHeight * 0.55, amounts: plotsHeight * 0.45 };

  const n = model.points.length;
  const stride = Math.max(1, Math.ceil(n / MAX_MARKERS));
  // calc/chart gives every place as a fraction of its axis (0 to 1): only the box's scale is applied here.
  // The first and last points stand a little inside the frame, clear of the money labels and the frame itself.
  const xOf = (at: number): number => r2(plotX + INSET + at * (plotWidth - 2 * INSET));

  let top = box.y;
  const panels = CHART_PANELS.map((id): PanelGeometry => {
    const axis = model.axes[id];
    const title: Label = { text: panelTitle(id, model.side), x: r2(plotX), y: r2(top + TITLE), anchor: 'start', size: TITLE, bold: true };
    top += LINE + 2;
    const legend = legends[id].flatMap((row) => {
      const y = top + LINE / 2;
      top += LINE;
      return row.map((item) => ({ ...item, y: r2(y), label: { ...item.label, y: r2(y + LABEL * 0.35) } }));
    });
    top += 4;
    const plot: Box = { x: r2(plotX), y: r2(top), width: r2(plotWidth), height: r2(heights[id]) };
    const yOf = (at: number): number => r2(plot.y + plot.height - at * plot.height);
    top += heights[id];
    const xTicks = model.dates.ticks.map((t) => {
      const x = xOf(t.at);
      const w = measure(t.label, LABEL);
      // Keep the first and last labels inside the box.
      const cx = Math.min(Math.max(x, box.x + w / 2), box.x + box.width - w / 2);
      return { x, label: { text: t.label, x: r2(cx), y: r2(top + 3 + LABEL), anchor: 'middle' as const, size: LABEL } };
    });
    top += LINE + 4 + gap;
    const inPanel = CHART_SERIES.filter((s) => SERIES_PANEL[s] === id);
    const series = inPanel.map((sid, k): SeriesGeometry => {
      const phase = Math.floor((k * stride) / inPanel.length);
      if (sid === 'balance_per_cms') {
        // CMS's balance: the points of its line, from where it is known.
        const line = model.cmsBalance.points;
        return {
          id: sid,
          label: seriesLabel(sid, model.side),
          style: SERIES_STYLES[sid],
          points: line.map((p) => ({ x: xOf(p.x), y: yOf(p.y) })),
          runs: line.length > 0 ? [line.map((_, i) => i)] : [],
          markers: line.flatMap((_, i) => ((i + stride - phase) % stride === 0 ? [i] : [])),
        };
      }
      const drawn = (i: number) => sid !== 'recorded_by_cms' || (model.points[i]!.cmsRecordsPayments && model.points[i]!.cmsRecordKnown);
      const runs: number[][] = [];
      model.points.forEach((_, i) => {
        if (!drawn(i)) return;
        if (i > 0 && drawn(i - 1)) runs[runs.length - 1]!.push(i);
        else runs.push([i]);
      });
      return {
        id: sid,
        label: seriesLabel(sid, model.side),
        style: SERIES_STYLES[sid],
        points: model.points.map((p) => ({ x: xOf(p.x), y: yOf(p.y[sid]) })),
        runs,
        markers: model.points.flatMap((_, i) => ((i + stride - phase) % stride === 0 && drawn(i) ? [i] : [])),
      };
    });
    return {
      id,
      title,
      legend,
      plot,
      yTicks: axis.ticks.map((t) => {
        const y = yOf(t.at);
        return { y, label: { text: t.label, x: r2(plotX - 4), y: r2(y + LABEL * 0.35), anchor: 'end' as const, size: LABEL } };
      }),
      zeroY: yOf(axis.zeroAt),
      xTicks,
      series,
    };
  });
  return { box, panels, markerSize: MARKER };
}

/** A marker's outline as a closed polygon (square, triangle, diamond), or undefined for a circle. */
export function markerPolygon(shape: SeriesStyle['marker'], c: Point, size: number): Point[] | undefined {
  const s = size;
  switch (shape) {
    case 'circle':
      return undefined;
    case 'square':
      return [
        { x: c.x - s, y: c.y - s },
        { x: c.x + s, y: c.y - s },
        { x: c.x + s, y: c.y + s },
        { x: c.x - s, y: c.y + s },
      ];
    case 'triangle':
      return [
        { x: c.x, y: c.y - s * 1.25 },
        { x: c.x + s * 1.2, y: c.y + s * 0.9 },
        { x: c.x - s * 1.2, y: c.y + s * 0.9 },
      ];
    case 'diamond':
      return [
        { x: c.x, y: c.y - s * 1.35 },
        { x: c.x + s * 1.35, y: c.y },
        { x: c.x, y: c.y + s * 1.35 },
        { x: c.x - s * 1.35, y: c.y },
      ];
  }
}
