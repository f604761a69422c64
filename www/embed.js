// Starts one part of the dashboard in an iframe (embed.html?view=…&lang=…):
// bake.js shows the part `koers publish` baked first (data/parts/), then
// the wasm; everything else happens in Rust.
import { run, text } from './bake.js';

const query = new URLSearchParams(location.search);
const lang = (query.get('lang') ?? '').trim().toLowerCase().startsWith('en') ? 'en' : 'nl';
const view = (query.get('view') ?? '').replace(/^[#/]+/, '') || 'overview';
// The baked part, if `koers publish` baked this view (data/parts/index.json
// lists them; parts with fields, like the scenario explorer, are not).
const file = text('data/parts/index.json')
  .then((index) => (JSON.parse(index ?? '[]').includes(view) ? `data/parts/${view.replace('/', '.')}.${lang}.html` : undefined))
  .catch(() => undefined);

// The baked part shown: its language where the live part puts it, and its
// height reported.
function baked(doc) {
  document.getElementById('app').lang = doc.documentElement.lang;
  return reportHeight(doc);
}

// Until the wasm does it: the part's height to the page around the iframe
// (embed-resize.js sizes the iframe by it), as the live part reports it.
function reportHeight(doc) {
  if (window.parent === window) return undefined;
  const part = doc.querySelector('meta[name="koers-view"]')?.content;
  const send = () => window.parent.postMessage({
    type: 'koers:height',
    height: Math.ceil(document.documentElement.getBoundingClientRect().height),
    view: part,
  }, '*');
  const watch = new ResizeObserver(send);
  watch.observe(document.getElementById('app'));
  return () => watch.disconnect();
}

file.then((f) => run({ baked: f, begin: (wasm) => wasm.start_embed(), onBaked: baked }));
