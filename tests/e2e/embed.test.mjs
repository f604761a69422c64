// Embedding koers in other sites, in a real browser: the strict
// Content-Security-Policy as a response header with no violation; the
// Embed dialog's snippets pasted into a partner page on another origin
// (with its own CSP), where an iframe and two <koers-dashboard> elements
// render without interfering and leak no globals; embed.html alone; the
// ES module API. Run: make test (or: cd tests/e2e && node --test).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import http from 'node:http';
import { launch, watch, axe, showEmbed } from './helpers.mjs';
import { serve } from '../../scripts/serve-web.mjs';

const STRICT = ["default-src 'self'", "script-src 'self' 'wasm-unsafe-eval'", "style-src 'self'", "img-src 'self' data: blob:", "connect-src 'self'"];
let browser;
before(async () => { browser = await launch(); });
after(async () => { await browser?.close(); });

/// A partner site on a second origin: `pages` maps paths to [type, body];
/// every response carries the partner's own CSP, which lets koers's
/// origin in for scripts, styles, wasm and frames and nothing else.
async function partner(koers, pages) {
  const k = new URL(koers).origin;
  const csp = `default-src 'self'; script-src 'self' ${k} 'wasm-unsafe-eval'; style-src 'self'; connect-src ${k}; frame-src ${k}; img-src 'self' data: blob:; object-src 'none'; base-uri 'none'`;
  const server = http.createServer((req, res) => {
    const page = pages[new URL(req.url, 'http://x').pathname];
    if (!page) return res.writeHead(404).end();
    res.writeHead(200, { 'content-type': page[0], 'content-security-policy': csp, 'cache-control': 'no-cache' });
    res.end(page[1]);
  });
  await new Promise((r) => server.listen(0, '127.0.0.1', r));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    close: () => new Promise((r) => { server.closeAllConnections(); server.close(r); }),
  };
}

/// Open a koers server and a context watched for both origins.
async function setup(fn, { viewport = { width: 1280, height: 900 } } = {}) {
  const koers = await serve(0);
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const origins = [new URL(koers.url).origin];
  const w = await watch(context, page, origins);
  const others = [];
  try {
    await fn(page, { koers: koers.url, context, origins, others, watched: w });
    w.check();
  } finally {
    await context.close();
    await koers.close();
    for (const o of others) await o.close();
  }
}

test('the strict Content-Security-Policy is a response header, and the whole dashboard runs under it with no violation', async () => {
  await setup(async (page, { koers, watched }) => {
    for (const p of ['', 'index.html', 'embed.html']) {
      const res = await fetch(koers + p);
      const csp = res.headers.get('content-security-policy');
      for (const d of STRICT) assert.ok(csp.includes(d), `${p || '/'}: ${d}`);
      assert.ok(!csp.includes('unsafe-inline') && !/(^|[^-])unsafe-eval/.test(csp), `${p}: nothing unsafe but wasm`);
      assert.match(csp, p === 'embed.html' ? /frame-ancestors \*/ : /frame-ancestors 'self'/);
    }
    for (const hash of ['#/', '#/priority/P3', '#/target/T-P5-technici-25000', '#/indicator/I-P2-rd-intensiteit', '#/money', '#/data', '#/method', '#/scenario']) {
      await page.goto(koers + hash);
      await page.waitForSelector('#page-title');
    }
    // Progress bars and indented windows.
    await page.goto(koers + '#/priority/P3');
    await page.waitForSelector('ul.windows');
    assert.equal(await page.locator('.embed-button').count(), 0, 'no Embed button until the reader asks');
    await showEmbed(page);
    assert.equal(await page.locator('#embed-priority-P3').count(), 1, 'the priority\'s card has its Embed button');
    // Bars and indents are classes (a baked page may carry no style
    // attribute under this CSP).
    assert.ok(await page.locator('.bar .fill[class*=" w"]').count() > 0, 'bars sized by class');
    assert.ok(await page.locator('ul.windows li.d1').count() > 0, 'windows indented by class');
    assert.equal(await page.locator('[style]').count(), 0, 'no style attribute');
    // The scenario's sliders, the embed dialog, a PNG drawn from an SVG.
    await page.goto(koers + '#/scenario');
    await page.focus('#sc-wm-0');
    await page.keyboard.press('Home');
    await showEmbed(page);
    await page.click('#embed-scenario');
    await page.waitForSelector('#embed-dialog[open]');
    await page.click('#embed-close');
    await page.goto(koers + '#/money');
    await page.waitForSelector('[data-act="png"]');
    const [dl] = await Promise.all([page.waitForEvent('download'), page.click('[data-act="png"][data-target="windows-chart"]')]);
    assert.equal(dl.suggestedFilename(), 'windows-chart.png');
    // The watch does see a violation: an inline style attribute is refused.
    assert.deepEqual(watched.errors, []);
    await page.evaluate(() => document.body.setAttribute('style', 'color: red'));
    await page.waitForFunction(() => true);
    await page.waitForTimeout(100);
    assert.ok(watched.errors.some((e) => /CSP violation: style-src/.test(e)), watched.errors.join('\n'));
    watched.errors.length = 0;
  });
});

