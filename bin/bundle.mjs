// Whether dist/reckoner.mjs (built by scripts/build.mjs) may be run instead of the sources.
import { readFileSync, statSync } from 'node:fs';

/**
 * True when `root`/dist/reckoner.mjs exists and no source listed in dist/reckoner.meta.json is newer
 * than it or has gone. An edited checkout therefore never runs stale code: bin/reckoner falls back
 * to the sources until the bundle is rebuilt (`npm run build`; `npm ci` and `npm start` rebuild it).
 * @param {URL} root the repository root, ending in '/'
 */
export function bundleIsCurrent(root) {
  try {
    const built = statSync(new URL('dist/reckoner.mjs', root)).mtimeMs;
    const { inputs } = JSON.parse(readFileSync(new URL('dist/reckoner.meta.json', root), 'utf8'));
    return Array.isArray(inputs) && inputs.length > 0 && inputs.every((path) => statSync(new URL(path, root)).mtimeMs <= built);
  } catch {
    return false; // no bundle, no list of its sources, or a source it was built from has gone
  }
}
