/**
 * The advice-line page at `/` and its assets over HTTP, with the real Hono app: the security headers, the
 * content types and caching, that nothing on the page comes from or goes to another site, that the page
 * keeps nothing in the browser. (That the bundle finds the asset folder is tested in bundle.test.ts.)
 */
import { describe, expect, test } from 'vitest';
import { EVENT_TYPES } from '../../calc/deadlines/index.ts';
import { createApp } from '../../server/http.ts';
import { sharedCareNights } from '../../server/web.ts';

const BASE = 'http://127.0.0.1:8787';
const app = createApp({ host: '127.0.0.1', port: 8787 });
const get = async (path: string, headers: Record<string, string> = {}, target = app) =>
  Promise.resolve(target.request(`${BASE}${path}`, { headers }));

/** Every `/assets/…` the page names, and every module those scripts import, found by following them. */
async function allAssets(): Promise<Map<string, { type: string; body: string }>> {
  const html = await (await get('/')).text();
  const queue = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]!);
  const found = new Map<string, { type: string; body: string }>();
  while (queue.length > 0) {
    const path = queue.shift()!;
    if (found.has(path)) continue;
    const response = await get(path);
    expect(response.status, path).toBe(200);
    const body = await response.text();
    found.set(path, { type: response.headers.get('content-type') ?? '', body });
    if (path.endsWith('.js')) {
      // Static imports, and the modules loaded on demand (the cases, when first opened).
      for (const m of body.matchAll(/(?:from |import\()'\.\/([a-z-]+\.js)'/g)) queue.push(`/assets/${m[1]}`);
    }
  }
  return found;
}

describe('GET /', () => {
  test('is the page, with a strict CSP and the other security headers', async () => {
    const response = await get('/');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toMatch(/^text\/html; charset=utf-8$/i);
    const csp = response.headers.get('content-security-policy') ?? '';
    const directives = new Map(
      csp
        .split(';')
        .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
        .map(([k, ...v]) => [k, v]),
    );
    expect(directives.get('default-src')).toEqual(["'self'"]);
    expect(directives.get('script-src')).toEqual(["'self'"]);
    expect(directives.get('style-src')).toEqual(["'self'"]);
    expect(directives.get('frame-ancestors')).toEqual(["'none'"]);
    expect(directives.get('form-action')).toEqual(["'none'"]);
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:|\*/);
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('referrer-policy')).toBe('no-referrer');
    expect(response.headers.get('x-frame-options')).toBe('DENY');
    // Kept out of every cache, the back/forward cache included.
    expect(response.headers.get('cache-control')).toBe('no-store');
    expect(response.headers.get('set-cookie')).toBeNull();
  });

  test('has no inline script, no inline style and no event-handler attributes', async () => {
    const html = await (await get('/')).text();
    for (const script of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
      expect(script[1]).toMatch(/\ssrc="\/assets\/[a-z-]+\.js"/);
      expect(script[1]).toMatch(/type="module"/);
      expect(script[2]!.trim()).toBe('');
    }
    expect(html).toMatch(/<script type="module" src="\/assets\/app\.js"><\/script>/);
    expect(html).toMatch(/<link rel="stylesheet" href="\/assets\/app\.css" \/>/);
    expect(html).not.toMatch(/<style\b/i);
    expect(html).not.toMatch(/\sstyle=/i);
    expect(html).not.toMatch(/\son[a-z]+=/i);
  });

  test('is accessible in structure: labels for every control, a live region for each result', async () => {
    const html = await (await get('/')).text();
    expect(html).toMatch(/<html lang="en-GB">/);
    const ids = [...html.matchAll(/<(?:input|select)\b[^>]*\sid="([^"]+)"/g)].map((m) => m[1]!);
    expect(ids.length).toBeGreaterThan(10);
    for (const id of ids) expect(html, `label for #${id}`).toContain(`<label for="${id}">`);
    for (const region of ['calc-headline', 'sc-headline', 'dl-headline']) {
      expect(html).toMatch(new RegExp(`id="${region}"[^>]*aria-live="polite"`));
    }
    expect(html).toMatch(/<legend>Paying parent<\/legend>/);
  });

  test("the shared-care bands come from the law's table: 0 and Sch 1 para 7(4)'s 52, 104, 156 and 175 nights", async () => {
    // Child Support Act 1991 Sch 1 para 7(4) table: 52–103 nights 1/7, 104–155 2/7, 156–174 3/7, 175 or more 1/2.
    expect(sharedCareNights()).toEqual([0, 52, 104, 156, 175]);
    const html = await (await get('/')).text();
    expect(html).toContain('data-nights="0 52 104 156 175"');
  });

  test('every placeholder is filled, and every case event is offered by the deadline helper', async () => {
    const html = await (await get('/')).text();
    expect(html).not.toMatch(/\{\{/);
    for (const type of EVENT_TYPES) expect(html).toContain(`<option value="${type}" data-hint="`);
    // The description of decision_letter_received is split into what happened and which date to give.
    expect(html).toContain(
      '<option value="decision_letter_received" data-hint="the date printed on the decision letter, not the day it came: the 30 days run from that date">A CMS decision (calculation, change, variation, refusal)</option>',
    );
  });
});

