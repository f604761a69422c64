// Dashboard benchmarks in Debian's Chromium (playwright-core): bytes of the
// first view (raw and gzip), time from navigation to the overview drawn,
// time for an edit to re-render, time from a scenario slider's input to the
// re-rendered outcome, and the sizes of the single-file edition and of what
// a page embedding <koers-dashboard> loads; medians of many runs. Writes
// docs/bench-dashboard.md. Run after scripts/build-web.sh:
//   node scripts/bench-dashboard.mjs [runs] [slider inputs]
// (make bench-dashboard does both). Numbers are reported, never asserted.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { execFileSync } from 'node:child_process';
import { serve, WWW } from './serve-web.mjs';
import { root, launch, median, timeAdds, importCsv, timeCellEdits, timeSlider } from './bench-common.mjs';

const RUNS = Number(process.argv[2] || 30);
const INPUTS = Math.max(200, Number(process.argv[3] || 500));
const ms = (x) => `${x.toFixed(1)} ms`;
const kb = (x) => `${(x / 1024).toFixed(1)} KiB`;

const { url, close } = await serve(0);
const browser = await launch();

// 1. What the first view transfers: up to the baked overview shown; then
// the data files that follow while the visitor only reads; then what the
// live dashboard adds when they act (focus, as a first Tab or click gives).
// The same for one part in an iframe (everything the iframe loads).
async function stagesOf(address) {
  const stages = [new Map(), new Map(), new Map()];
  const page = await browser.newPage();
  await page.goto(address);
  await page.waitForSelector('html[data-koers="baked"]', { state: 'attached' });
  await page.waitForFunction(() => performance.getEntriesByType('resource').filter((e) => /data\/(vision|figures)\.json$/.test(e.name) && e.responseEnd > 0).length === 2);
  await page.waitForTimeout(300);
  await page.evaluate(() => {
    performance.mark('bench-act');
    document.getElementById('app').dispatchEvent(new FocusEvent('focusin', { bubbles: true }));
  });
  await page.waitForSelector('html[data-koers="live"]', { state: 'attached' });
  await page.waitForTimeout(300);
  // Each file by when it was asked for: before the baked page was shown
  // (bake.js marks it), before the visitor acted, after.
  const seen = await page.evaluate(() => {
    const mark = (n) => performance.getEntriesByName(n)[0]?.startTime ?? Infinity;
    const [baked, act] = [mark('koers-baked'), mark('bench-act')];
    return [[location.pathname, 0], ...performance.getEntriesByType('resource')
      .map((e) => [new URL(e.name).pathname, e.startTime < baked ? 0 : e.startTime < act ? 1 : 2])];
  });
  for (const [p, k] of seen) if (!stages.some((m) => m.has(p))) stages[k].set(p, null);
  await page.close();
  const rows = [];
  const totals = [];
  let raw = 0;
  let gz = 0;
  for (const [k, m] of stages.entries()) {
    for (const p of m.keys()) {
      const body = fs.readFileSync(path.join(WWW, p.endsWith('/') ? p + 'index.html' : p));
      const g = zlib.gzipSync(body, { level: 9 }).length;
      raw += body.length;
      gz += g;
      rows.push(`| ${['first view', 'then, reading', 'on acting'][k]} | \`${p}\` | ${body.length} | ${g} |`);
    }
    totals.push([raw, gz]);
  }
  return { rows, totals };
}
const { rows, totals } = await stagesOf(url);
const PART = 'embed.html?view=priority/P5&lang=nl';
const part = await stagesOf(url + PART);

