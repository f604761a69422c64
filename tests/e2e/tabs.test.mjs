// The dashboard open in two tabs of one browser (two pages in one context:
// one localStorage, real `storage` events), and storage that is full or
// holds something unreadable. Nothing a user entered may be lost or land on
// another figure without a word; every test checks localStorage before and
// after. Uses subjects with no published figure (their years are free).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, withPage, open, addFigure } from './helpers.mjs';

const KEY = 'koers.observations.v1';
const TECH_ID = 'T-P5-technici-25000';
const TECH = `#/target/${TECH_ID}`;
const FLOW_ID = 'I-P5-uitstroom-naar-sector';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// What is stored: `subject@year=value`, sorted.
function stored(page) {
  return page.evaluate((k) => {
    const t = localStorage.getItem(k);
    return t ? JSON.parse(t).observations.map((o) => `${o.subject}@${o.year}=${o.value}`).sort() : [];
  }, KEY);
}

/// Wait until both tabs' storage holds `want` (sorted), then check it.
async function waitStored(page, want, timeout = 5000) {
  const sorted = [...want].sort();
  await page.waitForFunction(([k, w]) => {
    const t = localStorage.getItem(k);
    const got = t ? JSON.parse(t).observations.map((o) => `${o.subject}@${o.year}=${o.value}`).sort() : [];
    return JSON.stringify(got) === JSON.stringify(w);
  }, [KEY, sorted], { timeout }).catch(() => {});
  assert.deepEqual(await stored(page), sorted);
}

/// A koers-figures file with the user's own observations.
function figures(rows) {
  return JSON.stringify({
    format: 'koers-figures', format_version: 1,
    observations: rows.map(([subject, year, value, source]) => ({ subject, year, value, source, note: null, provisional: false })),
  });
}

/// Two tabs of one browser: `a` (watched by withPage) and `b` (its console
/// errors are watched too; a dialog in either fails the test).
async function twoTabs(fn, opts) {
  return withPage(browser, async (a, ctx) => {
    const b = await ctx.context.newPage();
    b.on('dialog', async (d) => { ctx.dialogs.push(d.message()); await d.dismiss(); });
    await fn(a, b, ctx);
  }, opts);
}

/// Click `selector` in every page at the same instant (both pages share the
/// browser's clock).
async function clickTogether(pages, selector) {
  const at = await pages[0].evaluate(() => Date.now() + 250);
  await Promise.all(pages.map((p) => p.evaluate(([sel, at]) => new Promise((done) => {
    setTimeout(() => { document.querySelector(sel).click(); done(); }, Math.max(0, at - Date.now()));
  }), [selector, at])));
}

async function fillAdd(page, { subject, year, value, source }) {
  if (subject) await page.selectOption('#f-subject', subject);
  await page.fill('#f-year', String(year));
  await page.fill('#f-value', String(value));
  await page.fill('#f-source', source);
}

/// A cell of the data view's row for `year`: its value field, or its delete button.
const row = (year, what) => `#obs-table tbody tr:has(input[data-edit="year"][value="${year}"]) ${what === 'delete' ? '[data-act="delete"]' : `[data-edit="${what}"]`}`;

const rowsText = (page, sel) => page.evaluate((s) => document.querySelector(s)?.textContent ?? '', sel);

test('undo in one tab undoes that tab\'s own last change, not a figure another tab added', async () => {
  await twoTabs(async (a, b, { url }) => {
    await open(a, url, TECH);
    await open(b, url, TECH);
    assert.deepEqual(await stored(a), []);
    await addFigure(a, { year: 2026, value: 3000, source: 'tab A' });
    await b.waitForFunction(() => document.querySelector('#entered-table')?.textContent.includes('tab A'));
    await addFigure(b, { year: 2027, value: 4000, source: 'tab B' });
    await a.waitForFunction(() => document.querySelector('#entered-table')?.textContent.includes('tab B'));
    await waitStored(a, [`${TECH_ID}@2026=3000`, `${TECH_ID}@2027=4000`]);

    await a.click('header [data-act="undo"]');
    await waitStored(a, [`${TECH_ID}@2027=4000`]);
    await b.waitForFunction(() => !document.querySelector('#entered-table')?.textContent.includes('tab A'));
    for (const p of [a, b]) {
      const text = await rowsText(p, '#entered-table');
      assert.match(text, /tab B/);
      assert.doesNotMatch(text, /tab A/);
    }
    // Redo brings back this tab's figure, and only that.
    await a.click('header [data-act="redo"]');
    await waitStored(b, [`${TECH_ID}@2026=3000`, `${TECH_ID}@2027=4000`]);
    // The other tab's undo takes back its own figure: A's stays.
    await b.waitForFunction(() => document.querySelector('#entered-table')?.textContent.includes('tab A'));
    await b.click('header [data-act="undo"]');
    await waitStored(a, [`${TECH_ID}@2026=3000`]);
    await a.waitForFunction(() => !document.querySelector('#entered-table')?.textContent.includes('tab B'));
    assert.match(await rowsText(a, '#entered-table'), /tab A/);
  });
});