describe('GET /assets/*', () => {
  test('every asset the page uses is served with its type, an ETag and the security headers', async () => {
    const assets = await allAssets();
    expect([...assets.keys()].sort()).toEqual(
      [
        '/assets/api.js',
        '/assets/app.css',
        '/assets/app.js',
        '/assets/calculator.js',
        '/assets/calendar.js',
        '/assets/case-letters.js',
        '/assets/case-reconcile.js',
        '/assets/case-view.js',
        '/assets/cases-forms.js',
        '/assets/cases.css',
        '/assets/cases.js',
        '/assets/dom.js',
        '/assets/errors.js',
        '/assets/icon.svg',
        '/assets/letters.js',
        '/assets/print.css',
        '/assets/shared-care.js',
        '/assets/upload.js',
      ].sort(),
    );
    for (const [path, { type }] of assets) {
      const expected = path.endsWith('.js')
        ? 'text/javascript; charset=utf-8'
        : path.endsWith('.css')
          ? 'text/css; charset=utf-8'
          : 'image/svg+xml';
      expect(type, path).toBe(expected);
    }
    const response = await get('/assets/app.js');
    expect(response.headers.get('etag')).toMatch(/^"[A-Za-z0-9_-]{22}"$/);
    expect(response.headers.get('cache-control')).toBe('no-cache');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('content-security-policy')).toContain("default-src 'self'");
  });

  test('every module the page needs before it is usable is preloaded, so the browser asks for them all at once', async () => {
    // The modules app.js imports statically, and theirs in turn (not the cases, loaded with import() when opened):
    // a module missing from the preloads is found only once the one importing it has arrived, a round trip later.
    const html = await (await get('/')).text();
    const preloaded = new Set([...html.matchAll(/<link rel="modulepreload" href="\/assets\/([a-z-]+\.js)"/g)].map((m) => m[1]!));
    const needed = new Set<string>();
    const queue = ['app.js'];
    while (queue.length > 0) {
      const name = queue.shift()!;
      const body = await (await get(`/assets/${name}`)).text();
      for (const m of body.matchAll(/^import [^;]*? from '\.\/([a-z-]+\.js)';/gm)) {
        if (!needed.has(m[1]!)) queue.push(m[1]!);
        needed.add(m[1]!);
      }
    }
    expect(needed.size).toBeGreaterThan(0);
    expect([...needed].filter((name) => !preloaded.has(name)).sort()).toEqual([]);
    // And nothing loaded only on demand is preloaded: the cases' modules wait until the cases are opened.
    expect([...preloaded].filter((name) => !needed.has(name)).sort()).toEqual([]);
  });

  test('a matching If-None-Match gets 304 with no body', async () => {
    const etag = (await get('/assets/app.css')).headers.get('etag')!;
    const response = await get('/assets/app.css', { 'if-none-match': etag });
    expect(response.status).toBe(304);
    expect(await response.text()).toBe('');
    expect((await get('/assets/app.css', { 'if-none-match': '"other"' })).status).toBe(200);
  });

  test.each([
    '/assets/nope.js',
    '/assets/index.html',
    '/assets/..%2Fweb.ts',
    '/assets/..%2F..%2Fpackage.json',
    '/assets/APP.JS',
    '/assets/',
  ])('%s → 404 not_found', async (path) => {
    const response = await get(path);
    expect(response.status).toBe(404);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('not_found');
  });
});

describe('nothing from another site, nothing kept in the browser', () => {
  test('no http:// or https:// address is written into the page or its assets', async () => {
    const assets = await allAssets();
    const texts = [['/', await (await get('/')).text()], ...[...assets].map(([path, { body }]) => [path, body])] as [string, string][];
    for (const [path, text] of texts) {
      // The one exception is the SVG namespace name, which identifies the format and is never fetched.
      const addresses = [...text.matchAll(/https?:\/\/[^\s"'`)<]*/g)].map((m) => m[0]).filter((a) => a !== 'http://www.w3.org/2000/svg');
      expect(addresses, path).toEqual([]);
      expect(text, path).not.toMatch(/(?:src|href|url)\s*[=(]\s*["']?\/\//); // protocol-relative
      expect(text, path).not.toMatch(/@import|@font-face/);
    }
  });

  test('the scripts never touch browser storage, cookies or HTML strings', async () => {
    const assets = await allAssets();
    const scripts = [...assets].filter(([path]) => path.endsWith('.js'));
    expect(scripts.length).toBeGreaterThanOrEqual(6);
    for (const [path, { body: source }] of scripts) {
      // Code only: the comments may say what the page does not do.
      const body = source.replace(/\/\*[\s\S]*?\*\//g, '').replace(/^\s*\/\/.*$/gm, '');
      expect(body, path).not.toMatch(/localStorage|sessionStorage|indexedDB|document\.cookie|caches\.|serviceWorker/);
      expect(body, path).not.toMatch(/innerHTML|outerHTML|insertAdjacentHTML|document\.write|\beval\(|new Function/);
      // The only network calls are to this server, by a relative address: its API, and its /mcp endpoint for the one
      // thing offered only as an MCP resource (a case's chart).
      for (const m of body.matchAll(/fetch\(([^,)]*)/g)) expect(['`/api/v1/${route}`', "'/mcp'"], path).toContain(m[1]);
      for (const m of body.matchAll(/\.open\(([^)]*)\)/g)) expect(m[1], path).toBe("'POST', `/api/v1/${route}`");
    }
  });
});

describe('guards', () => {
  test('the Host guard covers the page and the assets', async () => {
    for (const path of ['/', '/assets/app.js']) {
      const response = await get(path, { host: 'evil.example' });
      expect(response.status, path).toBe(403);
    }
  });

  test('with bearer tokens the page and its assets still load (the page asks for the token); the API needs it', async () => {
    const secured = createApp({ host: '127.0.0.1', port: 8787, apiTokens: ['advice:alice:test-secret-0123456789abcdef0123'] });
    expect((await get('/', {}, secured)).status).toBe(200);
    expect((await get('/assets/app.js', {}, secured)).status).toBe(200);
    const api = await secured.request(`${BASE}/api/v1/list-letter-types`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    expect(api.status).toBe(401);
  });
});
