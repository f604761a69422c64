// What the dashboard benchmarks share (bench-dashboard.mjs, bench-redraw.mjs):
// Debian's Chromium with the flags this machine needs, the median, and the
// timed steps both measure the same way. Numbers are reported, never asserted.
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(path.join(root, 'tests', 'e2e', 'package.json'));
const { chromium } = require('playwright-core');
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** Debian's Chromium, headless. */
export const launch = () => chromium.launch({ executablePath: '/usr/bin/chromium', args: ARGS });

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

/** `runs` times: add a figure on the open target page (the handler
 * validates, recomputes, saves and redraws synchronously), then undo it. */
export async function timeAdds(page, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    times.push(await page.evaluate(() => {
      document.getElementById('f-year').value = '2026';
      document.getElementById('f-value').value = '3000';
      document.getElementById('f-source').value = 'bench';
      const t0 = performance.now();
      document.getElementById('f-add').click();
      const t1 = performance.now();
      if (!document.getElementById('entered-table')) throw new Error('not drawn');
      document.querySelector('header [data-act="undo"]').click();
      return t1 - t0;
    }));
  }
  return times;
}

/** Open the data view at `url` and import `csv` as the visitor's figures. */
export async function importCsv(page, url, csv) {
  await page.goto(url + '#/data');
  await page.waitForSelector('#import-file', { state: 'attached' });
  await page.setInputFiles('#import-file', { name: 'b.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
  await page.waitForSelector('#obs-table');
}

/** `runs` times: change the value in the data view's field `id`. */
export async function timeCellEdits(page, id, runs) {
  const times = [];
  for (let i = 0; i < runs; i++) {
    times.push(await page.evaluate(([id, v]) => {
      const input = document.getElementById(id);
      if (!input) throw new Error(`no ${id}`);
      input.value = String(v);
      const t0 = performance.now();
      input.dispatchEvent(new Event('change', { bubbles: true }));
      return performance.now() - t0;
    }, [id, 2 + (i % 5)]));
  }
  return times;
}

/** `n` inputs of the explorer's first multiplier slider, each timed until
 * the outcome is redrawn (and laid out, with `layout`). */
export function timeSlider(page, n, layout) {
  return page.evaluate(([n, layout]) => {
    const el = document.getElementById('sc-wm-0');
    const times = [];
    for (let i = 0; i < n; i++) {
      const before = document.getElementById('scenario-out').dataset.rendered;
      el.value = String(1 + (i % 50) / 10);
      const t0 = performance.now();
      el.dispatchEvent(new Event('input', { bubbles: true }));
      const out = document.getElementById('scenario-out');
      if (layout) void out.getBoundingClientRect().height;
      const t1 = performance.now();
      if (out.dataset.rendered === before) throw new Error('not redrawn');
      times.push(t1 - t0);
    }
    return times;
  }, [n, layout]);
}
