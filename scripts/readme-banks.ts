/**
 * Rewrites the README's list of banks, between `<!-- banks:start -->` and `<!-- banks:end -->`, from the
 * registry in statements/banks.ts. test/statements/banks-registry.test.ts fails when the two differ.
 *
 *   npx tsx scripts/readme-banks.ts           rewrites README.md
 *   npx tsx scripts/readme-banks.ts --check   exits 1 (writing nothing) when README.md is out of date
 * @module
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { supportedBanksMarkdown } from '../statements/banks.ts';

export const README = fileURLToPath(new URL('../README.md', import.meta.url));
export const START = '<!-- banks:start -->';
export const END = '<!-- banks:end -->';

/** The text between the markers (without the blank lines next to them), or undefined when they are missing. */
export function banksSection(readme: string): string | undefined {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return undefined;
  return readme.slice(start + START.length, end).replace(/^\n+|\n+$/g, '');
}

/** The README with the section between the markers replaced by `section`. */
export function withBanksSection(readme: string, section: string): string {
  const start = readme.indexOf(START);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${START} … ${END} markers`);
  return `${readme.slice(0, start + START.length)}\n\n${section}\n\n${readme.slice(end)}`;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const readme = readFileSync(README, 'utf8');
  const next = withBanksSection(readme, supportedBanksMarkdown());
  if (process.argv.includes('--check')) {
    if (next !== readme) {
      process.stderr.write('README.md: the list of banks is out of date; run npx tsx scripts/readme-banks.ts\n');
      process.exit(1);
    }
  } else if (next !== readme) {
    writeFileSync(README, next);
    process.stdout.write('README.md: the list of banks rewritten from statements/banks.ts\n');
  } else {
    process.stdout.write('README.md: the list of banks is up to date\n');
  }
}
