/**
 * What `bin/reckoner mcp` loads before its first answer (issue 17, item 3). The bundle (scripts/build.mjs) is built
 * here in memory with the same options, and the chunks the stdio server imports statically, directly or through
 * each other, are followed from the chunk that holds server/stdio.ts (which the entry imports for `mcp`). None of
 * them may hold or import the database (drizzle, PGlite, postgres.js), pdf.js, pdfkit or hono: those are imported
 * at the point of use, so a calculation never waits for them. The speed itself is measured in `npm run bench --
 * cold-start`, not here.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
// @ts-expect-error -- plain JavaScript, shared with scripts/build.mjs, which runs without tsx
import { EXTERNAL, serverBuildOptions } from '../../scripts/bundle-options.mjs';
// @ts-expect-error -- plain JavaScript, shared with bin/reckoner, which must start without tsx
import { bundleIsCurrent } from '../../bin/bundle.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
/** Packages the first calculation must not load. */
const LAZY = ['drizzle-orm', '@electric-sql/pglite', 'postgres', 'pdfjs-dist', 'pdfkit', 'hono', '@hono/node-server'];

const packageOf = (path: string): string | undefined => {
  const m = /(?:^|\/)node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(path);
  return m ? m[1] : /^(@[^/]+\/[^/]+|[^./][^/]*)/.exec(path)?.[1];
};

describe('bin/reckoner mcp loads only what a calculation needs', () => {
  let metafile: Metafile;
  beforeAll(async () => {
    metafile = (await build(serverBuildOptions(ROOT) as Parameters<typeof build>[0])).metafile!;
  }, 60_000);

  /** The outputs loaded statically from the one holding `input`, the packages they hold and the packages they import. */
  function staticClosure(input: string) {
    const outputs = metafile.outputs;
    const start = Object.keys(outputs).find((o) => outputs[o]!.inputs[input]);
    if (!start) throw new Error(`no output holds ${input}`);
    const seen = new Set<string>();
    const todo = [start];
    const held = new Set<string>();
    const imported = new Set<string>();
    while (todo.length > 0) {
      const o = todo.pop()!;
      if (seen.has(o)) continue;
      seen.add(o);
      for (const path of Object.keys(outputs[o]!.inputs)) if (path.startsWith('node_modules/')) held.add(packageOf(path)!);
      for (const i of outputs[o]!.imports) {
        if (i.kind !== 'import-statement') continue;
        if (i.external) imported.add(packageOf(i.path) ?? i.path);
        else todo.push(i.path);
      }
    }
    return { outputs: seen, held, imported };
  }

  it('the stdio server and everything it imports statically hold and import none of the lazy packages', () => {
    const { held, imported } = staticClosure('server/stdio.ts');
    expect(held.has('@modelcontextprotocol/sdk')).toBe(true); // the closure was followed
    expect(LAZY.filter((p) => held.has(p) || imported.has(p))).toEqual([]);
    // Only node's own modules are imported from outside the bundle before the first answer.
    expect([...imported].filter((p) => !p.startsWith('node:'))).toEqual([]);
  });

  it('the lazy packages are still in the bundle or external, reached by dynamic imports', () => {
    const all = new Set<string>();
    for (const o of Object.values(metafile.outputs)) {
      for (const path of Object.keys(o.inputs)) if (path.startsWith('node_modules/')) all.add(packageOf(path)!);
      for (const i of o.imports) if (i.external) all.add(packageOf(i.path) ?? i.path);
    }
    for (const p of ['drizzle-orm', 'hono', '@electric-sql/pglite', 'pdfjs-dist', 'pdfkit'])
      expect(all.has(p) || (EXTERNAL as string[]).includes(p)).toBe(true);
  });
});

describe('bundleIsCurrent with chunks', () => {
  it('is stale when a chunk the list names is missing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'reckoner-chunks-'));
    try {
      mkdirSync(join(dir, 'dist'));
      mkdirSync(join(dir, 'calc'));
      writeFileSync(join(dir, 'calc/a.ts'), 'export const a = 1;\n');
      writeFileSync(join(dir, 'dist/stdio-ABCDEFGH.mjs'), 'export {};\n');
      writeFileSync(join(dir, 'dist/reckoner.meta.json'), JSON.stringify({ inputs: ['calc/a.ts'], chunks: ['stdio-ABCDEFGH.mjs'] }));
      writeFileSync(join(dir, 'dist/reckoner.mjs'), 'export const main = () => {};\n');
      const root = pathToFileURL(`${dir}/`);
      const isCurrent = bundleIsCurrent as (root: URL) => boolean;
      expect(isCurrent(root)).toBe(true);
      rmSync(join(dir, 'dist/stdio-ABCDEFGH.mjs'));
      expect(isCurrent(root)).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
