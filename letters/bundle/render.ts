/**
 * The evidence bundle: the sections in the purpose's order after the cover and the index, written into one PDF.
 * The index's page numbers are right by construction: the bundle is rendered with the index's pages left blank,
 * the pages each heading landed on are put into the index, and it is rendered again until the index and the
 * pages agree (the index is one table of fixed rows, so the second rendering agrees unless a number's width moves
 * a row onto another page; a third settles that).
 * @module
 */
import { InputError } from '../../calc/errors.ts';
import type { SectionContent } from './blocks.ts';
import { bundleContext, type BundleContext } from './context.ts';
import { PURPOSES } from './purpose.ts';
import { chartSection } from './sections/chart.ts';
import { indexSection } from './sections/contents.ts';
import { correspondenceSection } from './sections/correspondence.ts';
import { coverSection } from './sections/cover.ts';
import { deadlinesSection } from './sections/deadlines.ts';
import { disputesSection } from './sections/disputes.ts';
import { enclosuresSection } from './sections/enclosures.ts';
import { scheduleSection } from './sections/schedule.ts';
import { statementSection } from './sections/statement.ts';
import { BUNDLE_PURPOSES, type EvidenceBundle, type EvidenceBundleInput, type SectionId } from './types.ts';
import { writeBundle, type Written } from './write.ts';

type Body = Exclude<SectionId, 'cover' | 'index'>;

const BUILDERS: Readonly<Record<Body, (c: BundleContext) => SectionContent>> = {
  statement: statementSection,
  schedule: scheduleSection,
  disputes: disputesSection,
  chart: chartSection,
  correspondence: correspondenceSection,
  deadlines: deadlinesSection,
  enclosures: enclosuresSection,
};

/** Most renderings before the index must agree with the pages. */
const MAX_PASSES = 4;

const agree = (a: ReadonlyMap<SectionId, number>, b: ReadonlyMap<SectionId, number> | undefined): boolean =>
  b !== undefined && a.size === b.size && [...a].every(([id, page]) => b.get(id) === page);

/**
 * Renders the evidence bundle for `input.purpose` as one PDF: cover, index, then the purpose's sections.
 * Every figure is quoted from the reconciliation and calc/chart; nothing is added up here.
 */
/**
 * `signal`: a cancelled request stops between writes (each pass of pdfkit yields to the event loop), with the
 * signal's reason; nothing is returned.
 */
export async function renderEvidenceBundle(input: EvidenceBundleInput, signal?: AbortSignal): Promise<EvidenceBundle> {
  if (!(BUNDLE_PURPOSES as readonly string[]).includes(input.purpose)) {
    throw new InputError('purpose', `must be one of ${BUNDLE_PURPOSES.join(', ')}; got ${JSON.stringify(input.purpose)}`);
  }
  const c = bundleContext(input);
  const spec = PURPOSES[input.purpose];
  const cover = coverSection(c);
  const body = spec.order.map((id) => {
    if (id === 'cover' || id === 'index') throw new Error(`the purpose ${input.purpose} lists ${id} among its sections`);
    return BUILDERS[id](c);
  });
  const listed = [cover, ...body];
  const reference = input.case.reference;
  const options = {
    title: spec.title,
    footer: reference ? `${spec.footer}  ·  CMS case reference ${reference}` : spec.footer,
    generatedOn: input.generatedOn,
  };
  let pages: ReadonlyMap<SectionId, number> | undefined;
  let written: Written | undefined;
  for (let pass = 0; pass < MAX_PASSES && !(written && agree(written.starts, pages)); pass++) {
    signal?.throwIfAborted();
    pages = written?.starts;
    written = await writeBundle([cover, indexSection(listed, pages), ...body], options);
  }
  if (!written || !agree(written.starts, pages)) throw new Error('the bundle’s index did not settle on its page numbers');
  const starts = written.starts;
  return {
    pdf: written.pdf,
    pages: written.pages,
    sections: [cover, indexSection(listed, pages), ...body].map((s) => ({ id: s.id, title: s.title, page: starts.get(s.id)! })),
  };
}
