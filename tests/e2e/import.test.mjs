// Statistics as their publishers hand them out (issue 8): SDMX-CSV and CBS
// StatLine files are listed, mapped to targets and indicators, previewed
// and imported on confirm only; all or nothing, with the line of every
// problem, and localStorage untouched by anything refused or cancelled.
// The fixtures (tests/fixtures/import) hold invented numbers in the
// publishers' layouts. Subjects without published figures are used, except
// where the clash with a published figure is the point.
// Run: cd tests/e2e && node --test import.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { launch, withPage, open, axe } from './helpers.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const FIXTURES = path.join(here, '..', 'fixtures', 'import');
const KEY = 'koers.observations.v1';
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);
const observations = async (page) => {
  const s = await stored(page);
  return s ? JSON.parse(s).observations : [];
};

async function importFixture(page, name) {
  await page.evaluate(() => document.querySelector('#problems')?.remove());
  const buffer = await fs.readFile(path.join(FIXTURES, name));
  await page.setInputFiles('#import-file', { name, mimeType: 'text/csv', buffer });
}

/// The preview's rows: [subject, year, value, note, line].
const preview = (page) => page.$$eval('#import-preview tbody tr', (trs) =>
  trs.map((tr) => [...tr.children].map((td) => td.textContent)));

test('SDMX-CSV: the series are listed, mapped, previewed, and imported on confirm with their flags', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/data');
    await importFixture(page, 'eurostat-plain.csv');
    await page.waitForSelector('#import-map');
    const keys = await page.$$eval('#import-series tbody tr', (trs) => trs.map((tr) => tr.dataset.series));
    assert.deepEqual(keys, ['A.PC_GDP.TOTAL.NL', 'A.PC_GDP.BES.NL']);
    const text = await page.textContent('#import-map');
    assert.match(text, /eurostat-plain\.csv: SDMX-CSV, 2/);
    assert.match(text, /2019–2022 \(4\)/);
    assert.match(text, /1 voorlopig; 1 geschat; 1 zonder waarde/);
    // Nothing mapped yet: nothing to import, nothing stored.
    assert.equal(await page.getAttribute('#import-confirm', 'disabled'), '');
    assert.equal(await stored(page), null);
    await page.selectOption('[data-imap="0"]', 'T-P5-techkwadraat-alle-leerlingen');
    await page.waitForSelector('#import-preview tbody tr');
    assert.deepEqual(await preview(page), [
      ['T-P5-techkwadraat-alle-leerlingen', '2019', '2,11', '', '2'],
      ['T-P5-techkwadraat-alle-leerlingen', '2020', '2,24', '', '3'],
      ['T-P5-techkwadraat-alle-leerlingen', '2021', '2,19', 'estimated (flag e)', '4'],
      ['T-P5-techkwadraat-alle-leerlingen', '2022', '2,27', 'voorlopig', '5'],
    ]);
    // A power of ten changes the preview, still nothing stored.
    await page.selectOption('[data-iscale="0"]', '3');
    await page.waitForFunction(() => document.querySelector('#import-preview tbody td.num')?.textContent === '2110');
    await page.selectOption('[data-iscale="0"]', '0');
    await page.waitForFunction(() => document.querySelector('#import-preview tbody td.num')?.textContent === '2,11');
    assert.equal(await stored(page), null);
    assert.deepEqual(await axe(page, { context: '#import-map' }), []);
    await page.click('#import-confirm');
    await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
    await page.waitForSelector('#import-map', { state: 'detached' });
    const obs = await observations(page);
    assert.deepEqual(obs.map((o) => [o.subject, o.year, o.value, o.provisional ?? false, o.note ?? null]), [
      ['T-P5-techkwadraat-alle-leerlingen', 2019, 2.11, false, null],
      ['T-P5-techkwadraat-alle-leerlingen', 2020, 2.24, false, null],
      ['T-P5-techkwadraat-alle-leerlingen', 2021, 2.19, false, 'estimated (flag e)'],
      ['T-P5-techkwadraat-alle-leerlingen', 2022, 2.27, true, null],
    ]);
    assert.equal(obs[0].source, 'Eurostat ESTAT:RD_E_GERDTOT(1.0), A.PC_GDP.TOTAL.NL (eurostat-plain.csv)');
  });
});

