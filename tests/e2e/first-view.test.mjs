// The first view: a new visitor on the overview sees it baked by `koers
// publish` (www/data/first-view.html), with no wasm fetched, until they do
// something; then the dashboard draws the same page live, keeping focus
// and the control pressed meanwhile. Data files replaced since the bake
// start the dashboard at once. An iframe's part is baked the same way
// (www/data/parts/). Run after scripts/build-web.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { launch, watch, withPage, axe } from './helpers.mjs';
import { serve, WWW } from '../../scripts/serve-web.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// Every URL the page requests, in order.
function requests(page) {
  const seen = [];
  page.on('request', (r) => seen.push(new URL(r.url()).pathname));
  return seen;
}

const baked = (page) => page.waitForSelector('html[data-koers="baked"]', { state: 'attached' });
// Waits, without acting, until the dashboard is live.
const live = (page) => page.waitForSelector('html[data-koers="live"]', { state: 'attached' });
const wasm = (seen) => seen.filter((p) => p.includes('/pkg/'));

test('a new visitor sees the baked overview with its statuses, and no wasm is fetched until they act', async () => {
  await withPage(browser, async (page, { url }) => {
    const seen = requests(page);
    await page.goto(url);
    await baked(page);
    assert.equal(await page.locator('#priority-cards > article').count(), 6);
    assert.ok(await page.locator('#priority-cards .badge').count() >= 6);
    assert.equal(await page.title(), 'Semicon Visie 2035 · koers');
    // The data follow (to see that they are the ones baked); the wasm does not.
    await page.waitForFunction(() => performance.getEntriesByType('resource').some((e) => e.name.endsWith('data/figures.json') && e.responseEnd > 0));
    await page.waitForTimeout(500);
    assert.deepEqual(wasm(seen), [], 'nothing of the wasm');
    assert.ok(seen.includes('/data/first-view.html'));
    assert.equal(await page.evaluate(() => document.documentElement.dataset.koers), 'baked');
    assert.deepEqual(await axe(page), []);
  });
});

test('the baked overview is the page the dashboard draws live', async () => {
  await withPage(browser, async (page, { url }) => {
    await page.goto(url);
    await baked(page);
    const before = await page.innerHTML('#app');
    await page.evaluate(() => document.getElementById('main').focus({ preventScroll: true }));
    await live(page);
    assert.equal(await page.innerHTML('#app'), before);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'main', 'focus where it was');
    assert.equal(await page.evaluate(() => scrollY), 0, 'the page did not move');
  });
});

test('a link on the baked overview opens its page live', async () => {
  await withPage(browser, async (page, { url }) => {
    await page.goto(url);
    await baked(page);
    await page.click('#priority-cards a[href="#/priority/P5"]');
    await live(page);
    await page.waitForFunction(() => location.hash === '#/priority/P5' && /talent/i.test(document.getElementById('page-title')?.textContent ?? ''));
  });
});

test('a control pressed on the baked overview is pressed again once the dashboard is live, by mouse or keyboard', async () => {
  await withPage(browser, async (page, { url }) => {
    await page.goto(url);
    await baked(page);
    await page.click('#lang-switch');
    await live(page);
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await page.textContent('#lang-switch .name'), 'Nederlands');
  });
  await withPage(browser, async (page, { url }) => {
    await page.goto(url);
    await baked(page);
    await page.keyboard.press('Tab'); // the skip link
    await page.keyboard.press('Tab'); // the logo
    await page.keyboard.press('Tab'); // Overzicht
    await live(page);
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#/', 'focus kept on the live page');
    await page.keyboard.press('Tab');
    assert.equal(await page.evaluate(() => document.activeElement.getAttribute('href')), '#/money');
  });
});

test('anything of the visitor\'s own, or another page in the address, starts the dashboard at once', async () => {
  await withPage(browser, async (page, { url, context }) => {
    await context.addInitScript(() => localStorage.setItem('koers.lang', 'en'));
    await page.goto(url);
    await live(page);
    await page.waitForFunction(() => document.documentElement.lang === 'en');
  });
  await withPage(browser, async (page, { url }) => {
    const seen = requests(page);
    await page.goto(url + '#/money');
    await live(page);
    assert.ok(!seen.includes('/data/first-view.html'), 'no baked page fetched');
  });
});

test('data files replaced since the bake start the dashboard on them at once', async () => {
  const dir = await fs.mkdtemp(path.join(os.tmpdir(), 'koers-www-'));
  try {
    await fs.cp(WWW, dir, { recursive: true });
    const file = path.join(dir, 'data', 'figures.json');
    const figures = JSON.parse(await fs.readFile(file, 'utf8'));
    figures.observations = [];
    await fs.writeFile(file, JSON.stringify(figures));
    const srv = await serve(0, dir);
    const context = await browser.newContext();
    const page = await context.newPage();
    const w = await watch(context, page, [new URL(srv.url).origin]);
    try {
      await page.goto(srv.url);
      await live(page);
      const shown = await page.$$eval('#main .badge', (bs) => bs.map((b) => b.textContent.trim()));
      assert.ok(shown.length >= 6);
      assert.deepEqual(shown.filter((b) => !/Geen gegevens/.test(b)), [], 'every status from the replaced file: no data');
      w.check();
    } finally {
      await context.close();
      await srv.close();
    }
  } finally {
    await fs.rm(dir, { recursive: true, force: true });
  }
});

test('an iframe\'s part is shown baked with no wasm, in its language, and reports its height; a part with fields starts live', async () => {
  await withPage(browser, async (page, { url }) => {
    const seen = requests(page);
    await page.goto(`${url}embed.html?view=priority/P5&lang=en`);
    await baked(page);
    assert.match(await page.textContent('#app'), /5\. Ensure sufficient talent/);
    assert.equal(await page.getAttribute('#app', 'lang'), 'en');
    await page.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => /data\/(vision|figures)\.json$/.test(e.name) && e.responseEnd > 0).length === 2);
    await page.waitForTimeout(500);
    assert.deepEqual(wasm(seen), [], 'nothing of the wasm');
    assert.equal(await page.evaluate(() => document.documentElement.dataset.koers), 'baked');
    assert.deepEqual(await axe(page), []);
    // The revolving model has fields: it is not baked, the wasm draws it.
    await page.goto(`${url}embed.html?view=revolving&lang=en`);
    await live(page);
    assert.match(await page.textContent('#app'), /Revolving capital/);
  });
  // Inside a page around it, the baked part sizes its iframe (the page is
  // made up here, on the same host; embed.test.mjs has one on another origin).
  await withPage(browser, async (page, { url }) => {
    await page.route(`${url}partner.html`, (route) => route.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><title>partner</title><p>news</p><iframe title="koers" src="${url}embed.html?view=priority/P5&lang=nl"></iframe>`,
    }));
    const heights = [];
    await page.exposeFunction('__height', (h) => heights.push(h));
    await page.addInitScript(() => addEventListener('message', (e) => e.data?.type === 'koers:height' && window.__height(e.data)));
    await page.goto(`${url}partner.html`);
    const frame = await (await page.waitForSelector('iframe')).contentFrame();
    await frame.waitForSelector('html[data-koers="baked"]', { state: 'attached' });
    for (let i = 0; i < 50 && heights.length === 0; i++) await new Promise((r) => setTimeout(r, 100));
    assert.ok(heights.length > 0, 'a height was reported');
    assert.equal(heights[0].view, 'priority/P5');
    assert.ok(heights.at(-1).height > 100, JSON.stringify(heights.at(-1)));
    assert.equal(await frame.evaluate(() => document.documentElement.dataset.koers), 'baked');
  });
});
