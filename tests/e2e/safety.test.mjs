// Nothing misread, nothing lost (issue 9): Dutch and English number entry,
// spreadsheet formulas in CSV downloads, saved scenarios, files that cannot
// be valid, unknown addresses and Dutch messages. Every test checks what is
// stored in localStorage before and after. Subjects without a published
// figure are used, so the user's figures never clash with the published
// ones. Run: cd tests/e2e && node --test safety.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { launch, withPage, open, addFigure } from './helpers.mjs';

const TECH = 'T-P5-technici-25000';
const KEY = 'koers.observations.v1';
const SCENARIOS = 'koers.scenarios.v1';
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const stored = (page) => page.evaluate((k) => localStorage.getItem(k), KEY);
const values = async (page) => {
  const s = await stored(page);
  return s ? JSON.parse(s).observations.map((o) => o.value) : [];
};
const problems = (page) => page.textContent('#problems');

async function importFile(page, name, buffer) {
  await page.evaluate(() => document.querySelector('#problems')?.remove());
  await page.setInputFiles('#import-file', { name, mimeType: name.endsWith('.json') ? 'application/json' : 'text/csv', buffer });
}

async function waitProblems(page) {
  await page.waitForSelector('#problems');
  return problems(page);
}

test('Dutch numbers are read the way the page writes them, or refused with both readings (add form, data view, CSV)', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/target/' + TECH);
    assert.equal(await stored(page), null);
    // The page writes "25.000 personen": 25.000 is twenty-five thousand.
    await addFigure(page, { year: 2026, value: '25.000', source: 'CBS' });
    await page.waitForSelector('#entered-table');
    assert.deepEqual(await values(page), [25000]);
    // The data view's edit: 3.000 is three thousand, and the other forms.
    await page.goto(url + '#/data');
    await page.waitForSelector('#obs-table');
    assert.equal(await page.inputValue('#obs-table tbody tr:first-child [data-edit="value"]'), '25000');
    const edit = async (v) => {
      await page.fill('#obs-table tbody tr:first-child [data-edit="value"]', v);
      await page.press('#obs-table tbody tr:first-child [data-edit="value"]', 'Tab');
    };
    for (const [typed, want] of [
      ['3.000', 3000], ['1.234,5', 1234.5], ['25\u00a0000', 25000], ['25\u202f000', 25000],
      ['25\u2009000', 25000],
    ]) {
      await edit(typed);
      await page.waitForFunction(([k, w]) => JSON.parse(localStorage.getItem(k)).observations[0].value === w, [KEY, want]);
    }
    // What the page would never write is refused, with both readings, and nothing changes.
    const before = await stored(page);
    await edit('2,600');
    let p = await waitProblems(page);
    assert.match(p, /2,6 .*2600/);
    assert.equal(await stored(page), before);
    await edit('2.5');
    p = await waitProblems(page);
    assert.match(p, /2\.5.*2,5/);
    assert.equal(await stored(page), before);
    // A % or € that a number of persons does not have: refused, not dropped.
    for (const typed of ['12,5%', '€ 1.500', '2.600 €']) {
      await page.evaluate(() => document.querySelector('#problems')?.remove());
      await edit(typed);
      p = await waitProblems(page);
      assert.match(p, /geschreven met '[%€]'/);
      assert.equal(await stored(page), before);
    }
    // A CSV "2.600" alone: refused with both readings.
    await importFile(page, 'a.csv', Buffer.from(`subject,year,value,source\n${TECH},2027,"2.600",CBS\n`));
    p = await waitProblems(page);
    assert.match(p, /Regel 2/);
    assert.match(p, /2600.*2,6|2,6.*2600/);
    assert.equal(await stored(page), before);
    // The file says its convention elsewhere (2,5): 2.600 is 2600.
    await importFile(page, 'b.csv', Buffer.from(`subject,year,value,source\n${TECH},2027,"2.600",CBS\n${TECH},2028,"2,5",CBS\n`));
    await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k)).observations.length === 2, KEY);
    assert.deepEqual(await values(page), [2600, 2.5]);
    // A CSV "5 %" for persons: refused with its line.
    const two = await stored(page);
    await importFile(page, 'c.csv', Buffer.from(`subject,year,value,source\n${TECH},2029,5 %,CBS\n`));
    p = await waitProblems(page);
    assert.match(p, /Regel 2.*geschreven met '%'/s);
    assert.equal(await stored(page), two);
    // Where the unit has them, % and € are read as the page writes them.
    await open(page, url, '#/target/T-P5-techkwadraat-alle-leerlingen');
    await page.waitForFunction((id) => document.querySelector('#add-form [name=subject]')?.value === id, 'T-P5-techkwadraat-alle-leerlingen');
    await addFigure(page, { year: 2026, value: '12,5%', source: 'DUO' });
    await page.waitForSelector('#entered-table');
    await open(page, url, '#/target/T-P2-innovatie-500mln-pj');
    await page.waitForFunction((id) => document.querySelector('#add-form [name=subject]')?.value === id, 'T-P2-innovatie-500mln-pj');
    await addFigure(page, { year: 2026, value: '€ 1.500', source: 'EZK' });
    await page.waitForSelector('#entered-table');
    assert.deepEqual(await values(page), [2600, 2.5, 12.5, 1500]);
  });
});