test('two tabs adding a figure at the same instant keep both (five times)', async () => {
  await twoTabs(async (a, b, { url }) => {
    await open(a, url, '#/data');
    await open(b, url, '#/data');
    const want = [];
    for (let t = 0; t < 5; t++) {
      await fillAdd(a, { subject: TECH_ID, year: 2026 + t, value: 100 + t, source: `A${t}` });
      await fillAdd(b, { subject: FLOW_ID, year: 2026 + t, value: 200 + t, source: `B${t}` });
      assert.deepEqual(await stored(a), [...want].sort());
      await clickTogether([a, b], '#f-add');
      want.push(`${TECH_ID}@${2026 + t}=${100 + t}`, `${FLOW_ID}@${2026 + t}=${200 + t}`);
      await waitStored(a, want);
      await waitStored(b, want);
      for (const p of [a, b]) {
        await p.waitForFunction((n) => document.querySelectorAll('#obs-table tbody tr').length === n, want.length, { timeout: 5000 });
      }
    }
    for (const p of [a, b]) {
      assert.equal(await p.locator('#conflicts').count(), 0);
      const sources = await p.evaluate(() => [...document.querySelectorAll('#obs-table [data-edit="source"]')].map((i) => i.value).sort());
      assert.deepEqual(sources, ['A0', 'A1', 'A2', 'A3', 'A4', 'B0', 'B1', 'B2', 'B3', 'B4']);
    }
  });
});

test('two tabs giving the same subject and year different values: the user is asked, nothing dropped', async () => {
  await twoTabs(async (a, b, { url }) => {
    await open(a, url, TECH);
    await open(b, url, TECH);
    let asked = 0;
    const all = [];
    for (let t = 0; t < 5 && asked === 0; t++) {
      const year = 2026 + t;
      await fillAdd(a, { year, value: 3000 + t, source: `A${t}` });
      await fillAdd(b, { year, value: 4000 + t, source: `B${t}` });
      await clickTogether([a, b], '#f-add');
      // Either the two entries raced (one tab asks which to keep) or they
      // did not (the later one is refused, the typed value still there).
      await a.waitForFunction(() => true);
      const outcome = async () => {
        for (const [p, q, mine, theirs] of [[a, b, 3000 + t, 4000 + t], [b, a, 4000 + t, 3000 + t]]) {
          if (await p.locator('#conflicts').count()) return { p, q, mine, theirs, kind: 'asked' };
          if (await p.locator('#problems').count() && await p.inputValue('#f-value') === String(mine)) return { p, q, mine, theirs, kind: 'refused' };
        }
        return null;
      };
      let o = null;
      for (let i = 0; i < 50 && !o; i++) { o = await outcome(); if (!o) await a.waitForTimeout(100); }
      assert.ok(o, 'a conflict is either asked about or refused, never silent');
      // Stored: the other tab's value (this tab's is in its question).
      await waitStored(a, [...all, `${TECH_ID}@${year}=${o.theirs}`]);
      if (o.kind === 'refused') {
        all.push(`${TECH_ID}@${year}=${o.theirs}`);
        continue;
      }
      asked++;
      const box = await o.p.textContent('#conflicts');
      const nl = (v) => v.toLocaleString('nl-NL');
      assert.ok(box.includes(nl(o.mine)) && box.includes(nl(o.theirs)), `both values shown: ${box}`);
      assert.match(box, new RegExp(String(year)));
      // Still asked after a reload of that tab (kept in its sessionStorage).
      await waitStored(a, [...all, `${TECH_ID}@${year}=${o.theirs}`]);
      await o.p.reload();
      await o.p.waitForSelector('#conflicts');
      const again = await o.p.textContent('#conflicts');
      assert.ok(again.includes(nl(o.mine)) && again.includes(nl(o.theirs)), `both values shown after a reload: ${again}`);
      // Keep this tab's: stored, and the other tab shows it.
      await o.p.click('#conflicts [data-act="conflict-mine"]');
      all.push(`${TECH_ID}@${year}=${o.mine}`);
      await waitStored(o.q, all);
      await o.q.waitForFunction((s) => document.querySelector('#entered-table')?.textContent.includes(s), `${o.p === a ? 'A' : 'B'}${t}`);
      assert.equal(await o.p.locator('#conflicts').count(), 0);
      assert.equal(await o.q.locator('#conflicts').count(), 0);
    }
    assert.ok(asked > 0, 'the entries raced at least once in five tries');
  });
});

