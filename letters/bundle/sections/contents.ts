/**
 * The index: every section after the cover with the page its heading is printed on. The pages come from a
 * rendering of the bundle (render.ts renders until the index and the pages agree).
 * @module
 */
import type { SectionContent } from '../blocks.ts';
import { SECTION_TITLES } from '../purpose.ts';
import type { SectionId } from '../types.ts';

/** The index, from each section's title and its page (undefined on the first rendering: printed as "–"). */
export function indexSection(
  sections: readonly { readonly id: SectionId; readonly title: string }[],
  pages: ReadonlyMap<SectionId, number> | undefined,
): SectionContent {
  return {
    id: 'index',
    title: SECTION_TITLES.index,
    blocks: [
      { kind: 'paragraph', text: 'Each section begins on a new page. The page numbers are those printed at the foot of each page.' },
      {
        kind: 'table',
        columns: ['Section', 'Page'],
        widths: [8, 1],
        right: [1],
        rows: sections.filter((s) => s.id !== 'index').map((s) => [s.title, String(pages?.get(s.id) ?? '–')]),
      },
    ],
  };
}
