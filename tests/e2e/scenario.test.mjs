// The scenario explorer ("What if?") in a real browser: a change
// recomputes in koers-core and redraws the outcome at once; a shared link
// restores the scenario; saved scenarios and the JSON export; no
// accessibility violations. Run: make test (or: cd tests/e2e && node --test).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs/promises';
import { launch, withPage, open, addFigure, axe } from './helpers.mjs';

const TECH = 'T-P5-technici-25000';
const course = (id) => `fieldset[data-target="${id}"]`;
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// Set a slider or number field and fire `input` as a user's drag does;
/// returns whether the outcome was redrawn synchronously.
async function slide(page, selector, value) {
  return page.evaluate(([sel, v]) => {
    const el = document.querySelector(sel);
    const before = document.getElementById('scenario-out').dataset.rendered;
    el.value = String(v);
    el.dispatchEvent(new Event('input', { bubbles: true }));
    const out = document.getElementById('scenario-out');
    return { redrawn: out.dataset.rendered !== before, kept: el.isConnected };
  }, [selector, value]);
}

test('the vision reaches EUR 25 bn in 2035; dragging the revolving capital\'s multiplier down shows at once that it no longer does', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/scenario');
    assert.match(await page.textContent('#sc-verdict'), /bereikt in 2035/);
    assert.match(await page.textContent('#sc-mobilised'), /25\smld/);
    // The vision's own multipliers as starting values: 16/4 for Invest-NL,
    // the rest of the 7 bn derived from the vision's totals.
    const inl = await page.locator('fieldset[data-window="W-P3-investnl-4mld"] input[type=number]').nth(1).inputValue();
    assert.equal(inl, '4');
    // Keyboard on the slider: real input events, as a drag gives.
    await page.focus('#sc-wm-0');
    for (let i = 0; i < 20; i++) await page.keyboard.press('ArrowLeft');
    assert.match(await page.textContent('#sc-verdict'), /niet bereikt in 2035/);
    assert.match(await page.textContent('#sc-summary'), /tekort/);
    assert.match(await page.textContent('#sc-summary'), /Visie: €\s25\smld\., bereikt in 2035/);
    assert.equal(await page.evaluate(() => document.activeElement.id), 'sc-wm-0', 'the slider keeps focus');
    // A dispatched input redraws the outcome synchronously and leaves the slider in place.
    const r = await slide(page, '#sc-wm-0', 5);
    assert.deepEqual(r, { redrawn: true, kept: true });
    assert.match(await page.textContent('#sc-verdict'), /bereikt in 20(2\d|3[0-5])/);
    assert.equal(await page.inputValue('#sc-wm-0-n'), '5', 'the number field follows the slider');
    // Invest-NL at half its multiplier: its own 16 bn is missed too.
    await page.fill('fieldset[data-window="W-P3-investnl-4mld"] #sc-wm-1-n', '2');
    await page.press('fieldset[data-window="W-P3-investnl-4mld"] #sc-wm-1-n', 'Tab');
    assert.match(await page.textContent('#sc-money-table'), /€\s8\smld\.\s\(2×\)\s✖/);
  });
});

test('counting reflows uses the revolving model with its stated assumptions', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/scenario');
    assert.match(await page.textContent('.sc-revolve'), /Aannames van koers, niet van de visie/);
    await slide(page, '#sc-wm-0', 1);
    const without = await page.textContent('#sc-mobilised');
    await page.check('#sc-wr-0');
    await page.waitForFunction((w) => document.getElementById('sc-mobilised').textContent !== w, without);
    const withReflows = await page.textContent('#sc-mobilised');
    // A total loss brings nothing back.
    await page.fill('#sc-rv-loss', '100');
    await page.press('#sc-rv-loss', 'Tab');
    await page.waitForFunction((w) => document.getElementById('sc-mobilised').textContent !== w, withReflows);
    assert.equal(await page.textContent('#sc-mobilised'), without);
  });
});

test('talent: no pace without figures; a yearly inflow updates 2030, 2035 and the year reached at once', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/scenario');
    const fs_ = page.locator(course(TECH));
    assert.match(await fs_.textContent(), /Nog geen cijfers, dus geen tempo van vandaag/);
    assert.match(await fs_.textContent(), /De visie heeft nodig: 5\.000 personen per jaar vanaf 0 personen \(2025\)/);
    const field = fs_.locator('input[type=number]');
    assert.equal(await field.inputValue(), '', 'nothing is filled in for the user');
    const row = () => page.locator('#sc-flows-table tr', { hasText: '25.000 extra' }).textContent();
    assert.match(await row(), /– \/ 25\.000 personen/);
    await field.fill('3000');
    // fill() fires input: the outcome is there before the field is left.
    assert.match(await row(), /15\.000 personen \/ 25\.000 personen/);
    assert.match(await row(), /2034 \/ 2030/);
    assert.match(await row(), /10\.000 personen \/ 0 personen/);
    await field.press('Tab');
    // Now a slider; the vision's pace on request.
    await page.locator(course(TECH)).locator('input[type=range]').waitFor();
    await page.selectOption(`${course(TECH)} select`, 'g');
    assert.match(await page.locator(course(TECH)).textContent(), /Groei heeft een laatste jaarcijfer nodig/);
    // Back to a fixed inflow: it starts from the pace the vision needs,
    // the user's choice (nothing is made up).
    await page.selectOption(`${course(TECH)} select`, 'i');
    assert.equal(await page.locator(`${course(TECH)} input[type=number]`).inputValue(), '5000');
    assert.match(await row(), /2030 \/ 2030/);
  });
});

