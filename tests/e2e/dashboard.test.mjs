// End-to-end tests of the dashboard in a real browser (Debian's Chromium).
// Run: make test (or: cd tests/e2e && node --test) after scripts/build-web.sh.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { launch, withPage, open, addFigure, statusText, axe } from './helpers.mjs';

const TECH = '#/target/T-P5-technici-25000';
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

test('overview shows the six priorities, each with a status, and which ambitions have no data yet', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url);
    assert.equal(await page.locator('#priority-cards > article').count(), 6);
    assert.equal(await page.locator('#priority-cards .badge').count() >= 6, true);
    // The published figures give some ambitions a status; the rest say "no data".
    assert.equal(await page.locator('#no-data-note').count(), 0);
    assert.match(await page.textContent('section.whole'), /Geen gegevens/);
    assert.equal(await page.getAttribute('html', 'lang'), 'nl');
  });
});

test('a target shows its chart with a text alternative and a data table, and its status', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, TECH);
    const svg = page.locator('svg#target-chart');
    assert.equal(await svg.getAttribute('role'), 'img');
    assert.match(await page.textContent('#target-chart-t'), /25\.000 extra/);
    assert.equal(await page.locator('#target-chart-table table').count() + await page.locator('table#target-chart-table').count() >= 1, true);
    assert.equal(await statusText(page), '○ Geen gegevens');
    assert.match(await page.textContent('#status'), /nog geen waarnemingen/);
    assert.match(await page.textContent('blockquote.source'), /25\.000/);
  });
});

test('a new user: six priorities, drill into 25,000 technicians, add 2026, reload, English, export', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url);
    assert.equal(await page.locator('#priority-cards > article').count(), 6);
    await page.click('#priority-cards a[href="#/target/T-P5-technici-25000"]');
    await page.waitForSelector('svg#target-chart');
    assert.match(await page.textContent('#page-title'), /25\.000 extra geschoolde technici/);
    assert.equal(await statusText(page), '○ Geen gegevens');
    await addFigure(page, { year: 2026, value: 3000, source: 'Eigen telling 2026' });
    await page.waitForFunction(() => !document.querySelector('#status .badge').textContent.includes('Geen gegevens'));
    assert.equal(await statusText(page), '► Matige voortgang');
    assert.match(await page.textContent('#status'), /nog 11\.000 per jaar|Nog 5\.500 personen/);
    await page.reload();
    await page.waitForSelector('#status .badge');
    assert.equal(await statusText(page), '► Matige voortgang');
    assert.match(await page.textContent('#entered-table'), /Eigen telling 2026/);
    await page.click('#lang-switch');
    assert.equal(await statusText(page), '► Moderate progress');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    await page.goto(url + '#/data');
    await page.waitForSelector('#obs-table');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-act="export-json"]')]);
    const text = await fs.readFile(await dl.path(), 'utf8');
    const json = JSON.parse(text);
    // A koers-figures file (what koers publish reads): the published figures
    // with their sources, then the visitor's own, which name no publication.
    assert.equal(json.format, 'koers-figures');
    assert.ok(json.sources.length > 0 && json.observations.some((o) => o.document));
    assert.deepEqual(json.observations.filter((o) => !o.document), [{ subject: 'T-P5-technici-25000', year: 2026, value: 3000, source: 'Eigen telling 2026', note: null, provisional: false }]);
    const [dl2] = await Promise.all([page.waitForEvent('download'), page.click('[data-act="export-csv"]')]);
    assert.match(await fs.readFile(await dl2.path(), 'utf8'), /^subject,year,value,source,note,provisional\nT-P5-technici-25000,2026,3000,Eigen telling 2026,,false\n$/);
  });
});

test('the status changes with each figure and undo/redo (buttons and Ctrl+Z) bring it back', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, TECH);
    await addFigure(page, { year: 2026, value: 5000, source: 'A' });
    await page.waitForSelector('#entered-table');
    assert.equal(await statusText(page), '▲ Op koers');
    await page.locator('body').click({ position: { x: 5, y: 5 } });
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => document.querySelector('#status .badge').textContent.includes('Geen gegevens'));
    await page.keyboard.press('Control+Shift+z');
    await page.waitForFunction(() => document.querySelector('#status .badge').textContent.includes('Op koers'));
    await page.click('header [data-act="undo"]');
    assert.equal(await statusText(page), '○ Geen gegevens');
    await page.click('header [data-act="redo"]');
    assert.equal(await statusText(page), '▲ Op koers');
    assert.equal(await page.evaluate(() => JSON.parse(localStorage.getItem('koers.observations.v1')).observations.length), 1);
  });
});

