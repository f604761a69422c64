// The single-file edition, dist/koers.html (built by scripts/build-dist.mjs),
// opened from file:// as a double-click does: no server, no network. It
// renders, keeps what is entered in localStorage across a reload, and
// imports and exports. Run: make test (or: cd tests/e2e && node --test).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, watch, addFigure, statusText, axe, showEmbed } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const FILE = path.resolve(here, '..', '..', 'dist', 'koers.html');
const URL_ = pathToFileURL(FILE).href;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// A fresh context with the network cut, watched: the only request allowed
/// is the file itself.
async function offline(fn) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.setOffline(true);
  const page = await context.newPage();
  const w = await watch(context, page, [URL_.replace(/#.*/, '')]);
  try {
    await fn(page, context);
    w.check();
  } finally {
    await context.close();
  }
}

test('dist/koers.html is one file: nothing it refers to, the wasm inside', async () => {
  const html = await fs.readFile(FILE, 'utf8');
  assert.doesNotMatch(html, /<(script|link)[^>]+(src|href)="(?!data:)/, 'no other file');
  assert.match(html, /const WASM = "AGFzbQ/, 'the wasm, base64 (\\0asm)');
  assert.match(html, /connect-src 'none'/, 'its own policy allows no network');
});

test('opened from file://, it renders the overview and keeps an entered figure across a reload', async () => {
  await offline(async (page) => {
    await page.goto(URL_);
    await page.waitForSelector('#priority-cards');
    assert.equal(await page.locator('#priority-cards > article').count(), 6);
    await page.goto(URL_ + '#/target/T-P5-technici-25000');
    await page.waitForSelector('#f-add');
    await addFigure(page, { year: 2026, value: 3000, source: 'Eigen telling, offline' });
    await page.waitForSelector('#entered-table');
    assert.equal(await statusText(page), '► Matige voortgang');
    await page.reload();
    await page.waitForSelector('#entered-table');
    assert.match(await page.textContent('#entered-table'), /Eigen telling, offline/);
    assert.equal(await statusText(page), '► Matige voortgang');
    // A second tab of the same file sees it too: localStorage, per file origin.
    const other = await page.context().newPage();
    await other.goto(URL_ + '#/data');
    await other.waitForSelector('#obs-table');
    assert.equal(await other.inputValue('#obs-table tbody tr:first-child [data-edit="source"]'), 'Eigen telling, offline');
  });
});

test('offline: the data view imports and exports, the examples load from inside the file, the scenario explorer works', async () => {
  await offline(async (page) => {
    await page.goto(URL_ + '#/data');
    await page.waitForSelector('#no-obs');
    const csv = 'subject,year,value,source\nT-P5-technici-25000,2026,4000,import offline\n';
    await page.setInputFiles('#import-file', { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForSelector('#obs-table');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-act="export-json"]')]);
    const json = JSON.parse(await fs.readFile(await dl.path(), 'utf8'));
    // A koers-figures file: the published figures the file carries, then the visitor's own.
    assert.equal(json.format, 'koers-figures');
    assert.ok(json.observations.some((o) => o.document));
    assert.deepEqual(json.observations.filter((o) => !o.document).map((o) => [o.subject, o.year, o.value]), [['T-P5-technici-25000', 2026, 4000]]);
    const [dc] = await Promise.all([page.waitForEvent('download'), page.click('[data-act="export-csv"]')]);
    assert.match(await fs.readFile(await dc.path(), 'utf8'), /T-P5-technici-25000,2026,4000,import offline/);
    page.once('dialog', (d) => d.accept());
    await page.click('[data-act="reset"]');
    await page.waitForSelector('#no-obs');
    await page.click('[data-act="examples"]');
    await page.waitForSelector('#illustrative-note');
    assert.ok(await page.locator('#obs-table .tag.illustrative').count() > 5);
    await page.goto(URL_ + '#/scenario');
    await page.waitForSelector('#sc-verdict');
    await page.focus('#sc-wm-0');
    await page.keyboard.press('Home');
    assert.match(await page.textContent('#sc-verdict'), /niet bereikt in 2035/);
    assert.match(await page.inputValue('#sc-link'), /^file:\/\/.*koers\.html#\/scenario\?w=W-P3-kapitaal-7mld~~0~$/);
    // Embedding needs koers at a web address: the dialog says so.
    await showEmbed(page);
    await page.click('#embed-scenario');
    await page.waitForSelector('#embed-offline');
    assert.deepEqual(await axe(page), []);
  });
});