test('with figures entered, the course starts at today\'s pace', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, `#/target/${TECH}`);
    await addFigure(page, { year: 2025, value: 2500, source: 'test' });
    await page.waitForSelector('#entered-table');
    await addFigure(page, { year: 2026, value: 3000, source: 'test' });
    await page.waitForFunction(() => document.querySelectorAll('#entered-table tbody tr').length === 2);
    await open(page, url, '#/scenario');
    const text = await page.locator(course(TECH)).textContent();
    assert.match(text, /Tempo van vandaag \(gemiddelde van de laatste cijfers\): 2\.750 personen/);
    assert.equal(await page.locator(`${course(TECH)} input[type=number]`).inputValue(), '2750');
    assert.match(await page.locator('#sc-flows-table tr', { hasText: '25.000 extra' }).textContent(), /16\.500 personen/);
  });
});

test('a shared scenario link restores it in another browser; saved scenarios and the JSON export', async () => {
  let link;
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/scenario');
    await page.fill('#sc-wm-0-n', '2');
    await page.press('#sc-wm-0-n', 'Tab');
    const f = page.locator(`${course(TECH)} input[type=number]`);
    await f.fill('3000');
    await f.press('Tab');
    await page.waitForFunction(() => location.hash.includes('c=T-P5-technici-25000'));
    link = await page.inputValue('#sc-link');
    assert.equal(link, page.url());
    // Away and back through the menu: the address still holds the scenario.
    await page.click('header nav a[href="#/money"]');
    await page.waitForSelector('.money-page');
    await page.click('header nav a[href="#/scenario"]');
    await page.waitForSelector('#scenario-out');
    assert.equal(page.url(), link);
    assert.equal(await page.inputValue('#sc-wm-0-n'), '2');
    assert.match(link, /#\/scenario\?w=W-P3-kapitaal-7mld~~2~&c=T-P5-technici-25000~i~3000$/);
    await page.fill('#sc-name', 'Minder privaat');
    await page.click('#sc-save');
    await page.waitForSelector('#sc-saved');
    assert.match(await page.textContent('#sc-saved'), /Minder privaat/);
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('#sc-export')]);
    const json = JSON.parse(await fs.readFile(await dl.path(), 'utf8'));
    assert.equal(json.format, 'koers-scenario');
    assert.equal(json.name, 'Minder privaat');
    assert.equal(json.money.scenario.reached, false);
    assert.equal(json.money.vision.reached, true);
    assert.equal(json.money.target, 25e9);
    assert.equal(json.revolving.assumptions, true);
    const tech = json.targets.find((t) => t.id === TECH);
    assert.deepEqual([tech.course, tech.value, tech.scenario['2030'], tech.scenario.year_reached], ['inflow', 3000, 15000, 2034]);
    // Back to the vision, then the saved one again.
    await page.click('#sc-reset');
    await page.waitForFunction(() => document.getElementById('sc-verdict').textContent.includes('bereikt in 2035') && !document.getElementById('sc-verdict').textContent.includes('niet'));
    assert.equal(new URL(page.url()).hash, '#/scenario');
    await page.reload();
    await page.waitForSelector('#sc-saved');
    await page.click('#sc-saved [data-act="sc-open"]');
    await page.waitForFunction(() => document.getElementById('sc-verdict').textContent.includes('niet bereikt'));
    assert.equal(await page.inputValue('#sc-name'), 'Minder privaat');
  });
  // A fresh browser context (nothing stored) opens the link: same scenario.
  await withPage(browser, async (page, { url }) => {
    const shared = url + link.slice(link.indexOf('#'));
    await page.goto(shared);
    await page.waitForSelector('#scenario-out');
    assert.equal(await page.inputValue('#sc-wm-0-n'), '2');
    assert.equal(await page.locator(`${course(TECH)} input[type=number]`).inputValue(), '3000');
    assert.match(await page.textContent('#sc-verdict'), /niet bereikt in 2035/);
    assert.match(await page.locator('#sc-flows-table tr', { hasText: '25.000 extra' }).textContent(), /15\.000 personen/);
    // A link with rubbish in it still opens, at the vision's values.
    await page.goto(url + '#/scenario?w=<script>~x&c=;;&r=a~b');
    await page.reload();
    await page.waitForSelector('#scenario-out');
    assert.match(await page.textContent('#sc-verdict'), /bereikt in 2035/);
  });
});

test('no accessibility violations on the scenario view (axe-core, WCAG 2.1 AA), in Dutch and English', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/scenario');
    assert.deepEqual(await axe(page), [], 'scenario (nl)');
    await page.fill('#sc-wm-0-n', '2');
    await page.press('#sc-wm-0-n', 'Tab');
    await page.fill(`${course(TECH)} input[type=number]`, '3000');
    await page.press(`${course(TECH)} input[type=number]`, 'Tab');
    await page.click('#lang-switch');
    await page.waitForFunction(() => document.documentElement.lang === 'en');
    assert.match(await page.textContent('#sc-verdict'), /not reached by 2035/);
    assert.deepEqual(await axe(page), [], 'scenario (en, changed)');
  });
});

test('the scenario view fits a 360-px phone, the verdict in view', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/scenario');
    const over = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(over <= 0, `overflows by ${over}px`);
    await page.focus('#sc-wm-0');
    await page.keyboard.press('Home');
    const box = await page.locator('#sc-summary').boundingBox();
    assert.ok(box && box.y + box.height <= 740 + 1, 'the verdict is on screen while the slider moves');
    assert.match(await page.textContent('#sc-verdict'), /niet bereikt/);
    await page.fill(`${course(TECH)} input[type=number]`, '3000');
    await page.press(`${course(TECH)} input[type=number]`, 'Tab');
    const after = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(after <= 0, `with outcomes, overflows by ${after}px`);
    assert.deepEqual(await axe(page), []);
  }, { viewport: { width: 360, height: 740 } });
});