test('in English, 25.000 is refused with both readings and 25,000 is twenty-five thousand', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/target/' + TECH);
    await page.click('[data-act="lang"]');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    await addFigure(page, { year: 2026, value: '25.000', source: 'CBS' });
    const p = await waitProblems(page);
    assert.match(p, /25000.*25|25.*25000/);
    assert.equal(await stored(page), null);
    await page.fill('#f-value', '25,000');
    await page.click('#f-add');
    await page.waitForSelector('#entered-table');
    assert.deepEqual(await values(page), [25000]);
  });
});

test('no CSV download carries a spreadsheet formula, and koers reads its own CSV back unchanged', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/data');
    await page.selectOption('#f-subject', TECH);
    await addFigure(page, { year: 2026, value: '3100', source: '=HYPERLINK("https://evil.example","klik")', note: '@SUM(1+1)' });
    await page.waitForSelector('#obs-table');
    await page.selectOption('#f-subject', 'I-P5-uitstroom-naar-sector');
    await addFigure(page, { year: 2026, value: '-3', source: '+1+1', note: '-2+3' });
    await page.waitForFunction(() => document.querySelectorAll('#obs-table tbody tr').length === 2);
    const before = await stored(page);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-act="export-csv"]')]);
    const csv = await fs.readFile(await dl.path());
    const cells = csv.toString().trim().split('\n').slice(1).flatMap((l) => l.match(/("([^"]|"")*"|[^,]*)(,|$)/g).map((c) => c.replace(/,$/, '').replace(/^"|"$/g, '').replace(/""/g, '"')));
    for (const c of cells) {
      assert.ok(!/^[=+\-@\t\r]/.test(c) || /^-?\d+(\.\d+)?$/.test(c), `a formula in the CSV: ${c}`);
    }
    assert.ok(cells.includes('\'=HYPERLINK("https://evil.example","klik")'));
    assert.ok(cells.includes('\'@SUM(1+1)') && cells.includes('\'+1+1') && cells.includes('\'-2+3'));
    assert.ok(cells.includes('-3'), 'a negative number stays a number');
    // Back through koers's own import: the same figures, stored the same.
    await importFile(page, 'koers.csv', csv);
    await page.waitForSelector('#flash');
    assert.equal(await stored(page), before);
    assert.equal(await page.inputValue('#obs-table tbody tr:first-child [data-edit="source"]'), '=HYPERLINK("https://evil.example","klik")');
  });
});