test('a malformed CSV import lists errors with line and field and changes nothing', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, TECH);
    await addFigure(page, { year: 2026, value: 3000, source: 'kept' });
    await page.waitForSelector('#entered-table');
    const stored = await page.evaluate(() => localStorage.getItem('koers.observations.v1'));
    await page.goto(url + '#/data');
    await page.waitForSelector('#obs-table');
    const csv = 'subject,year,value,source\nT-P5-technici-25000,2027,100,ok\nT-P5-technici-25000,20x8,abc,\nT-nope,2029,1,x\n';
    await page.setInputFiles('#import-file', { name: 'bad.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForSelector('#problems');
    const problems = await page.textContent('#problems');
    assert.match(problems, /Regel 3, year/);
    assert.match(problems, /Regel 3, value/);
    assert.match(problems, /Regel 3, source/);
    assert.match(problems, /Er is niets veranderd/);
    assert.equal(await page.evaluate(() => localStorage.getItem('koers.observations.v1')), stored);
    assert.equal(await page.locator('#obs-table tbody tr').count(), 1);
    // A file whose every line parses but names an unknown subject: also refused, with its line.
    await page.setInputFiles('#import-file', { name: 'bad2.csv', mimeType: 'text/csv', buffer: Buffer.from('subject,year,value,source\nT-nope,2029,1,x\n') });
    await page.waitForFunction(() => document.querySelector('#problems')?.textContent.includes('Regel 2'));
    assert.equal(await page.evaluate(() => localStorage.getItem('koers.observations.v1')), stored);
  });
});

test('export then import gives the same data back (JSON and CSV)', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/data');
    await page.selectOption('#f-subject', 'T-P2-rd-3pct-bbp-2030');
    await addFigure(page, { year: 2024, value: '2,27', source: 'Eurostat "R&D" \\ test', note: 'eerste; tweede' });
    await page.selectOption('#f-subject', 'I-P2-rd-intensiteit');
    await page.check('#f-provisional');
    await addFigure(page, { year: 2025, value: '2,3', source: 'CBS' });
    await page.waitForFunction(() => document.querySelectorAll('#obs-table tbody tr').length === 2);
    const before = await page.evaluate(() => localStorage.getItem('koers.observations.v1'));
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-act="export-json"]')]);
    const json = await fs.readFile(await dl.path());
    const [dc] = await Promise.all([page.waitForEvent('download'), page.click('[data-act="export-csv"]')]);
    const csv = await fs.readFile(await dc.path());
    page.once('dialog', (d) => d.accept());
    await page.click('[data-act="reset"]');
    await page.waitForSelector('#no-obs');
    await page.setInputFiles('#import-file', { name: 'koers.json', mimeType: 'application/json', buffer: json });
    await page.waitForSelector('#obs-table');
    assert.equal(await page.evaluate(() => localStorage.getItem('koers.observations.v1')), before);
    page.once('dialog', (d) => d.accept());
    await page.click('[data-act="reset"]');
    await page.waitForSelector('#no-obs');
    await page.setInputFiles('#import-file', { name: 'koers.csv', mimeType: 'text/csv', buffer: csv });
    await page.waitForSelector('#obs-table');
    assert.equal(await page.evaluate(() => localStorage.getItem('koers.observations.v1')), before);
  }, { allowErrors: [] });
});

test('hostile text renders as text: no element, no dialog', async () => {
  const evil = '<img src=x onerror=alert(1)>';
  const ctx = await withPage(browser, async (page, { url }) => {
    await open(page, url, TECH);
    await addFigure(page, { year: 2026, value: 100, source: evil, note: evil });
    await page.waitForSelector('#entered-table');
    assert.match(await page.textContent('#entered-table'), /<img src=x onerror=alert\(1\)>/);
    await page.goto(url + '#/data');
    await page.waitForSelector('#obs-table');
    assert.equal(await page.locator('#obs-table img, #root img').count(), 0);
    assert.equal(await page.inputValue('#obs-table tbody tr:first-child [data-edit="source"]'), evil);
    // The same through an import.
    const csv = `subject,year,value,source,note\nT-P5-technici-25000,2027,5,"${evil}","${evil}"\n`;
    await page.setInputFiles('#import-file', { name: 'x.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await page.waitForFunction(() => document.querySelectorAll('#obs-table tbody tr').length === 1);
    await page.goto(url + TECH);
    await page.waitForSelector('#entered-table');
    await page.waitForTimeout(200);
    assert.equal(await page.locator('#root img').count(), 0);
  }, { allowErrors: [] });
  assert.deepEqual(ctx.dialogs, []);
});

test('the language switch works and is remembered', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url);
    assert.match(await page.textContent('#page-title'), /Semicon Visie 2035/);
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.textContent('header nav'), /Overview/);
    assert.match(await page.textContent('section.whole'), /Not available/);
    await page.reload();
    await page.waitForSelector('#page-title');
    assert.equal(await page.getAttribute('html', 'lang'), 'en');
    assert.match(await page.textContent('header nav'), /Money/);
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'nl');
    assert.equal(await page.evaluate(() => localStorage.getItem('koers.lang')), 'nl');
  });
});

