// On a 360 px phone the header leaves the first screen to the content: the
// name and the tools (undo, redo, embed, language, as signs whose names
// stay their accessible names) on one line, the five links below, all in
// view, every one reachable by keyboard, in Dutch and English. The parts'
// Embed buttons appear where the reader asks for them.
// Run: cd tests/e2e && node --test phone.test.mjs
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { launch, withPage, open, axe } from './helpers.mjs';

let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

const PHONE = { width: 360, height: 740 };

async function header(page) {
  return page.evaluate(() => {
    const h = document.querySelector('header.top');
    const inView = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.left >= 0 && r.right <= innerWidth && r.top >= 0 && r.bottom <= innerHeight;
    };
    return {
      height: h.getBoundingClientRect().height,
      links: [...h.querySelectorAll('nav a')].map((a) => ({ text: a.textContent, inView: inView(a) })),
      tools: [...h.querySelectorAll('.tools button')].map((b) => ({ act: b.dataset.act, inView: inView(b) })),
    };
  });
}

test('a 360 px phone: the header takes at most a sixth of the first screen, every link and tool in view and reachable', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/');
    for (const lang of ['nl', 'en']) {
      if (lang === 'en') {
        await page.click('[data-act="lang"]');
        await page.waitForFunction(() => document.documentElement.lang === 'en');
      }
      const h = await header(page);
      // 215 px (29 %) before; one sixth of 740 px is 123 px.
      assert.ok(h.height <= PHONE.height / 6, `header ${h.height} px (${lang})`);
      assert.equal(h.links.length, 5);
      assert.ok(h.links.every((l) => l.inView), JSON.stringify(h.links));
      assert.deepEqual(h.tools.map((t) => t.act), ['undo', 'redo', 'embedding', 'lang']);
      assert.ok(h.tools.every((t) => t.inView), JSON.stringify(h.tools));
      // The tools keep their names for assistive technology.
      const names = lang === 'nl' ? ['Ongedaan maken', 'Opnieuw', 'Onderdelen insluiten', 'English'] : ['Undo', 'Redo', 'Embed parts', 'Nederlands'];
      for (const name of names) assert.equal(await page.getByRole('button', { name, exact: true }).count(), 1, name);
      assert.deepEqual(await axe(page, { context: 'header.top' }), [], lang);
    }
    // The keyboard reaches the five links and the three tools, in order.
    await page.focus('header.top a.logo');
    const reached = [];
    for (let k = 0; k < 9; k++) {
      await page.keyboard.press('Tab');
      reached.push(await page.evaluate(() => document.activeElement.dataset.act || document.activeElement.getAttribute('href')));
    }
    assert.deepEqual(reached, ['#/', '#/money', '#/scenario', '#/data', '#/method', 'undo', 'redo', 'embedding', 'lang']);
    // The language sign switches back.
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.documentElement.lang === 'nl');
  }, { viewport: PHONE });
});

test('the parts\' Embed buttons appear when the reader asks, by mouse or keyboard, and go again', async () => {
  await withPage(browser, async (page, { url }) => {
    await open(page, url, '#/');
    // 14 parts on the overview; none carries its button until asked.
    assert.equal(await page.locator('.embed-button').count(), 0);
    assert.equal(await page.getAttribute('#embed-switch', 'aria-pressed'), 'false');
    await page.focus('#embed-switch');
    await page.keyboard.press('Enter');
    await page.waitForSelector('#embed-switch[aria-pressed="true"]');
    assert.ok(await page.locator('.embed-button').count() >= 10);
    // Focus stays on the switch; the buttons stay on other pages too.
    assert.equal(await page.evaluate(() => document.activeElement.id), 'embed-switch');
    await page.goto(url + '#/target/T-P5-technici-25000');
    await page.waitForSelector('#embed-chart-T-P5-technici-25000');
    await page.click('#embed-chart-T-P5-technici-25000');
    await page.waitForSelector('#embed-dialog[open]');
    await page.click('#embed-close');
    await page.click('#embed-switch');
    await page.waitForSelector('#embed-switch[aria-pressed="false"]');
    assert.equal(await page.locator('.embed-button').count(), 0);
    assert.deepEqual(await axe(page), []);
  }, { viewport: PHONE });
});
