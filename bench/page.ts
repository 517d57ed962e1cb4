/**
 * The advice-line page's speed on loopback (issue 15: "usable within 300 ms"), in Debian's Chromium driven by
 * playwright-core against the real app on a socket. Each load is a fresh browser context (an empty cache, as an
 * adviser's first visit), measured from the navigation's start:
 * - **usable**: the page's modules have run and its forms answer (DOMContentLoaded has ended: module scripts run
 *   before it, and they attach every handler);
 * - **complete**: the letter catalogue, fetched from the API after start, is on the page.
 * The goal is an absolute one (300 ms to usable), so the figure is printed with the machine's scale beside it: the
 * same load of a static page of the same HTML with no scripts or styles, served with the page's own headers, in
 * the same run (the floor a browser needs to open a context and render that much under those headers: its
 * Cross-Origin-Opener-Policy alone has the browser start a new process for the page).
 *
 *   npx tsx bench/page.ts      (also a section of `npm run bench`)
 * @module
 */
import { serve } from '@hono/node-server';
import { Hono } from 'hono';
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser } from 'playwright-core';
import { createApp } from '../server/http.ts';
import { median } from './measure.ts';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ROUNDS = 9;
const GOAL_MS = 300;

interface Running {
  readonly origin: string;
  close(): Promise<void>;
}

function listen(fetch: (request: Request) => Response | Promise<Response>): Promise<Running> {
  return new Promise((resolve) => {
    const server = serve({ fetch, hostname: '127.0.0.1', port: 0 }, (info: AddressInfo) =>
      resolve({ origin: `http://127.0.0.1:${info.port}`, close: () => new Promise((done) => server.close(() => done())) }),
    );
  });
}

/** One load in a fresh context: ms from navigation start to DOMContentLoaded's end, and to `ready` (a selector). */
async function load(browser: Browser, url: string, ready?: string): Promise<{ usable: number; complete: number }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'domcontentloaded' });
    if (ready) await page.waitForSelector(ready, { state: 'attached' });
    const complete = await page.evaluate<number>('performance.now()');
    const usable = await page.evaluate<number>("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd");
    return { usable, complete };
  } finally {
    await context.close();
  }
}

/** Runs the section; returns its summary line (or why it was skipped). */
export async function pageSection(): Promise<string> {
  console.log('\nThe advice-line page in Chromium (fresh context per load: an empty cache)');
  if (!existsSync(CHROMIUM)) {
    const why = `skipped: no Chromium at ${CHROMIUM} (apt-get install chromium, or set CHROMIUM_PATH)`;
    console.log(`  ${why}`);
    return `page: ${why}`;
  }
  // The Host guard names the port, which is known only once the socket is open.
  let app: ReturnType<typeof createApp> | undefined;
  const real = await listen((request) => app!.fetch(request));
  app = createApp({ host: '127.0.0.1', port: Number(new URL(real.origin).port) });
  // The floor: the same HTML with its scripts and stylesheets taken out, served with the page's own headers. What is
  // measured is what the scripts and styles cost; the headers are not, and one of them costs a fresh context a lot:
  // Cross-Origin-Opener-Policy makes the browser start a new process for the page.
  const home = await fetch(`${real.origin}/`);
  const html = (await home.text()).replace(/<script\b[^>]*>[\s\S]*?<\/script>|<link\b[^>]*>/g, '');
  const headers = Object.fromEntries(
    [...home.headers].filter(([name]) => !['content-length', 'date', 'connection', 'keep-alive'].includes(name)),
  );
  const bare = new Hono().get('/', (c) => c.body(html, 200, headers));
  const floor = await listen((request) => bare.fetch(request));
  const browser = await chromium.launch({ executablePath: CHROMIUM });
  try {
    await load(browser, `${real.origin}/`, '#letters-list li'); // warm-up: the browser's own first start
    await load(browser, `${floor.origin}/`);
    const page: { usable: number; complete: number }[] = [];
    const plain: number[] = [];
    for (let i = 0; i < ROUNDS; i++) {
      // Alternate which goes first, so neither always follows the other's garbage.
      if (i % 2 === 0) {
        page.push(await load(browser, `${real.origin}/`, '#letters-list li'));
        plain.push((await load(browser, `${floor.origin}/`)).usable);
      } else {
        plain.push((await load(browser, `${floor.origin}/`)).usable);
        page.push(await load(browser, `${real.origin}/`, '#letters-list li'));
      }
    }
    const usable = median(page.map((p) => p.usable));
    const complete = median(page.map((p) => p.complete));
    const floorMs = median(plain);
    const met = usable <= GOAL_MS;
    console.log(`  usable (DOMContentLoaded ended, every handler attached)   ${usable.toFixed(0)} ms  (median of ${ROUNDS})`);
    console.log(`  complete (the letter catalogue on the page)                ${complete.toFixed(0)} ms`);
    console.log(`  floor: the same HTML and headers, no scripts or styles   ${floorMs.toFixed(0)} ms`);
    console.log(`  goal: usable within ${GOAL_MS} ms on loopback                 ${usable.toFixed(0)} ms   ${met ? 'met' : 'not met'}`);
    return `page: usable in ${usable.toFixed(0)} ms (goal ≤ ${GOAL_MS} ms, ${met ? 'met' : 'not met'}; the bare HTML with the same headers ${floorMs.toFixed(0)} ms), letter catalogue in ${complete.toFixed(0)} ms`;
  } finally {
    await browser.close();
    await Promise.all([real.close(), floor.close()]);
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.log(await pageSection());