test('an edit follows its record when another tab deletes an earlier row; a record deleted while edited is reported', async () => {
  await twoTabs(async (a, b, { url }) => {
    await open(a, url, '#/data');
    await a.evaluate(([k, v]) => localStorage.setItem(k, v), [KEY, figures([
      [TECH_ID, 2026, 1000, 'one'], [TECH_ID, 2027, 2000, 'two'], [TECH_ID, 2028, 3000, 'three'],
    ])]);
    await open(a, url, '#/data');
    await a.reload();
    await a.waitForSelector('#obs-table');
    await open(b, url, '#/data');
    await b.waitForSelector('#obs-table');
    const before = await stored(a);
    assert.deepEqual(before, [`${TECH_ID}@2026=1000`, `${TECH_ID}@2027=2000`, `${TECH_ID}@2028=3000`]);

    // A starts typing a new value for 2027 (the second row)...
    await a.click(row(2027, 'value'));
    await a.keyboard.press('Control+a');
    await a.keyboard.type('50');
    // ...while B deletes 2026 (the first row).
    await b.click(row(2026, 'delete'));
    await a.waitForFunction(() => document.querySelectorAll('#obs-table tbody tr').length === 2);
    await a.keyboard.type('00');
    await a.keyboard.press('Enter');
    await waitStored(b, [`${TECH_ID}@2027=5000`, `${TECH_ID}@2028=3000`]);
    await waitStored(a, [`${TECH_ID}@2027=5000`, `${TECH_ID}@2028=3000`]);

    // A types into 2028 while B deletes 2028: A is told, and nothing else changes.
    await a.click(row(2028, 'value'));
    await a.keyboard.press('Control+a');
    await a.keyboard.type('77');
    await b.waitForFunction(() => [...document.querySelectorAll('#obs-table [data-edit="value"]')].some((i) => i.value === '5000'));
    await b.click(row(2028, 'delete'));
    await a.waitForSelector('#edit-lost');
    const lost = await a.textContent('#edit-lost');
    assert.match(lost, /2028/);
    assert.match(lost, /77/);
    await a.keyboard.press('Enter');
    await a.waitForTimeout(300);
    await waitStored(a, [`${TECH_ID}@2027=5000`]);
    assert.equal(await a.inputValue('#obs-table [data-edit="value"]'), '5000');
  });
});

test('every unreadable copy of stored data is kept, with its time, until the user removes it', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, TECH);
    const copies = () => page.evaluate((k) => Object.keys(localStorage).filter((x) => x.startsWith(k + '.unreadable')).sort()
      .map((x) => localStorage.getItem(x)), KEY);
    assert.deepEqual(await copies(), []);
    await page.evaluate((k) => localStorage.setItem(k, '{"format": "koers-figures", broken one'), KEY);
    await page.reload();
    await page.waitForSelector('#unreadable');
    assert.deepEqual(await copies(), ['{"format": "koers-figures", broken one']);
    await addFigure(page, { year: 2026, value: 3000, source: 'after the first' });
    await waitStored(page, [`${TECH_ID}@2026=3000`]);
    // A second unreadable copy: kept beside the first.
    await page.evaluate((k) => localStorage.setItem(k, 'broken two'), KEY);
    await page.reload();
    await page.waitForSelector('#unreadable');
    assert.deepEqual((await copies()).sort(), ['broken two', '{"format": "koers-figures", broken one'].sort());
    // Reloading again does not copy the same text twice.
    await page.reload();
    await page.waitForSelector('#unreadable');
    assert.equal((await copies()).length, 2);
    const banner = await page.textContent('#unreadable');
    assert.match(banner, /2 /);
    assert.equal(await page.locator('#unreadable li').count(), 2);
    assert.match(await page.textContent('#unreadable li'), /\d{1,2}:\d{2}/, 'each copy with its time');
    // Saving again keeps both.
    await addFigure(page, { year: 2027, value: 1000, source: 'after the second' });
    await waitStored(page, [`${TECH_ID}@2027=1000`]);
    assert.equal((await copies()).length, 2);
    // Removed only when the user says so, one at a time.
    await page.click('#unreadable li:first-child [data-act="unreadable-remove"]');
    await page.waitForFunction(() => document.querySelectorAll('#unreadable li').length === 1);
    assert.equal((await copies()).length, 1);
    await page.click('#unreadable [data-act="unreadable-remove"]');
    await page.waitForFunction(() => !document.querySelector('#unreadable'));
    assert.deepEqual(await copies(), []);
    await waitStored(page, [`${TECH_ID}@2027=1000`]);
  });
});

