// The published figures reach the browser as files on the static host
// (www/data/vision.json, www/data/figures.json, written by `koers publish`):
// a fresh visitor sees real statuses with no action; replacing the files
// (no rebuild) changes what a new visitor sees, or shows another vision
// altogether; a broken file is named, not half-shown; a visitor's own
// figure is a layer on top, marked as theirs; the single file carries the
// same figures. Run after scripts/build-web.sh (make test does).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { launch, watch, withPage, open, addFigure, statusText } from './helpers.mjs';
import { serve, WWW } from '../../scripts/serve-web.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(here, '..', '..');
const NO_DATA = /Geen gegevens|No data|Not available/;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// A copy of the built www/ in a temporary directory, for a test to change.
async function copyOfWww() {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'koers-www-'));
  await fs.cp(WWW, dir, { recursive: true });
  return dir;
}

/// Like withPage, but serving `root` instead of www/.
async function withSite(root, fn, { allowErrors = [] } = {}) {
  const srv = await serve(0, root);
  const origin = new URL(srv.url).origin;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const w = await watch(context, page, [origin], { allowErrors });
  try {
    await fn(page, srv.url);
    w.check();
  } finally {
    await context.close();
    await srv.close();
  }
}

/// The statuses shown on the overview (every badge's text).
async function badges(page) {
  return page.$$eval('#main .badge', (bs) => bs.map((b) => b.textContent.trim()));
}

test('a fresh visitor sees real statuses on the overview, from the published figures, with no action', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url);
    const shown = await badges(page);
    assert.ok(shown.length >= 6);
    const real = shown.filter((b) => !NO_DATA.test(b));
    assert.ok(real.length >= 1, `a status other than no data among ${shown.join(' | ')}`);
    assert.equal(await page.locator('#no-data-note').count(), 0, 'no "no figures yet" note');
    assert.equal(await page.evaluate(() => localStorage.getItem('koers.observations.v1')), null, 'nothing stored: the figures are published, not the visitor\'s');
    // The R&D target has published figures and a status of its own.
    await open(page, url, '#/target/T-P2-rd-3pct-bbp-2030');
    assert.doesNotMatch(await statusText(page), NO_DATA);
  });
});