// 2. Navigation to the overview drawn (fresh page each time).
const init = () => {
  new MutationObserver((_, obs) => {
    if (document.getElementById('priority-cards')) {
      window.__drawn = performance.now();
      obs.disconnect();
    }
  }).observe(document, { childList: true, subtree: true });
};
const loads = [];
const wakes = [];
for (let i = 0; i < RUNS; i++) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(init);
  await page.goto(url);
  await page.waitForFunction(() => window.__drawn);
  loads.push(await page.evaluate(() => window.__drawn));
  // The visitor acts (focus): the wasm loads and draws the page live.
  wakes.push(await page.evaluate(() => new Promise((done) => {
    const t = performance.now();
    const html = document.documentElement;
    new MutationObserver((_, obs) => {
      if (html.dataset.koers === 'live') {
        obs.disconnect();
        done(performance.now() - t);
      }
    }).observe(html, { attributes: true });
    document.getElementById('main').focus({ preventScroll: true });
  })));
  await context.close();
}

// 3. An edit: add a figure on the 25,000-technicians page (the handler
// validates, recomputes, saves and redraws synchronously), then undo.
const edits = [];
const cells = [];
{
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url + '#/target/T-P5-technici-25000');
  await page.waitForSelector('#f-add');
  edits.push(...await timeAdds(page, RUNS));
  // An in-place edit in the data table with 100 figures in it.
  await page.evaluate(() => {
    const rows = ['subject,year,value,source'];
    for (let y = 1936; y < 2036; y++) rows.push(`I-P5-uitstroom-naar-sector,${y},${(y % 7) + 1},bench`);
    localStorage.setItem('bench.csv', rows.join('\n'));
  });
  const csv = await page.evaluate(() => localStorage.getItem('bench.csv'));
  await importCsv(page, url, csv);
  cells.push(...await timeCellEdits(page, 'e-value-I-P5-uitstroom-naar-sector-1986', RUNS));
  await context.close();
}
// 4. The scenario explorer: a slider's input event → the outcome
// recomputed by koers-core and redrawn (#scenario-out's data-rendered
// marker changes inside the handler). Measured around a dispatched input,
// and again with the style and layout the browser then does forced.
const slides = [];
const slidesLaid = [];
{
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url + '#/scenario');
  await page.waitForSelector('#scenario-out');
  const run = (layout) => timeSlider(page, INPUTS, layout);
  await run(false); // warm up
  slides.push(...await run(false));
  slidesLaid.push(...await run(true));
  await context.close();
}
await browser.close();
await close();

// 5. The single file and what an embedding page loads.
const size = (file) => {
  const body = fs.readFileSync(file);
  return [body.length, zlib.gzipSync(body, { level: 9 }).length];
};
const single = size(path.join(root, 'dist', 'koers.html'));
const bundle = size(path.join(WWW, 'pkg', 'koers-element.js'));
const wasmSize = size(path.join(WWW, 'pkg', 'koers_wasm_bg.wasm'));
const pct = (xs, p) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * p))];

