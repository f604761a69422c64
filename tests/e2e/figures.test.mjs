// End-to-end tests of how the dashboard shows published figures: what they
// cover (overview), each figure with its publisher, publication, release date
// and words as published, proxies said in words, the dated steps toward a
// milestone (never shown as reached unless a source says so), and which
// figures are published and which are the user's own.
// Run: scripts/build-web.sh, then: cd tests/e2e && node --test figures.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, withPage, open, addFigure, statusText, axe } from './helpers.mjs';

const RD = '#/target/T-P2-rd-3pct-bbp-2030';
const PIC = '#/target/T-P3-pic-fabriek-2032';
const MIGRANTS = '#/indicator/I-P5-kennismigranten';
const TECH = '#/target/T-P5-technici-25000';
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('the overview says how many subjects have published figures, from whom, and what is missing', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url);
    await page.waitForSelector('#coverage');
    const count = await page.textContent('#coverage .coverage-count');
    const m = count.match(/(\d+) van de (\d+) ambities en impactindicatoren hebben gepubliceerde cijfers/);
    assert.ok(m, count);
    assert.ok(Number(m[1]) >= 1 && Number(m[1]) <= Number(m[2]), count);
    assert.match(await page.textContent('#coverage ul.publishers'), /CBS/);
    // One row per subject with figures: latest year, release date, publisher, proxy in words.
    const rows = page.locator('#coverage-table tbody tr');
    assert.equal(await rows.count(), Number(m[1]));
    const rd = page.locator('#coverage-table tbody tr', { has: page.locator(`a[href="${RD}"]`) });
    assert.match(await rd.textContent(), /20\d\d/);
    assert.match(await rd.textContent(), /CBS/);
    assert.match(await rd.textContent(), /nee/);
    const proxy = page.locator('#coverage-table tbody tr', { has: page.locator(`a[href="${MIGRANTS}"]`) });
    assert.match(await proxy.textContent(), /ja, een bredere reeks/);
    // Gaps: a subject with no figure says what was searched.
    const gaps = await page.textContent('#coverage-gaps');
    assert.match(gaps, /geen openbare statistiek gevonden/);
    assert.match(gaps, /Wat is gezocht/);
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.textContent('#coverage .coverage-count'), /\d+ of \d+ ambitions and impact indicators have published figures/);
    assert.match(await page.textContent('#coverage-gaps'), /no public statistic found/);
  });
});

test('the R&D target shows each published figure with publisher, release date, words and a link', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, RD);
    await page.waitForSelector('#published-table');
    const table = await page.textContent('#published-table');
    assert.match(table, /CBS/);
    assert.match(table, /\d{4}-\d{2}-\d{2}/, 'a release date');
    assert.match(table, /2,30|2\.30/, 'the figure as published');
    assert.match(table, /gepubliceerd/);
    const a = page.locator('#published-table a[href^="https://"]').first();
    assert.equal(await a.getAttribute('rel'), 'noopener noreferrer');
    assert.match(await page.textContent('#published'), /Reeks: /);
    // The chart's data table says whose each figure is, in words.
    assert.match(await page.textContent('#target-chart-table'), /gepubliceerd/);
    // The status comes from the published figures.
    assert.notEqual(await statusText(page), '○ Geen gegevens');
    assert.doesNotMatch(await page.textContent('#published'), /Benadering/);
  });
});

test('a proxy indicator says "Benadering" / "Proxy" in words in its status, chart and table', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, MIGRANTS);
    await page.waitForSelector('#published-table');
    assert.match(await page.textContent('#status'), /Benadering: /);
    assert.match(await page.textContent('#proxy-note'), /Benadering: /);
    assert.match(await page.textContent('figure.chart-figure figcaption'), /Benadering: /);
    assert.match(await page.textContent('#published-table caption'), /Benadering: /);
    assert.match(await page.textContent('#indicator-chart-table'), /gepubliceerd; Benadering/);
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.textContent('#status'), /Proxy: /);
    assert.match(await page.textContent('#proxy-note'), /Proxy: /);
  });
});

test('the PIC milestone lists its dated steps and does not say it is reached', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, PIC);
    await page.waitForSelector('#events-list');
    const items = page.locator('#events-list > li');
    const n = await items.count();
    assert.ok(n >= 3, `events: ${n}`);
    assert.equal(await page.locator('#events-list .tag.step').count(), n);
    assert.equal(await page.locator('#events-list .tag.reached').count(), 0);
    assert.doesNotMatch(await page.textContent('#events-list'), /bereikt/);
    assert.match(await page.textContent('#events-none-reached'), /nog niet bereikt/);
    const first = items.first();
    assert.match(await first.locator('time').getAttribute('datetime'), /^\d{4}(-\d{2}){0,2}$/);
    assert.equal(await first.locator('a[href^="https://"]').getAttribute('rel'), 'noopener noreferrer');
    // Dates run oldest first.
    const dates = await page.locator('#events-list time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
    assert.deepEqual(dates, [...dates].sort());
    assert.doesNotMatch(await statusText(page), /bereikt|gereed/i);
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.equal(await page.locator('#events-list .tag.step').first().textContent(), 'step');
    assert.doesNotMatch(await page.textContent('#events-list'), /reached/);
  });
});

test('the user\'s own figures are marked as theirs, the published ones as published', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, TECH);
    await addFigure(page, { year: 2026, value: 3000, source: 'Eigen telling 2026' });
    await page.waitForSelector('#entered-table');
    assert.match(await page.textContent('#entered-table'), /van jou \(in deze browser\)/);
    assert.match(await page.textContent('#target-chart-table'), /van jou \(in deze browser\)/);
    await open(page, url, '#/data');
    await page.waitForSelector('#obs-table');
    assert.match(await page.textContent('#obs-table'), /van jou \(in deze browser\)/);
    assert.match(await page.textContent('#published-all'), /gepubliceerd/);
    assert.match(await page.textContent('#published-all'), /CBS/);
  });
});

test('no accessibility violations (axe-core, WCAG 2.1 AA) on the overview and pages with published figures', async () => {
  await withPage(browser, async (page, { url }) => {
    for (const hash of ['#/', RD, MIGRANTS, PIC]) {
      await open(page, url, hash);
      await page.waitForSelector(hash === '#/' ? '#coverage' : '#published');
      assert.deepEqual(await axe(page), [], hash);
    }
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await axe(page), [], 'PIC (en)');
  });
});

test('key ambitions carry the vision\'s qualifier, and a searched-for figure that was not found says so', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url);
    const card = page.locator('article.card.head', { has: page.locator('a[href="#/target/T-P2-innovatie-500mln-pj"]') });
    assert.match(await card.locator('p.big').textContent(), /^minstens\s+€\s*500/);
    // The 25,000 technicians: searched, no public statistic; not "until figures are entered".
    const tech = page.locator('article.card.head', { has: page.locator(`a[href="${TECH}"]`) });
    assert.match(await tech.locator('p.stand').textContent(), /Geen openbare statistiek gevonden/);
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await card.locator('p.big').textContent(), /^at least\s+€\s*500/);
  });
});