test('an unnamed save never replaces a saved scenario', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/scenario');
    const save = async () => {
      await page.fill('#sc-name', '');
      await page.click('#sc-save');
      await page.waitForSelector('#sc-saved');
    };
    await save();
    await page.click('#sc-reset');
    await page.fill('#sc-wm-0-n', '2');
    await page.press('#sc-wm-0-n', 'Tab');
    await save();
    const names = () => page.$$eval('#sc-saved li span', (s) => s.map((x) => x.textContent));
    assert.deepEqual(await names(), ['Scenario 1', 'Scenario 2']);
    const second = (await page.evaluate((k) => localStorage.getItem(k), SCENARIOS)).split('\n')[1];
    await page.click('#sc-saved li:first-child [data-act="sc-delete"]');
    await page.waitForFunction(() => document.querySelectorAll('#sc-saved li').length === 1);
    await page.click('#sc-reset');
    await page.fill('#sc-wm-0-n', '3');
    await page.press('#sc-wm-0-n', 'Tab');
    await save();
    assert.deepEqual((await names()).sort(), ['Scenario 1', 'Scenario 2']);
    const lines = (await page.evaluate((k) => localStorage.getItem(k), SCENARIOS)).trim().split('\n');
    assert.equal(lines.length, 2);
    assert.ok(lines.includes(second), 'the saved Scenario 2 is kept as it was');
  });
});

test('the 101st scenario is refused when saved, visibly; the 100 stay', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/scenario');
    const hundred = Array.from({ length: 100 }, (_, k) => `n=S${k + 1}`).join('\n') + '\n';
    await page.evaluate(([k, v]) => localStorage.setItem(k, v), [SCENARIOS, hundred]);
    await page.reload();
    await page.waitForSelector('#sc-saved');
    assert.equal(await page.locator('#sc-saved li').count(), 100);
    await page.fill('#sc-name', 'Nummer 101');
    await page.click('#sc-save');
    await page.waitForFunction(() => /Niet bewaard: er zijn al 100/.test(document.body.textContent));
    assert.equal(await page.locator('#sc-saved li').count(), 100);
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), SCENARIOS), hundred);
    // Saving one of the 100 again still works.
    await page.fill('#sc-name', 'S7');
    await page.click('#sc-save');
    await page.waitForFunction(() => /Scenario bewaard/.test(document.body.textContent));
    assert.equal(await page.locator('#sc-saved li').count(), 100);
  });
});

test('files that cannot be valid: too large (before reading), ;-separated, not UTF-8', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/target/' + TECH);
    await addFigure(page, { year: 2026, value: '3100', source: 'kept' });
    await page.waitForSelector('#entered-table');
    const before = await stored(page);
    await page.goto(url + '#/data');
    await page.waitForSelector('#obs-table');
    // 30 MB made in the page; every read of a file through FileReader is counted.
    const reads = await page.evaluate(async () => {
      let reads = 0;
      const orig = FileReader.prototype.readAsArrayBuffer;
      FileReader.prototype.readAsArrayBuffer = function (...a) { reads += 1; return orig.apply(this, a); };
      const f = new File([new Uint8Array(30 << 20).fill(120)], 'big.csv', { type: 'text/csv' });
      const dt = new DataTransfer();
      dt.items.add(f);
      const input = document.getElementById('import-file');
      input.files = dt.files;
      input.dispatchEvent(new Event('change', { bubbles: true }));
      while (!document.getElementById('problems')) await new Promise((r) => setTimeout(r, 5));
      FileReader.prototype.readAsArrayBuffer = orig;
      return reads;
    });
    let p = await problems(page);
    assert.match(p, /groter dan elk geldig bestand \(hooguit \d+ KiB\)/);
    assert.equal(reads, 0, 'refused before the file is read');
    assert.equal(await stored(page), before);
    await importFile(page, 'semi.csv', Buffer.from(`subject;year;value;source\n${TECH};2027;1;CBS\n`));
    p = await waitProblems(page);
    assert.match(p, /gescheiden door ';'/);
    assert.doesNotMatch(p, /geen kolom/);
    assert.equal(await stored(page), before);
    const latin1 = Buffer.concat([Buffer.from(`subject,year,value,source\n${TECH},2027,1,`), Buffer.from([0x43, 0x42, 0xe9, 0x53]), Buffer.from('\n')]);
    await importFile(page, 'latin1.csv', latin1);
    p = await waitProblems(page);
    assert.match(p, /Regel 2/);
    assert.match(p, /UTF-8/);
    assert.equal(await stored(page), before);
  });
});