const version = (cmd, args) => {
  try { return execFileSync(cmd, args, { encoding: 'utf8' }).trim(); } catch { return 'unknown'; }
};
const md = `# Dashboard benchmarks

Measured by \`node scripts/bench-dashboard.mjs ${RUNS} ${INPUTS}\` (\`make bench-dashboard\` builds first),
in headless Debian Chromium driven by playwright-core, served from 127.0.0.1.
Times are medians of ${RUNS} runs; nothing fails on a time.

Machine: ${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${version('/usr/bin/chromium', ['--version'])}, node ${process.version}.

## First view: bytes transferred

A new visitor's overview, as \`make run\` serves it: first the page and the
overview baked by \`koers publish\` (\`data/first-view.html\`), drawn with no
wasm; then, while they read, the two data files (to see that they are the
ones baked from); the wasm and its glue only when they act (here: focus).

| when | file | raw bytes | gzip -9 bytes |
|---|---|---:|---:|
${rows.join('\n')}
| **first view** (aim 64 KB gzip) | | **${totals[0][0]} (${kb(totals[0][0])})** | **${totals[0][1]} (${kb(totals[0][1])})** |
| **… and while reading** | | **${totals[1][0]} (${kb(totals[1][0])})** | **${totals[1][1]} (${kb(totals[1][1])})** |
| **… and the live dashboard** | | **${totals[2][0]} (${kb(totals[2][0])})** | **${totals[2][1]} (${kb(totals[2][1])})** |

An embedded part in an iframe (\`${PART}\`), everything the iframe loads
(aim: 40 KB gzip beyond the partner page), the same three steps:

| when | file | raw bytes | gzip -9 bytes |
|---|---|---:|---:|
${part.rows.join('\n')}
| **the part shown** | | **${part.totals[0][0]} (${kb(part.totals[0][0])})** | **${part.totals[0][1]} (${kb(part.totals[0][1])})** |
| **… and while reading** | | **${part.totals[1][0]} (${kb(part.totals[1][0])})** | **${part.totals[1][1]} (${kb(part.totals[1][1])})** |
| **… and live** | | **${part.totals[2][0]} (${kb(part.totals[2][0])})** | **${part.totals[2][1]} (${kb(part.totals[2][1])})** |

## Times

| what | median | min | max |
|---|---:|---:|---:|
| navigation start → overview drawn (cold context; the baked page) | ${ms(median(loads))} | ${ms(Math.min(...loads))} | ${ms(Math.max(...loads))} |
| the visitor's first focus → dashboard live (wasm fetched, compiled, started, page drawn) | ${ms(median(wakes))} | ${ms(Math.min(...wakes))} | ${ms(Math.max(...wakes))} |
| add a figure → validated, recomputed, saved, redrawn | ${ms(median(edits))} | ${ms(Math.min(...edits))} | ${ms(Math.max(...edits))} |
| edit a cell in a 100-row data table → redrawn | ${ms(median(cells))} | ${ms(Math.min(...cells))} | ${ms(Math.max(...cells))} |

## Scenario explorer: slider input → re-rendered outcome

A dispatched \`input\` on the revolving capital's multiplier slider (\`#sc-wm-0\`,
values 1.0…5.9 in turn): the handler recomputes the money scenario, every
course and the vision's baseline in koers-core and redraws the outcome
(\`#scenario-out\`: verdict, chart, two tables); the marker
\`data-rendered\` changes before the handler returns. ${INPUTS} inputs per row,
after as many to warm up. Aim: under 4 ms median (a quarter of a 60 Hz frame).

| what | median | 90th percentile | max |
|---|---:|---:|---:|
| input → outcome recomputed and redrawn | ${ms(median(slides))} | ${ms(pct(slides, 0.9))} | ${ms(Math.max(...slides))} |
| … and the style and layout that follow, forced | ${ms(median(slidesLaid))} | ${ms(pct(slidesLaid, 0.9))} | ${ms(Math.max(...slidesLaid))} |

## Sizes: the single file and embedding

| file | raw bytes | gzip -9 bytes |
|---|---:|---:|
| \`dist/koers.html\` (everything, wasm as base64; opens from file://) | ${single[0]} (${kb(single[0])}) | ${single[1]} (${kb(single[1])}) |
| \`www/pkg/koers-element.js\` (element, ES module API, glue, stylesheet) | ${bundle[0]} (${kb(bundle[0])}) | ${bundle[1]} (${kb(bundle[1])}) |
| \`www/pkg/koers_wasm_bg.wasm\` (next to it) | ${wasmSize[0]} (${kb(wasmSize[0])}) | ${wasmSize[1]} (${kb(wasmSize[1])}) |

Base64 makes the wasm a third larger in the single file; gzip takes most of
that back (a mail attachment is not compressed, a zip of it is).

## Where the wasm's bytes go

Measured by \`bash scripts/wasm-size.sh\` (a build with names, the same
wasm-opt flags, grouped by part of the program, with twiggy): see
[dashboard-size.md](dashboard-size.md), which also keeps the earlier hand
measurements and what each size change saved.
`;
fs.writeFileSync(path.join(root, 'docs', 'bench-dashboard.md'), md);
console.log(md);