test('a failed save shows a lasting "not saved in this browser" state until a save succeeds', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, TECH);
    // Fill this origin's storage to its quota.
    await page.evaluate(() => {
      const big = 'x'.repeat(1 << 20);
      for (let i = 0, size = big; size.length > 0; i++) {
        try { localStorage.setItem('filler.' + i, size); } catch { size = size.slice(0, size.length >> 1); }
      }
    });
    await addFigure(page, { year: 2026, value: 3000, source: 'full' });
    await page.waitForSelector('#save-state');
    assert.match(await page.textContent('#save-state'), /niet opgeslagen in deze browser/i);
    assert.deepEqual(await stored(page), []);
    // Still said after moving elsewhere (the flash is gone by then).
    await page.click('header a[href="#/"]');
    await page.waitForFunction(() => location.hash === '#/');
    await page.waitForSelector('#page-title');
    assert.equal(await page.locator('#flash').count(), 0);
    assert.match(await page.textContent('#save-state'), /niet opgeslagen in deze browser/i);
    // Room again: the next save succeeds and the state goes.
    await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler.')) localStorage.removeItem(k); });
    await page.click('#save-state [data-act="save-retry"]');
    await page.waitForFunction(() => !document.querySelector('#save-state'));
    assert.deepEqual(await stored(page), [`${TECH_ID}@2026=3000`]);
  });
});

test('unreadable stored data that cannot be set aside (storage full) is not written over', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, TECH);
    await page.evaluate((k) => {
      localStorage.setItem(k, 'unreadable, and no room to copy it');
      const big = 'x'.repeat(1 << 20);
      for (let i = 0, size = big; size.length > 0; i++) {
        try { localStorage.setItem('filler.' + i, size); } catch { size = size.slice(0, size.length >> 1); }
      }
    }, KEY);
    await page.reload();
    await page.waitForSelector('#page-title');
    // Said from the start: nothing can be stored over what could not be kept.
    await page.waitForSelector('#save-state');
    await addFigure(page, { year: 2026, value: 3000, source: 'no room' });
    await page.waitForSelector('#save-state');
    assert.equal(await page.evaluate((k) => localStorage.getItem(k), KEY), 'unreadable, and no room to copy it');
    // Room again: the text is set aside first, then the figure is stored.
    await page.evaluate(() => { for (const k of Object.keys(localStorage)) if (k.startsWith('filler.')) localStorage.removeItem(k); });
    await page.click('#save-state [data-act="save-retry"]');
    await page.waitForFunction(() => !document.querySelector('#save-state'));
    await waitStored(page, [`${TECH_ID}@2026=3000`]);
    const copies = await page.evaluate((k) => Object.keys(localStorage).filter((x) => x.startsWith(k + '.unreadable')).map((x) => localStorage.getItem(x)), KEY);
    assert.deepEqual(copies, ['unreadable, and no room to copy it']);
  });
});

test('undo leaves a figure another tab has changed since, and says so', async () => {
  await twoTabs(async (a, b, { url }) => {
    await open(a, url, TECH);
    await open(b, url, '#/data');
    await addFigure(a, { year: 2026, value: 3000, source: 'tab A' });
    await b.waitForSelector(row(2026, 'value'));
    await b.fill(row(2026, 'value'), '3500');
    await b.press(row(2026, 'value'), 'Enter');
    await waitStored(a, [`${TECH_ID}@2026=3500`]);
    await a.click('header [data-act="undo"]');
    await a.waitForSelector('#flash');
    assert.match(await a.textContent('#flash'), /Niet ongedaan gemaakt/);
    await a.waitForTimeout(300);
    await waitStored(b, [`${TECH_ID}@2026=3500`]);
  });
});
