/**
 * The advice-line page at `/` and its static assets under `/assets/` (plain ES modules and CSS in
 * `server/web/`, no build step). The page is a thin adapter over `/api/v1/*`: it shows the API's figures
 * and never works one out. Every response here carries a strict Content-Security-Policy.
 * @module
 */
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { Context, Hono } from 'hono';
import { EVENT_DESCRIPTIONS, EVENT_TYPES } from '../calc/deadlines/index.ts';
import { CMS_ENTRY_TYPES, EVIDENCE_TYPES } from '../calc/ledger/entries.ts';
import { KIND_NAMES } from '../calc/reconcile/explain.ts';
import { PAYMENT_FREQUENCIES } from '../calc/schedule/types.ts';
import { sharedCareBands } from '../calc/scheme-2012/parameters.ts';
import { BUNDLE_PURPOSES } from '../letters/bundle/types.ts';
import { LETTER_METHODS } from '../store/types.ts';
import { COLLECTION_WORDS, METHOD_WORDS, PURPOSE_WORDS } from '../tools/words.ts';
import { VERSION } from './version.ts';

/**
 * Where the files are. This module sits directly in `server/`, and the bundle `dist/reckoner.mjs` one
 * directory below the repository root, so `../server/web/` names the same folder from both.
 */
const WEB_DIR = new URL('../server/web/', import.meta.url);

/** Only these kinds of file are served, and only by a plain name: no folders, no dot-dot. */
const TYPES: Record<string, string> = {
  js: 'text/javascript; charset=utf-8',
  css: 'text/css; charset=utf-8',
  svg: 'image/svg+xml',
};
const ASSET_NAME = /^[a-z0-9][a-z0-9-]*\.(js|css|svg)$/;

/**
 * No inline script or style, nothing from another origin, no framing, no form posted anywhere (a form is
 * only ever handled by the script, so case details can never end up in a URL), and no string-to-HTML sinks.
 * Images may also be blob: URLs: a case's chart is SVG the API gives as text (the MCP resource
 * reckoner://cases/{id}/chart), shown through an <img> of a blob the page makes, where an SVG can run no
 * script; putting it into the page itself would need a string-to-HTML sink.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' blob:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
].join('; ');

const SECURITY_HEADERS: Record<string, string> = {
  'Content-Security-Policy': CONTENT_SECURITY_POLICY,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'X-Frame-Options': 'DENY',
  'Cross-Origin-Opener-Policy': 'same-origin',
  'Cross-Origin-Resource-Policy': 'same-origin',
};

interface Asset {
  readonly body: string;
  readonly type: string;
  readonly etag: string;
}

let assets: Map<string, Asset> | undefined;
let page: string | undefined;

const etagOf = (body: string): string => `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"`;

/** Every asset, read once on first use. */
function loadAssets(): Map<string, Asset> {
  if (assets) return assets;
  const found = new Map<string, Asset>();
  for (const name of readdirSync(WEB_DIR)) {
    const match = ASSET_NAME.exec(name);
    if (!match) continue;
    const body = readFileSync(new URL(name, WEB_DIR), 'utf8');
    found.set(name, { body, type: TYPES[match[1]!]!, etag: etagOf(body) });
  }
  assets = found;
  return found;
}

const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * The nights at which a shared-care band starts, over every dated version of the Sch 1 para 7(4) table,
 * with 0 (no shared care) first: the page asks the API for the amount at each.
 */
export function sharedCareNights(): number[] {
  const nights = new Set<number>([0]);
  for (const version of sharedCareBands.values) for (const band of version.value) nights.add(band.minNights);
  return [...nights].sort((a, b) => a - b);
}

/**
 * The case events the deadline helper offers; the API has no route that lists them, so they are written in
 * here. Each description reads "what happened; which date to give", so the option shows the first part and
 * the date field's hint the second.
 */
function eventOptions(): string {
  return EVENT_TYPES.map((type) => {
    const description = EVENT_DESCRIPTIONS[type];
    const split = description.indexOf('; ');
    const what = split < 0 ? description : description.slice(0, split);
    const date = split < 0 ? '' : description.slice(split + 2);
    return `<option value="${type}" data-hint="${escapeHtml(date)}">${escapeHtml(what)}</option>`;
  }).join('\n');
}

/** Words for an enum's values: the map's word, else the value with its underscores as spaces. */
const choices = (values: readonly string[], words: Readonly<Record<string, string>> = {}): [string, string][] =>
  values.map((v) => [v, words[v] ?? v.replace(/_/g, ' ')]);

/**
 * The values the case forms offer (and the words for the bridge's kinds of line), from the one list each comes
 * from, as JSON in an attribute: the cases module reads it when it loads, so no list is written twice.
 */
export function caseChoices(): string {
  return JSON.stringify({
    frequencies: choices(PAYMENT_FREQUENCIES),
    services: choices(Object.keys(COLLECTION_WORDS), COLLECTION_WORDS),
    cmsEntryTypes: choices(CMS_ENTRY_TYPES),
    evidenceTypes: choices(EVIDENCE_TYPES),
    letterMethods: choices(LETTER_METHODS, METHOD_WORDS),
    bundlePurposes: choices(BUNDLE_PURPOSES, PURPOSE_WORDS),
    bridgeKinds: KIND_NAMES,
  });
}

/** The page, its placeholders filled in once. A placeholder left unfilled is a bug, so it fails loudly. */
export function homePage(): string {
  if (page) return page;
  const values: Record<string, string> = {
    EVENT_OPTIONS: eventOptions(),
    CASE_CHOICES: escapeHtml(caseChoices()),
    SHARED_CARE_NIGHTS: sharedCareNights().join(' '),
    VERSION: escapeHtml(VERSION),
  };
  const template = readFileSync(new URL('index.html', WEB_DIR), 'utf8');
  const filled = template.replace(/\{\{([A-Z_]+)\}\}/g, (_, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`server/web/index.html: unknown placeholder {{${key}}}`);
    return value;
  });
  page = filled;
  return filled;
}

function withSecurityHeaders(c: Context): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) c.header(name, value);
}

/** Adds `GET /` and `GET /assets/<name>` to the app. */
export function registerWebRoutes(app: Hono): void {
  app.get('/', (c) => {
    withSecurityHeaders(c);
    // The page itself holds no case data, but no-store also keeps it out of the back/forward cache, so a
    // filled-in form is never restored for the next person at the desk.
    c.header('Cache-Control', 'no-store');
    return c.html(homePage());
  });

  app.get('/assets/:name', (c) => {
    const asset = loadAssets().get(c.req.param('name'));
    if (!asset) return c.notFound();
    withSecurityHeaders(c);
    c.header('ETag', asset.etag);
    // Revalidate every time (cheap with the ETag), so a restarted server never leaves an old script running.
    c.header('Cache-Control', 'no-cache');
    if (c.req.header('if-none-match') === asset.etag) return c.body(null, 304);
    c.header('Content-Type', asset.type);
    return c.body(asset.body);
  });
}