test('labelled SDMX-CSV and StatLine: labels shown, UNIT_MULT and scale applied, added to what is there', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/data');
    await importFixture(page, 'oecd-labelled.csv');
    await page.waitForSelector('#import-map');
    const text = await page.textContent('#import-series');
    assert.match(text, /NLD\.A\.B\.EUR.*Netherlands, Annual, Business enterprise expenditure on R&D, Euro/s);
    assert.match(text, /geen jaarcijfers.*1 kwartaal\/maand overgeslagen/s);
    await page.selectOption('[data-imap="0"]', 'T-P2-innovatie-500mln-pj');
    await page.waitForSelector('#import-preview tbody tr');
    assert.deepEqual((await preview(page)).map((r) => r[2]), ['9870500000', '10312250000', '11020000000', '11655750000']);
    await page.click('#import-confirm');
    await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
    assert.equal((await observations(page)).length, 4);

    // StatLine: BOM, title line, `2023*`, `2024**`, a footer, CRLF; in thousands.
    await importFixture(page, 'statline-labels.csv');
    await page.waitForSelector('#import-map');
    assert.match(await page.textContent('#import-map'), /CBS StatLine CSV, 1/);
    await page.selectOption('[data-imap="0"]', 'I-P5-uitstroom-naar-sector');
    await page.selectOption('[data-iscale="0"]', '3');
    await page.waitForFunction(() => document.querySelectorAll('#import-preview tbody tr').length === 4);
    assert.deepEqual(await preview(page), [
      ['I-P5-uitstroom-naar-sector', '2021', '92500', '', '3'],
      ['I-P5-uitstroom-naar-sector', '2022', '108400', '', '4'],
      ['I-P5-uitstroom-naar-sector', '2023', '101900', 'voorlopig', '5'],
      ['I-P5-uitstroom-naar-sector', '2024', '97000', 'voorlopig; further provisional (**)', '6'],
    ]);
    await page.click('#import-confirm');
    await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).observations.length === 8, KEY);
    const obs = (await observations(page)).filter((o) => o.subject === 'I-P5-uitstroom-naar-sector');
    assert.deepEqual(obs.map((o) => [o.year, o.value, o.provisional ?? false]), [
      [2021, 92500, false], [2022, 108400, false], [2023, 101900, true], [2024, 97000, true],
    ]);

    // The StatLine export with codes: a quarter is skipped, `.` is missing.
    await importFixture(page, 'statline-codes.csv');
    await page.waitForSelector('#import-map');
    assert.match(await page.textContent('#import-series'), /T001081 \| Werkzame personen \(x 1 000\).*1 zonder waarde; 1 kwartaal\/maand overgeslagen/s);
    await page.click('#import-cancel');
    await page.waitForSelector('#import-map', { state: 'detached' });
    assert.equal((await observations(page)).length, 8);
  });
});

