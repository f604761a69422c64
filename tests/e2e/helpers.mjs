// Shared set-up for the end-to-end tests: Debian's Chromium driven by
// playwright-core (never a browser download), a static server per test on
// a free port (sending www/_headers: the strict Content-Security-Policy),
// and checks that run after every test: no console errors, no page errors,
// no Content-Security-Policy violation (the event, and Chromium's own
// console message), no dialog, no request outside the page's own origins.
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve-web.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
export const AXE = path.join(here, 'node_modules', 'axe-core', 'axe.min.js');

export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
export const ARGS = [
  '--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

export function launch() {
  return chromium.launch({ executablePath: CHROMIUM, args: ARGS });
}

/// Report every Content-Security-Policy violation in every frame as a
/// console error (no global is defined: the listener is all there is).
function reportViolations() {
  document.addEventListener('securitypolicyviolation', (e) => {
    console.error(`CSP violation: ${e.violatedDirective} blocked ${e.blockedURI || 'inline'} in ${e.sourceFile || e.documentURI}`);
  });
}

/// Watch a context and its first page: console errors, page errors, CSP
/// violations, dialogs and requests to anything but `origins` (and data:,
/// blob:). `check()` asserts that nothing went wrong on the side.
export async function watch(context, page, origins, { allowErrors = [] } = {}) {
  const errors = [];
  const foreign = [];
  const dialogs = [];
  await context.addInitScript(reportViolations);
  const onConsole = (m) => {
    if (m.type() === 'error' && !allowErrors.some((a) => m.text().includes(a))) errors.push(m.text());
  };
  context.on('page', (p) => {
    p.on('console', onConsole);
    p.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
  });
  page.on('console', onConsole);
  page.on('pageerror', (e) => errors.push('pageerror: ' + e.message));
  page.on('dialog', async (d) => {
    // A confirm is the test's to answer (reset asks); anything else fails.
    if (d.type() === 'confirm') return;
    dialogs.push(d.message());
    await d.dismiss();
  });
  context.on('request', (r) => {
    const u = r.url();
    if (!(origins.some((o) => u.startsWith(o + '/') || u === o) || u.startsWith('data:') || u.startsWith('blob:'))) foreign.push(u);
  });
  return {
    errors, foreign, dialogs,
    check() {
      assert.deepEqual(errors, [], 'console errors (CSP violations included)');
      assert.deepEqual(dialogs, [], 'dialogs');
      assert.deepEqual(foreign, [], 'requests outside the test origins');
    },
  };
}

/// Run `fn(page, ctx)` with a fresh server and browser context; then check
/// that nothing went wrong on the side.
export async function withPage(browser, fn, { viewport = { width: 1280, height: 900 }, allowErrors = [] } = {}) {
  const srv = await serve(0);
  const origin = new URL(srv.url).origin;
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const w = await watch(context, page, [origin], { allowErrors });
  const ctx = { url: srv.url, origin, errors: w.errors, foreign: w.foreign, dialogs: w.dialogs, context };
  try {
    await fn(page, ctx);
    w.check();
  } finally {
    await context.close();
    await srv.close();
  }
  return ctx;
}

/// Open a view and wait until the dashboard has drawn it, live.
export async function open(page, url, hash = '#/') {
  await page.goto(url + hash);
  await page.waitForSelector('#page-title');
  await live(page);
}

/// Wait until the dashboard is live. A new visitor's overview is first the
/// baked one (www/main.js): focus, as a visitor's first Tab or click gives,
/// starts the dashboard on it.
export async function live(page) {
  await page.waitForSelector('html[data-koers]', { state: 'attached' });
  await page.evaluate(() => {
    if (document.documentElement.dataset.koers === 'baked') document.getElementById('main').focus({ preventScroll: true });
  });
  await page.waitForSelector('html[data-koers="live"]', { state: 'attached' });
}

/// Ask for the parts' Embed buttons (hidden until the reader asks).
export async function showEmbed(page) {
  await page.waitForSelector('#embed-switch');
  if (await page.getAttribute('#embed-switch', 'aria-pressed') !== 'true') await page.click('#embed-switch');
  await page.waitForSelector('#embed-switch[aria-pressed="true"]');
}

export async function addFigure(page, { year, value, source, note }) {
  await page.fill('#f-year', String(year));
  await page.fill('#f-value', String(value));
  await page.fill('#f-source', source);
  if (note) await page.fill('#f-note', note);
  await page.click('#f-add');
}

export async function statusText(page) {
  return (await page.textContent('#status .status-line .badge')).trim();
}

export async function axe(page, { context = 'document' } = {}) {
  // The page's Content-Security-Policy forbids inline scripts, so
  // addScriptTag is refused; evaluating the file goes round the CSP the way
  // devtools does, without weakening it for the page.
  await page.evaluate(await fs.readFile(AXE, 'utf8'));
  return page.evaluate(async (sel) => {
    const r = await window.axe.run(sel === 'document' ? document : sel, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    });
    return r.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).slice(0, 3).join(' | ')})`);
  }, context);
}