test('replacing data/figures.json on the host (no rebuild) changes what a new visitor sees', async () => {
  const dir = await copyOfWww();
  try {
    const file = path.join(dir, 'data', 'figures.json');
    const figures = JSON.parse(await fs.readFile(file, 'utf8'));
    assert.ok(figures.observations.length > 0);
    let before;
    await withSite(dir, async (page, url) => {
      await open(page, url, '#/target/T-P2-rd-3pct-bbp-2030');
      before = await statusText(page);
      assert.doesNotMatch(before, NO_DATA);
    });
    // An edition with the R&D figures gone: that target has no data now,
    // the rest stays as published.
    const rd = figures.observations.filter((o) => o.subject === 'T-P2-rd-3pct-bbp-2030');
    assert.ok(rd.length > 0);
    figures.observations = figures.observations.filter((o) => o.subject !== 'T-P2-rd-3pct-bbp-2030');
    await fs.writeFile(file, JSON.stringify(figures));
    await withSite(dir, async (page, url) => {
      await open(page, url, '#/target/T-P2-rd-3pct-bbp-2030');
      assert.match(await statusText(page), NO_DATA);
      await open(page, url);
      assert.ok((await badges(page)).some((b) => !NO_DATA.test(b)), 'the other published figures still give statuses');
    });
    // An edition with no figures at all: every status is "no data".
    figures.observations = [];
    await fs.writeFile(file, JSON.stringify(figures));
    await withSite(dir, async (page, url) => {
      await open(page, url);
      const shown = await badges(page);
      assert.ok(shown.length >= 6);
      assert.deepEqual(shown.filter((b) => !NO_DATA.test(b)), []);
    });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('a broken or missing data file is named with its line and field, and nothing half-loaded is shown', async () => {
  const dir = await copyOfWww();
  try {
    const file = path.join(dir, 'data', 'figures.json');
    const text = await fs.readFile(file, 'utf8');
    const figures = JSON.parse(text);
    figures.observations[0].document = 'no-such-publication';
    await fs.writeFile(file, JSON.stringify(figures, null, 1));
    const line = JSON.stringify(figures, null, 1).split('\n').findIndex((l) => l.includes('no-such-publication')) + 1;
    await withSite(dir, async (page, url) => {
      await page.goto(url);
      await page.waitForSelector('#load-error');
      const msg = await page.textContent('#load-error');
      assert.match(msg, /data\/figures\.json/);
      assert.match(msg, new RegExp(`Regel ${line}\\b`));
      assert.match(msg, /observations\[0\]\.document/);
      assert.equal(await page.locator('#priority-cards').count(), 0, 'no dashboard with half the data');
    });
    await fs.rm(file);
    await withSite(dir, async (page, url) => {
      await page.goto(url);
      await page.waitForSelector('#load-error');
      assert.match(await page.textContent('#load-error'), /data\/figures\.json kon niet worden gelezen/);
    }, { allowErrors: ['404'] });
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('a visitor\'s own figure is a layer on top: listed as theirs, and refused where a published figure exists', async () => {
  await withPage(browser, async (page, { url }) => {
    // R&D intensity has published figures up to 2023; 2025 is free.
    await open(page, url, '#/target/T-P2-rd-3pct-bbp-2030');
    const published = await page.evaluate(async () => (await (await fetch('data/figures.json')).json())
      .observations.filter((o) => o.subject === 'T-P2-rd-3pct-bbp-2030').map((o) => o.year));
    assert.ok(published.includes(2023) && !published.includes(2025));
    await addFigure(page, { year: 2025, value: '2,4', source: 'Mijn eigen schatting' });
    await page.waitForFunction(() => document.querySelector('#entered-table')?.textContent.includes('Mijn eigen schatting'));
    const row = page.locator('#entered-table tr', { hasText: 'Mijn eigen schatting' });
    assert.match(await row.textContent(), /van jou \(in deze browser\)/);
    assert.equal(await page.locator('#entered-table tr', { hasText: /van jou/ }).count(), 1, 'only the visitor\'s figure is marked as theirs');
    // Stored is the visitor's layer alone, as a koers-figures file.
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem('koers.observations.v1')));
    assert.equal(stored.format, 'koers-figures');
    assert.deepEqual(stored.observations.map((o) => [o.subject, o.year]), [['T-P2-rd-3pct-bbp-2030', 2025]]);
    // A figure for a year with a published one is refused, and says why.
    await addFigure(page, { year: 2023, value: 9, source: 'dubbel' });
    await page.waitForSelector('#problems');
    assert.match(await page.textContent('#problems'), /al een gepubliceerd cijfer/);
    assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('koers.observations.v1')).observations.length), 1);
  });
});

test('another vision\'s two files render that vision, with none of the Semicon Visie\'s words, in Dutch and English', async () => {
  const dir = await copyOfWww();
  try {
    await fs.rm(path.join(dir, 'data'), { recursive: true, force: true });
    execFileSync('cargo', ['run', '--release', '-q', '-p', 'koers-cli', '--', 'publish',
      '--vision', 'tests/fixtures/other-vision/vision.json',
      '--figures', 'tests/fixtures/other-vision/figures',
      '--out', path.join(dir, 'data')], { cwd: ROOT, stdio: 'pipe' });
    const views = ['#/', '#/target/T-Q1-afval', '#/money', '#/scenario', '#/method'];
    const forbidden = ['Semicon', 'semicon', 'halfgeleider', 'semiconductor', '2035', '25 mld', '25bn', 'ASML', 'Invest-NL'];
    for (const [lang, title] of [['nl', 'Testvisie Waterwegen 2040'], ['en', 'Test Vision Waterways 2040']]) {
      await withSite(dir, async (page, url) => {
        await page.addInitScript((l) => localStorage.setItem('koers.lang', l), lang);
        for (const view of views) {
          await open(page, url, view);
          // The page's words, without the charts' axes: an axis from 2030
          // to 2038 rightly labels 2035, which is no word of the Semicon Visie.
          const text = await page.evaluate(() => {
            for (const svg of document.querySelectorAll('svg')) svg.style.display = 'none';
            return document.body.innerText + '\n' + document.title;
          });
          assert.ok(text.includes(title), `${lang} ${view} names ${title}`);
          for (const word of forbidden) assert.ok(!text.includes(word), `${lang} ${view} has "${word}"`);
        }
        // The published (invented) figures of that vision give its target a status.
        await open(page, url, '#/target/T-Q1-afval');
        assert.doesNotMatch(await statusText(page), NO_DATA);
      });
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('the single file dist/koers.html carries the published figures: real statuses from file://', async () => {
  const file = pathToFileURL(path.join(ROOT, 'dist', 'koers.html')).href;
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.setOffline(true);
  const page = await context.newPage();
  const w = await watch(context, page, [file]);
  try {
    await page.goto(file + '#/');
    await page.waitForSelector('#page-title');
    const shown = await badges(page);
    assert.ok(shown.some((b) => !NO_DATA.test(b)), `a real status among ${shown.join(' | ')}`);
    await page.goto(file + '#/target/T-P2-rd-3pct-bbp-2030');
    await page.waitForSelector('#status .badge');
    assert.doesNotMatch(await statusText(page), NO_DATA);
    w.check();
  } finally {
    await context.close();
  }
});
