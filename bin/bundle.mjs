// Whether dist/reckoner.mjs (built by scripts/build.mjs) may be run instead of the sources.
import { readFileSync, statSync } from 'node:fs';

/**
 * True when `root`/dist/reckoner.mjs exists, every chunk dist/reckoner.meta.json lists beside it is there,
 * and no source the list names is newer than it or has gone. An edited checkout therefore never runs stale
 * code: bin/reckoner falls back to the sources until the bundle is rebuilt (`npm run build`; `npm ci` and
 * `npm start` rebuild it).
 * @param {URL} root the repository root, ending in '/'
 */
export function bundleIsCurrent(root) {
  try {
    const built = statSync(new URL('dist/reckoner.mjs', root)).mtimeMs;
    const { inputs, chunks = [] } = JSON.parse(readFileSync(new URL('dist/reckoner.meta.json', root), 'utf8'));
    return (
      Array.isArray(inputs) &&
      inputs.length > 0 &&
      inputs.every((path) => statSync(new URL(path, root)).mtimeMs <= built) &&
      Array.isArray(chunks) &&
      chunks.every((name) => statSync(new URL(`dist/${name}`, root)).isFile())
    );
  } catch {
    return false; // no bundle, no list of its sources, a source it was built from has gone, or a chunk of it
  }
}