test('deep links open the right view', async () => {
  await withPage(browser, async (page, { url }) => {
    for (const [hash, re] of [
      ['#/priority/P5', /^5\. Zorg voor voldoende talent/],
      ['#/target/T-P3-pic-fabriek-2032', /PIC/],
      ['#/indicator/I-P2-rd-intensiteit', /R&D-intensiteit|R&D/],
      ['#/money', /Geld/],
      ['#/data', /Gegevens/],
      ['#/method', /Methode/],
    ]) {
      await open(page, url, hash);
      assert.match(await page.textContent('#page-title'), re, hash);
    }
  });
});

test('back and forward move between views', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url);
    await page.click('#priority-cards a[href="#/priority/P5"]');
    await page.waitForFunction(() => document.querySelector('#page-title').textContent.startsWith('5.'));
    await page.click('a[href="#/target/T-P5-technici-25000"]');
    await page.waitForSelector('svg#target-chart');
    await page.goBack();
    await page.waitForFunction(() => document.querySelector('#page-title').textContent.startsWith('5.'));
    await page.goBack();
    await page.waitForSelector('#priority-cards');
    await page.goForward();
    await page.waitForFunction(() => document.querySelector('#page-title').textContent.startsWith('5.'));
    assert.equal(new URL(page.url()).hash, '#/priority/P5');
  });
});

test('illustrative figures load only on request and are marked as invented', async () => {
  await withPage(browser, async (page, { url, context }) => {
    const requested = [];
    context.on('request', (r) => requested.push(new URL(r.url()).pathname));
    await open(page, url);
    assert.equal(requested.some((p) => p.includes('illustrative')), false);
    await page.goto(url + '#/data');
    await page.waitForSelector('#no-obs');
    await page.click('[data-act="examples"]');
    await page.waitForSelector('#obs-table');
    assert.equal(requested.some((p) => p.includes('illustrative')), true);
    assert.match(await page.textContent('#illustrative-note'), /verzonnen/);
    assert.ok(await page.locator('#obs-table .tag.illustrative').count() > 5);
    await open(page, url, TECH);
    assert.match(await page.textContent('.target-page'), /verzonnen voorbeelden/);
  });
});

test('no accessibility violations (axe-core, WCAG 2.1 AA) on any view', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, TECH);
    await addFigure(page, { year: 2026, value: 3000, source: 'test' });
    await page.waitForSelector('#entered-table');
    for (const hash of ['#/', '#/priority/P3', TECH, '#/indicator/I-P2-rd-intensiteit', '#/money', '#/data', '#/method']) {
      await open(page, url, hash);
      const v = await axe(page);
      assert.deepEqual(v, [], hash);
    }
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.deepEqual(await axe(page), [], 'method (en)');
  });
});

test('keyboard alone reaches the add form and enters a figure', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, TECH);
    await page.focus('#f-year');
    await page.keyboard.press('Control+a');
    await page.keyboard.type('2026');
    await page.keyboard.press('Tab');
    await page.keyboard.type('3000');
    await page.keyboard.press('Tab');
    await page.keyboard.type('toetsenbord');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#entered-table');
    assert.equal(await statusText(page), '► Matige voortgang');
    const outline = await page.evaluate(() => {
      document.querySelector('#f-add').focus();
      return getComputedStyle(document.activeElement).outlineStyle;
    });
    assert.notEqual(outline, 'none');
  });
});

