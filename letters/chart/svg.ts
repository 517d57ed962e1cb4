/**
 * The chart as a standalone SVG document for the web page: role="img" with a <title> and a <desc> (the text
 * alternative), a legend, and lines told apart by dash pattern and marker as well as colour. Deterministic: the
 * same model gives the same string.
 * @module
 */
import type { ChartModel } from '../../calc/chart/index.ts';
import { layoutChart, markerPolygon, type Label, type Point } from './geometry.ts';
import { CHART_TITLE, type SeriesStyle } from './style.ts';
import { chartText } from './text.ts';

export interface SvgOptions {
  /** Size in user units (default 720 × 480). */
  readonly width?: number;
  readonly height?: number;
  /** Prefix for the ids of <title> and <desc> (default "reckoner-chart"); give another when a page holds two charts. */
  readonly idPrefix?: string;
  /** Replaces the default title. */
  readonly title?: string;
}

const FONT = 'Helvetica, Arial, sans-serif';

/** Text escaped for XML content and attribute values. */
export function xmlEscape(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

const n = (v: number): string => String(Math.round(v * 100) / 100);

function text(l: Label): string {
  return `<text x="${n(l.x)}" y="${n(l.y)}" font-size="${n(l.size)}"${l.anchor === 'start' ? '' : ` text-anchor="${l.anchor}"`}${l.bold ? ' font-weight="bold"' : ''}>${xmlEscape(l.text)}</text>`;
}

function stroke(style: SeriesStyle): string {
  return `stroke="${style.colour}" stroke-width="${n(style.width)}"${style.dash.length ? ` stroke-dasharray="${style.dash.map(n).join(' ')}"` : ''}`;
}

function marker(style: SeriesStyle, c: Point, size: number): string {
  const paint = `fill="${style.filled ? style.colour : '#ffffff'}" stroke="${style.colour}" stroke-width="1"`;
  const polygon = markerPolygon(style.marker, c, size);
  if (!polygon) return `<circle cx="${n(c.x)}" cy="${n(c.y)}" r="${n(size)}" ${paint}/>`;
  return `<polygon points="${polygon.map((p) => `${n(p.x)},${n(p.y)}`).join(' ')}" ${paint}/>`;
}

/** The chart as SVG markup, with its XML declaration. */
export function chartSvg(model: ChartModel, options: SvgOptions = {}): string {
  const width = options.width ?? 720;
  const height = options.height ?? 480;
  const id = options.idPrefix ?? 'reckoner-chart';
  const g = layoutChart(model, { x: 10, y: 10, width: width - 20, height: height - 20 });
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<svg xmlns="http://www.w3.org/2000/svg" width="${n(width)}" height="${n(height)}" viewBox="0 0 ${n(width)} ${n(height)}" role="img" aria-labelledby="${id}-title ${id}-desc" font-family="${FONT}">`,
    `<title id="${id}-title">${xmlEscape(options.title ?? CHART_TITLE)}</title>`,
    `<desc id="${id}-desc">${xmlEscape(chartText(model))}</desc>`,
    `<rect x="0" y="0" width="${n(width)}" height="${n(height)}" fill="#ffffff"/>`,
  ];
  for (const p of g.panels) {
    out.push(`<g data-panel="${p.id}">`, text(p.title));
    for (const item of p.legend) {
      out.push(
        `<g data-legend="${item.id}">`,
        `<line x1="${n(item.x1)}" y1="${n(item.y)}" x2="${n(item.x2)}" y2="${n(item.y)}" ${stroke(item.style)}/>`,
        marker(item.style, { x: (item.x1 + item.x2) / 2, y: item.y }, g.markerSize),
        text(item.label),
        '</g>',
      );
    }
    const { plot } = p;
    const right = plot.x + plot.width;
    const bottom = plot.y + plot.height;
    out.push('<g data-axis="y">');
    for (const t of p.yTicks) {
      out.push(
        `<line x1="${n(plot.x)}" y1="${n(t.y)}" x2="${n(right)}" y2="${n(t.y)}" stroke="#d9d9d9" stroke-width="0.5"/>`,
        text(t.label),
      );
    }
    out.push(
      `<line x1="${n(plot.x)}" y1="${n(p.zeroY)}" x2="${n(right)}" y2="${n(p.zeroY)}" stroke="#555555" stroke-width="0.8"/>`,
      '</g>',
    );
    out.push('<g data-axis="x">');
    for (const t of p.xTicks) {
      out.push(
        `<line x1="${n(t.x)}" y1="${n(bottom)}" x2="${n(t.x)}" y2="${n(bottom + 3)}" stroke="#555555" stroke-width="0.5"/>`,
        text(t.label),
      );
    }
    out.push('</g>');
    out.push(
      `<rect x="${n(plot.x)}" y="${n(plot.y)}" width="${n(plot.width)}" height="${n(plot.height)}" fill="none" stroke="#555555" stroke-width="0.5"/>`,
    );
    for (const s of p.series) {
      out.push(
        `<g data-series="${s.id}">`,
        ...s.runs.map(
          (run) =>
            `<polyline points="${run.map((i) => `${n(s.points[i]!.x)},${n(s.points[i]!.y)}`).join(' ')}" fill="none" ${stroke(s.style)} stroke-linejoin="round"/>`,
        ),
        ...s.markers.map((i) => marker(s.style, s.points[i]!, g.markerSize)),
        '</g>',
      );
    }
    out.push('</g>');
  }
  out.push('</svg>');
  return out.join('\n');
}
