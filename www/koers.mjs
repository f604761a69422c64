// koers as an ES module: mount(element, options) draws one part of the
// dashboard in the element's shadow root; assess() and leverage() are
// koers-core's own calculations. Thin on purpose: every number is computed
// in Rust (WebAssembly); this file loads it, adopts the stylesheet and
// passes plain objects through. Types: koers.d.ts.
import init, {
  load_data, mount_part, set_part_view, set_part_lang, unmount_part, assessSeries, leverageOf,
} from './pkg/koers_wasm.js';

// Where the dashboard lives (index.html, style.css). The bundle in
// pkg/ (scripts/build-dist.mjs) rewrites this line to '../'.
const HOME = new URL('./', import.meta.url);
// The stylesheet's text: the bundle carries it; otherwise it is fetched.
const INLINE_CSS = null;

// The vision and its published figures: files on the dashboard's host
// (HOME/data/vision.json, HOME/data/figures.json), fetched once, so that
// every page embedding koers shows the figures published there now.
const text = (file) => fetch(new URL(file, HOME)).then((r) => (r.ok ? r.text() : undefined), () => undefined);

let ready;
/** Load the WebAssembly and the data once; `wasm` may name another URL or give bytes. */
export function load(wasm) {
  ready ??= Promise.all([
    init(wasm === undefined ? undefined : { module_or_path: wasm }),
    text('data/vision.json'),
    text('data/figures.json'),
  ]).then(([, vision, figures]) => load_data(vision, figures));
  return ready;
}

let sheet;
function styles() {
  sheet ??= (INLINE_CSS !== null
    ? Promise.resolve(INLINE_CSS)
    : fetch(new URL('style.css', HOME)).then((r) => r.text())
  ).then((text) => {
    const s = new CSSStyleSheet();
    s.replaceSync(text);
    return s;
  });
  return sheet;
}

/** Draw one part of koers into `element`'s shadow root. */
export async function mount(element, options = {}) {
  const { view = 'overview', lang = 'nl', home = new URL('index.html', HOME).href } = options;
  const [, css] = await Promise.all([load(), styles()]);
  const shadow = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
  shadow.adoptedStyleSheets = [css];
  let id = mount_part(shadow, String(view), String(lang), String(home));
  return {
    setView: (v) => { if (id >= 0) set_part_view(id, String(v)); },
    setLang: (l) => { if (id >= 0) set_part_lang(id, String(l)); },
    destroy: () => { if (id >= 0) unmount_part(id); id = -1; },
  };
}

// A value koers cannot read: the wasm's Error, as a TypeError saying so.
function call(f, arg) {
  try {
    return f(arg);
  } catch (e) {
    throw new TypeError('koers: ' + (e && e.message ? e.message : String(e)));
  }
}

/** Assess a series against its target, as the dashboard does. */
export async function assess(series) {
  await load();
  return call(assessSeries, series);
}

/** Leverage and private mobilisation of one programme. */
export async function leverage(money, targetMultiplier = null) {
  await load();
  return call(leverageOf, { money, target_multiplier: targetMultiplier });
}