test('fits a 360-px phone and prints as an A4 report', async () => {
  await withPage(browser, async (page, { url }) => {
    for (const hash of ['#/', TECH, '#/money', '#/data']) {
      await open(page, url, hash);
      const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      assert.ok(over <= 0, `${hash} overflows by ${over}px`);
    }
    await open(page, url);
    await page.emulateMedia({ media: 'print' });
    assert.equal(await page.locator('header nav').isVisible(), false);
    const pdf = await page.pdf({ format: 'A4' });
    assert.ok(pdf.length > 10000);
  }, { viewport: { width: 360, height: 740 } });
});

test('every chart downloads as SVG and PNG, and its table as CSV', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, TECH);
    await addFigure(page, { year: 2026, value: 3000, source: 'test' });
    await page.waitForSelector('#entered-table');
    const get = async (sel) => {
      const [dl] = await Promise.all([page.waitForEvent('download'), page.click(sel)]);
      return { name: dl.suggestedFilename(), body: await fs.readFile(await dl.path()) };
    };
    const svg = await get('[data-act="svg"][data-target="target-chart"]');
    assert.equal(svg.name, 'target-chart.svg');
    assert.match(svg.body.toString(), /^<svg[^>]*xmlns="http:\/\/www.w3.org\/2000\/svg"/);
    const png = await get('[data-act="png"][data-target="target-chart"]');
    assert.equal(png.name, 'target-chart.png');
    assert.deepEqual([...png.body.subarray(1, 4)], [0x50, 0x4e, 0x47]);
    const csv = await get('[data-act="csv"][data-target="target-chart-table"]');
    // The presentation model's rows: numbers unformatted, the unit in the
    // header, not the page's "3.000 personen".
    assert.match(csv.body.toString(), /^Jaar,Waarde \(personen\),Wat,Herkomst\n2025,0,Basis \(aangenomen\),\n2026,3000,Lopend totaal,van jou \(in deze browser\)\n/);
    assert.match(await page.textContent('#target-chart-table'), /3\.000 personen/);
    await open(page, url, '#/money');
    const w = await get('[data-act="svg"][data-target="windows-chart"]');
    assert.match(w.body.toString(), /Investeringsvensters tot 2035/);
    const r = await get('[data-act="csv"][data-target="revolve-chart-table"]');
    assert.match(r.body.toString(), /^Jaar,Nieuw budget \(€\),Terugvloeiing \(€\),Opnieuw ingezet \(€\),Ingezet \(€\)\n2026,\d+(\.\d+)?,/);
    const ws = await get('[data-act="csv"][data-target="windows-chart-table"]');
    assert.match(ws.body.toString(), /,7000000000,/);
  });
});

test('the revolving model recomputes when its parameters change', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/money');
    const factor = async () => (await page.textContent('#revolve-out dl')).match(/Revolveerfactor([^A-Z]*)/)[1].trim();
    const before = await factor();
    await page.fill('#rv-loss', '100');
    await page.press('#rv-loss', 'Enter');
    await page.waitForFunction((b) => !document.querySelector('#revolve-out dl').textContent.includes(b), before);
    assert.match(await factor(), /^1×/);
    // One state for the parameters: the scenario explorer has the same, and
    // its link carries them; changed there, the money view follows.
    await page.evaluate(() => { location.hash = '#/scenario'; });
    await page.waitForSelector('#sc-rv-loss');
    assert.equal(await page.inputValue('#sc-rv-loss'), '100');
    assert.match(await page.inputValue('#sc-link'), /r=100~/);
    await page.fill('#sc-rv-loss', '0');
    await page.press('#sc-rv-loss', 'Tab');
    await page.waitForFunction(() => document.getElementById('sc-link').value.includes('r=0~'));
    await page.evaluate(() => { location.hash = '#/money'; });
    await page.waitForSelector('#rv-loss');
    assert.equal(await page.inputValue('#rv-loss'), '0');
    assert.doesNotMatch(await factor(), /^1×/);
  });
});

test('realised window flows are entered, shown per year against the window, and give a realised multiplier', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/data');
    await page.selectOption('#g-window', 'W-P3-investnl-4mld');
    await page.fill('#g-pc', '400000000');
    await page.fill('#g-vc', '1200000000');
    await page.click('#g-add');
    assert.match(await page.textContent('#problems'), /source/);
    await page.fill('#g-source', 'Invest-NL jaarverslag');
    await page.click('#g-add');
    await page.waitForSelector('#flows-table');
    await open(page, url, '#/money');
    assert.match(await page.textContent('#realised-h + *'), /Invest-NL jaarverslag/);
    assert.match(await page.textContent('.money-page'), /Gerealiseerde multiplier\s*4×/);
    assert.deepEqual(await axe(page), []);
  });
});