test('a large valid import says what it is doing from the moment the file is chosen, and one import runs at a time', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/data');
    // 900 figures for eight subjects without published figures, 1900-2012.
    const subjects = [TECH, 'T-P5-studenten-15000-2030-2035', 'T-P5-technici-38000-2030', 'I-P5-uitstroom-naar-sector',
      'I-P1-eu-subsidies-projecten', 'I-P3-scaleups-tickets-100mln', 'T-P3-gemobiliseerd-25mld-2035', 'T-P2-innovatie-500mln-pj'];
    const rows = ['subject,year,value,source'];
    for (let k = 0; k < 900; k++) rows.push(`${subjects[k % 8]},${1900 + Math.floor(k / 8)},${k},CBS`);
    // What the page showed, frame by frame, until the figures were stored.
    await page.evaluate((key) => {
      window.seen = [];
      const look = () => {
        const el = document.getElementById('import-progress');
        const n = JSON.parse(localStorage.getItem(key) || '{"observations":[]}').observations.length;
        if (el) window.seen.push({ text: el.textContent, bar: !!el.querySelector('progress'), stored: n,
          disabled: document.getElementById('import-button').disabled });
        if (n < 900) requestAnimationFrame(look);
      };
      requestAnimationFrame(look);
    }, KEY);
    await importFile(page, 'groot.csv', Buffer.from(rows.join('\n') + '\n'));
    await page.waitForFunction((k) => JSON.parse(localStorage.getItem(k) || '{"observations":[]}').observations.length === 900, KEY);
    await page.waitForSelector('#obs-table');
    const seen = await page.evaluate(() => window.seen);
    // Shown in a painted frame before anything was stored: the file's name, its lines, a bar, the button off.
    const checking = seen.find((s) => /901 regels worden gecontroleerd/.test(s.text));
    assert.ok(checking, `the count of lines was shown: ${JSON.stringify(seen)}`);
    assert.equal(checking.stored, 0);
    assert.ok(checking.bar && checking.disabled);
    assert.match(checking.text, /groot\.csv/);
    // Gone once done, and the button back.
    assert.equal(await page.locator('#import-progress').count(), 0);
    assert.equal(await page.isDisabled('#import-button'), false);
    assert.match(await page.textContent('#flash'), /900|geïmporteerd|ingelezen/i);
  });
});

test('values beyond a plausible size are refused at entry: two times 1e308 never add up to infinity', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/target/' + TECH);
    await addFigure(page, { year: 2026, value: '1e308', source: 'A' });
    let p = await waitProblems(page);
    assert.match(p, /groter dan 1e10/);
    assert.equal(await stored(page), null);
    await page.goto(url + '#/data');
    await page.waitForSelector('#import-file');
    await importFile(page, 'huge.csv', Buffer.from(`subject,year,value,source\n${TECH},2026,1e308,A\n${TECH},2027,1e308,A\n`));
    p = await waitProblems(page);
    assert.match(p, /groter dan 1e10/);
    assert.equal(await stored(page), null);
    assert.doesNotMatch(await page.textContent('body'), /∞|Infinity|NaN/);
  });
});

test('an unknown address says "not found" (nl and en) instead of showing the overview', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/nope');
    assert.equal((await page.textContent('#page-title')).trim(), 'Niet gevonden');
    await page.click('[data-act="lang"]');
    await page.waitForFunction(() => document.getElementById('page-title').textContent.trim() === 'Not found');
    await page.goto(url + '#/');
    await page.waitForFunction(() => document.getElementById('page-title').textContent.trim() !== 'Not found');
    assert.equal(await stored(page), null);
  });
});

test('Dutch messages about a broken file carry no English parser phrases', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/data');
    await importFile(page, 'broken.json', Buffer.from('{"format": "koers-figures", "format_version": 1,\n "observations": [ }'));
    const p = await waitProblems(page);
    assert.match(p, /ongeldige JSON/);
    assert.doesNotMatch(p, /\b(expected|invalid|value|the file|unexpected|ends)\b/i);
    assert.equal(await stored(page), null);
  });
});