test('a broken file is refused with its line, a clash on confirm with its line, and localStorage is unchanged', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/data');
    // One figure of the user's own first.
    await importFixture(page, 'eurostat-plain.csv');
    await page.waitForSelector('#import-map');
    await page.selectOption('[data-imap="1"]', 'T-P5-techkwadraat-alle-leerlingen');
    await page.waitForSelector('#import-preview tbody tr');
    await page.click('#import-confirm');
    await page.waitForFunction((k) => localStorage.getItem(k) !== null, KEY);
    const before = await stored(page);

    for (const [file, line, what] of [
      ['sdmx-broken.csv', 4, /OBS_VALUE: geen \(geldig\) getal/],
      ['statline-broken.csv', 4, /Perioden: geen jaar, kwartaal, maand of halfjaar/],
    ]) {
      await importFixture(page, file);
      await page.waitForSelector('#problems');
      const p = await page.textContent('#problems');
      assert.match(p, new RegExp(`Regel ${line}`), file);
      assert.match(p, what, file);
      assert.equal(await page.$('#import-map'), null, file);
      assert.equal(await stored(page), before, file);
    }

    // The same series again, on the same subject: every year clashes with
    // the figures already there; each is named by its line in the file.
    await importFixture(page, 'eurostat-plain.csv');
    await page.waitForSelector('#import-map');
    await page.selectOption('[data-imap="1"]', 'T-P5-techkwadraat-alle-leerlingen');
    await page.waitForSelector('#import-preview tbody tr');
    await page.evaluate(() => document.querySelector('#problems')?.remove());
    await page.click('#import-confirm');
    await page.waitForSelector('#problems');
    const p = await page.textContent('#problems');
    assert.match(p, /Regel 7.*tweede waarde/s);
    assert.match(p, /Regel 9/);
    assert.equal(await stored(page), before);
    // A published figure is a clash too (the shipped figures have 2019–2022).
    await page.selectOption('[data-imap="1"]', '');
    await page.selectOption('[data-imap="0"]', 'T-P2-rd-3pct-bbp-2030');
    await page.waitForSelector('#import-preview tbody tr');
    await page.evaluate(() => document.querySelector('#problems')?.remove());
    await page.click('#import-confirm');
    await page.waitForSelector('#problems');
    assert.match(await page.textContent('#problems'), /Regel 2/);
    assert.equal(await stored(page), before);
  });
});

test('published breakdowns are shown one at a time beside the headline, and the status stays the headline\'s', async () => {
  await withPage(browser, async (page, { url }) => {
    const T = 'T-P2-rd-3pct-bbp-2030';
    await open(page, url, '#/target/' + T);
    await page.waitForSelector('#status');
    const status = await page.textContent('#status');
    assert.equal(await page.$('#breakdowns'), null);
    // The same published figures with two breakdowns added (invented values,
    // citing the publication of the headline's 2022 figure).
    await page.route('**/data/figures.json', async (route) => {
      const res = await route.fetch();
      const figures = await res.json();
      const head = figures.observations.find((o) => o.subject === T && o.year === 2022);
      for (const [year, value, breakdown] of [
        [2021, 1.5, 'sectperf: BES'], [2022, 1.6, 'sectperf: BES'], [2022, 0.4, 'sectperf: GOV'],
        [2040, 9.9, 'sectperf: GOV'],
      ]) {
        figures.observations.push({ subject: T, year, value, document: head.document, quote: 'invented for a test', breakdown });
      }
      await route.fulfill({ response: res, json: figures });
    });
    await page.reload();
    await page.waitForSelector('#breakdowns');
    assert.equal(await page.textContent('#status'), status);
    assert.deepEqual(await page.$$eval('#bd-select option', (os) => os.map((o) => o.value)), ['sectperf: BES', 'sectperf: GOV']);
    const cells = () => page.$$eval('#bd-table tbody tr', (trs) => trs.map((tr) => [...tr.children].map((td) => td.textContent)));
    const bes = await cells();
    const row = (rows, y) => rows.find((r) => r[0] === String(y));
    assert.match(row(bes, 2022)[2], /^1,6/);
    assert.match(row(bes, 2021)[2], /^1,5/);
    assert.equal(row(bes, 2019)[2], '–');
    assert.notEqual(row(bes, 2022)[1], '–');
    await page.selectOption('#bd-select', 'sectperf: GOV');
    await page.waitForFunction(() => document.querySelector('#bd-table caption')?.textContent === 'sectperf: GOV');
    const gov = await cells();
    assert.match(row(gov, 2022)[2], /^0,4/);
    assert.equal(row(gov, 2021)[2], '–');
    // A breakdown's year beyond the headline's does not move the status.
    assert.ok(row(gov, 2040));
    assert.equal(await page.textContent('#status'), status);
    assert.deepEqual(await axe(page, { context: '#breakdowns' }), []);
  });
});