test('a partner page on another origin: the Embed dialog\'s iframe and two elements render, size themselves and do not interfere', async () => {
  await setup(async (page, { koers, origins, others }) => {
    // 1. Take the snippets from the Embed dialog, as a partner would.
    await page.goto(koers + '#/target/T-P5-technici-25000');
    await showEmbed(page);
    await page.click('#embed-chart-T-P5-technici-25000');
    await page.waitForSelector('#embed-dialog[open]');
    const iframe = await page.inputValue('#embed-iframe');
    const element = await page.inputValue('#embed-element');
    assert.match(iframe, /embed\.html\?view=chart\/T-P5-technici-25000&amp;lang=nl/);
    assert.match(element, /<koers-dashboard view="chart\/T-P5-technici-25000" lang="nl"><\/koers-dashboard>/);
    assert.ok(element.includes(`${koers}pkg/koers-element.js`));
    // 2. Paste them into the partner's page, with a second element.
    const html = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Regional news</title></head>
<body>
<h1>Regional news</h1>
<p id="intro">The semiconductor vision, live:</p>
${iframe}
${element}
<koers-dashboard id="second" view="scenario" lang="en"></koers-dashboard>
</body></html>`;
    const site = await partner(koers, { '/': ['text/html; charset=utf-8', html] });
    others.push(site);
    origins.push(new URL(site.url).origin);
    // What the page's own globals are before any script runs.
    await page.addInitScript(() => {
      if (window.top === window) Object.defineProperty(window, '__before', { value: Object.keys(window), enumerable: false });
    });
    await page.goto(site.url);
    const [first, second] = ['koers-dashboard:not(#second)', '#second'].map((s) => page.locator(s));
    await page.waitForFunction(() => [...document.querySelectorAll('koers-dashboard')].every((e) => e.shadowRoot?.querySelector('#main')));
    // The iframe drew its chart and told the page its height.
    const frame = page.frameLocator('iframe[data-koers-embed]');
    await frame.locator('svg#target-chart').waitFor();
    assert.equal(await frame.locator('header').count(), 0, 'minimal chrome: no header');
    assert.match(await frame.locator('#open-full').getAttribute('href'), /index\.html#\/target\/T-P5-technici-25000$/);
    assert.equal(await frame.locator('#open-full').getAttribute('target'), '_blank');
    await page.waitForFunction(() => Number(document.querySelector('iframe[data-koers-embed]').height) > 300);
    // Each element: its own part, language and state, in its shadow root.
    assert.equal(await first.evaluate((e) => e.shadowRoot.querySelector('svg#target-chart') !== null), true);
    assert.match(await first.evaluate((e) => e.shadowRoot.textContent), /Lopend totaal/);
    assert.match(await second.evaluate((e) => e.shadowRoot.textContent), /What if\?/);
    assert.match(await second.evaluate((e) => e.shadowRoot.querySelector('#sc-verdict').textContent), /reached in 2035/);
    // Styles stay inside: the partner's heading is untouched, the element styled.
    assert.equal(await page.evaluate(() => getComputedStyle(document.querySelector('h1')).fontSize), '32px');
    assert.equal(await page.evaluate(() => getComputedStyle(document.body).fontFamily).then((f) => /system-ui/.test(f)), false);
    assert.equal(await second.evaluate((e) => getComputedStyle(e.shadowRoot.querySelector('.sc-summary')).borderRadius), '10px');
    // Drag the second's multiplier: only the second changes.
    const firstBefore = await first.evaluate((e) => e.shadowRoot.innerHTML);
    await second.evaluate((e) => {
      const r = e.shadowRoot.querySelector('#sc-wm-0');
      r.value = '0';
      r.dispatchEvent(new Event('input', { bubbles: true }));
    });
    assert.match(await second.evaluate((e) => e.shadowRoot.querySelector('#sc-verdict').textContent), /not reached by 2035/);
    assert.equal(await first.evaluate((e) => e.shadowRoot.innerHTML), firstBefore);
    // Switch languages independently.
    await first.evaluate((e) => e.setAttribute('lang', 'en'));
    await page.waitForFunction(() => document.querySelector('koers-dashboard:not(#second)').shadowRoot.textContent.includes('Running total'));
    await second.evaluate((e) => e.setAttribute('lang', 'nl'));
    await page.waitForFunction(() => document.querySelector('#second').shadowRoot.textContent.includes('Wat als?'));
    assert.match(await first.evaluate((e) => e.shadowRoot.textContent), /Running total/);
    assert.match(await second.evaluate((e) => e.shadowRoot.querySelector('#sc-verdict').textContent), /niet bereikt/, 'the second kept its state');
    // Each element's links open the full dashboard in a new tab.
    const href = await second.evaluate((e) => e.shadowRoot.querySelector('#open-full').href);
    assert.ok(href.startsWith(koers + 'index.html#/scenario?w=W-P3-kapitaal-7mld~~0~'), href);
    // No globals beyond the element's name.
    assert.deepEqual(await page.evaluate(() => Object.keys(window).filter((k) => !window.__before.includes(k) && !/^\d+$/.test(k))), []);
    assert.equal(await page.evaluate(() => typeof customElements.get('koers-dashboard')), 'function');
    // Taken off the page, an element goes with its listeners; back, it draws again.
    await second.evaluate((e) => { window.__kept = e; e.remove(); });
    await page.evaluate(() => { document.body.append(window.__kept); delete window.__kept; });
    await page.waitForFunction(() => document.querySelector('#second').shadowRoot.querySelectorAll('.koers-root').length === 1);
    // Accessible inside the shadow roots and the frame too.
    assert.deepEqual(await axe(page), []);
  });
});

test('embed.html alone: one part with minimal chrome, in the asked language, accessible', async () => {
  await setup(async (page, { koers }) => {
    for (const [view, re] of [
      ['priority/P5', /5\. Ensure sufficient talent/],
      ['headline/T-P3-gemobiliseerd-25mld-2035', /€7bn → up to €25bn/],
      ['windows', /Investment windows to 2035/],
      ['revolving', /Revolving capital/],
      ['nonsense', /The whole vision/],
    ]) {
      await page.goto(`${koers}embed.html?view=${view}&lang=en`);
      await page.waitForSelector('#open-full');
      assert.match(await page.textContent('#app'), re, view);
      assert.equal(await page.locator('header.top, nav, [data-act="embed"]').count(), 0, `${view}: no chrome, no Embed button`);
      assert.equal(await page.getAttribute('#app', 'lang'), 'en');
      assert.deepEqual(await axe(page), [], view);
    }
    // A link inside a part opens the full view, never inside the iframe.
    await page.goto(`${koers}embed.html?view=priority/P5&lang=nl`);
    await page.waitForSelector('#open-full');
    const links = await page.$$eval('#app a', (as) => as.map((a) => [a.getAttribute('href'), a.target]));
    assert.ok(links.length > 2);
    for (const [href, target] of links) {
      assert.match(href, /index\.html#\//);
      assert.equal(target, '_blank');
    }
  }, { viewport: { width: 480, height: 800 } });
});

test('the ES module API: mount(), assess() and leverage() from koers.mjs on another origin, no globals', async () => {
  await setup(async (page, { koers, origins, others }) => {
    const app = `import { mount, assess, leverage } from '${koers}koers.mjs';
const out = document.getElementById('out');
const handle = await mount(document.getElementById('card'), { view: 'vision', lang: 'en' });
const s = await assess({ kind: 'cumulative_flow', direction: 'increase', target: { year: 2030, value: 25000 }, points: [{ year: 2026, value: 3000 }] });
const l = await leverage({ public: 4e9, other_public: 0, total: 16e9 }, 4);
let bad = '';
try { await assess({ kind: 'nonsense' }); } catch (e) { bad = e.message; }
out.dataset.status = s.status;
out.dataset.method = s.method;
out.dataset.multiplier = String(l.multiplier);
out.dataset.share = String(l.private_share);
out.dataset.bad = bad;
handle.setLang('nl');
out.dataset.done = 'yes';
document.getElementById('gone').addEventListener('click', () => { handle.destroy(); out.dataset.destroyed = 'yes'; });
`;
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>Developer page</title>
<script type="module" src="/app.js"></script></head>
<body><div id="card"></div><p id="out"></p><button id="gone">remove</button></body></html>`;
    const site = await partner(koers, { '/': ['text/html; charset=utf-8', html], '/app.js': ['text/javascript', app] });
    others.push(site);
    origins.push(new URL(site.url).origin);
    await page.addInitScript(() => {
      if (window.top === window) Object.defineProperty(window, '__before', { value: Object.keys(window), enumerable: false });
    });
    await page.goto(site.url);
    await page.waitForSelector('#out[data-done="yes"]', { state: 'attached' });
    const d = await page.evaluate(() => ({ ...document.getElementById('out').dataset }));
    assert.equal(d.status, 'moderate_progress');
    assert.equal(d.method, 'distance_travelled');
    assert.equal(d.multiplier, '4');
    assert.equal(d.share, '0.75');
    assert.match(d.bad, /^koers: /);
    await page.waitForFunction(() => document.getElementById('card').shadowRoot.textContent.includes('De hele visie'));
    assert.deepEqual(await page.evaluate(() => Object.keys(window).filter((k) => !window.__before.includes(k) && !/^\d+$/.test(k))), []);
    await page.click('#gone');
    await page.waitForSelector('#out[data-destroyed="yes"]', { state: 'attached' });
    assert.equal(await page.evaluate(() => document.getElementById('card').shadowRoot.childElementCount), 0);
  });
});
