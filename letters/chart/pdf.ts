/**
 * The chart drawn into a PDF with pdfkit as vector paths (lines, polygons, circles and text; no image), from the
 * same layout as the SVG. Text goes through the letters' PDF text mapping (the built-in fonts' characters).
 * @module
 */
import type { ChartModel } from '../../calc/chart/index.ts';
import { pdfText } from '../render/pdf.ts';
import { layoutChart, markerPolygon, type Box, type Label, type Point } from './geometry.ts';
import type { SeriesStyle } from './style.ts';

type Doc = PDFKit.PDFDocument;

const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';
/** Helvetica's ascender (718/1000 em): pdfkit places text by the top of its line, the layout by the baseline. */
const ASCENT = 0.718;

/** Sets the dash pattern; pdfkit's typings allow only two lengths, the PDF operator any number. */
function setDash(doc: Doc, dash: readonly number[]): void {
  if (dash.length === 0) doc.undash();
  else doc.addContent(`[${dash.join(' ')}] 0 d`);
}

function label(doc: Doc, l: Label): void {
  const t = pdfText(l.text);
  doc.font(l.bold ? BOLD : FONT).fontSize(l.size);
  const w = doc.widthOfString(t);
  const x = l.anchor === 'start' ? l.x : l.anchor === 'middle' ? l.x - w / 2 : l.x - w;
  doc.fillColor('#222222').text(t, x, l.y - l.size * ASCENT, { lineBreak: false });
}

function polyline(doc: Doc, points: readonly Point[]): void {
  points.forEach((p, i) => (i === 0 ? doc.moveTo(p.x, p.y) : doc.lineTo(p.x, p.y)));
}

function marker(doc: Doc, style: SeriesStyle, c: Point, size: number): void {
  doc.undash().lineWidth(1);
  const polygon = markerPolygon(style.marker, c, size);
  if (polygon) doc.polygon(...polygon.map((p) => [p.x, p.y]));
  else doc.circle(c.x, c.y, size);
  doc.fillAndStroke(style.filled ? style.colour : '#ffffff', style.colour);
}

function line(doc: Doc, from: Point, to: Point, colour: string, width: number): void {
  doc.undash().lineWidth(width).moveTo(from.x, from.y).lineTo(to.x, to.y).stroke(colour);
}

/** Draws the chart of `model` in `box` (points, top-left origin) on the current page. */
export function drawChart(doc: Doc, model: ChartModel, box: Box): void {
  const g = layoutChart(model, box, (text, size) => doc.font(FONT).fontSize(size).widthOfString(pdfText(text)));
  const { x: keepX, y: keepY } = doc;
  doc.save();
  for (const p of g.panels) {
    label(doc, p.title);
    for (const item of p.legend) {
      setDash(doc, item.style.dash);
      doc.lineWidth(item.style.width).moveTo(item.x1, item.y).lineTo(item.x2, item.y).stroke(item.style.colour);
      marker(doc, item.style, { x: (item.x1 + item.x2) / 2, y: item.y }, g.markerSize);
      label(doc, item.label);
    }
    const { plot } = p;
    const right = plot.x + plot.width;
    const bottom = plot.y + plot.height;
    for (const t of p.yTicks) {
      line(doc, { x: plot.x, y: t.y }, { x: right, y: t.y }, '#d9d9d9', 0.5);
      label(doc, t.label);
    }
    line(doc, { x: plot.x, y: p.zeroY }, { x: right, y: p.zeroY }, '#555555', 0.8);
    for (const t of p.xTicks) {
      line(doc, { x: t.x, y: bottom }, { x: t.x, y: bottom + 3 }, '#555555', 0.5);
      label(doc, t.label);
    }
    doc.undash().lineWidth(0.5).rect(plot.x, plot.y, plot.width, plot.height).stroke('#555555');
    for (const s of p.series) {
      if (s.points.length === 0) continue;
      setDash(doc, s.style.dash);
      doc.lineWidth(s.style.width).lineJoin('round');
      for (const run of s.runs) {
        if (run.length < 2) continue;
        polyline(
          doc,
          run.map((i) => s.points[i]!),
        );
        doc.stroke(s.style.colour);
      }
      for (const i of s.markers) marker(doc, s.style, s.points[i]!, g.markerSize);
    }
  }
  doc.restore();
  doc.undash().lineWidth(1).fillColor('black').strokeColor('black');
  doc.x = keepX;
  doc.y = Math.max(keepY, box.y + box.height);
}
