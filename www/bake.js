// Starts the dashboard's wasm, after showing a page `koers publish` baked
// when there is one; shared by main.js (the whole dashboard) and embed.js
// (one part in an iframe). Everything shown and done is Rust's.
//
// A baked page is drawn by the dashboard's own view code ahead of time and
// names the two data files it was drawn from by SHA-256. It is shown at
// once; the data files follow, and if they are not those (files replaced
// on the host since: that publishes new figures with no rebuild) the wasm
// starts on them at once. Otherwise the wasm loads when the reader acts: a
// click, a key, a touch, focus, another address. It then draws the same
// page live; the element that had focus has it again (without scrolling),
// and a control pressed meanwhile is pressed again.
const app = document.getElementById('app');
const root = document.documentElement;

// A file's text, or undefined when it cannot be fetched (Rust says which).
export const text = (file) => fetch(file).then((r) => (r.ok ? r.text() : undefined), () => undefined);
const fetchData = () => Promise.all([text('data/vision.json'), text('data/figures.json')]);

// A text's SHA-256 in hex (the browser's own digest).
async function sha256(t) {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(t));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// Where an element sits in #app (child indices), and the element there.
function pathOf(el) {
  if (!el || el === app || !app.contains(el)) return undefined;
  const path = [];
  for (; el !== app; el = el.parentElement) path.unshift([...el.parentElement.children].indexOf(el));
  return path;
}
const at = (path) => path?.reduce((el, i) => el?.children[i], app);

// The end of a press begun with `e` (its click included), or now.
function settled(e) {
  if (e.type !== 'pointerdown' && e.type !== 'touchstart') return undefined;
  return new Promise((ok) => {
    const done = () => setTimeout(ok);
    for (const type of ['pointerup', 'pointercancel', 'touchend', 'touchcancel']) {
      document.addEventListener(type, done, { capture: true, once: true });
    }
  });
}

/// Show the page baked in the file `baked` (none: start at once), then
/// start the wasm: `begin(module)` calls its entry point. `onBaked(doc)`
/// runs once the baked page is shown and returns what to stop when the
/// dashboard is live.
export function run({ baked, begin, onBaked = () => undefined }) {
  let started;
  let pressed; // a control pressed on the baked page (its place in #app)
  let href; // the address the baked page was shown at
  let stop = () => undefined;
  const start = (data = fetchData(), after = undefined) => {
    started ??= import('./pkg/koers_wasm.js')
      .then((wasm) => Promise.all([wasm.default(), data, after]).then(([, [vision, figures]]) => {
        const same = root.dataset.koers === 'baked' && location.href === href;
        const focus = same ? pathOf(document.activeElement) : undefined;
        // Given back below, where it was, without scrolling to it.
        if (focus) document.activeElement.blur();
        stop();
        wasm.load_data(vision, figures);
        begin(wasm);
        root.dataset.koers = 'live';
        if (same) {
          at(focus)?.focus?.({ preventScroll: true });
          at(pressed)?.click();
        }
      }))
      .catch((e) => {
        app.textContent = 'koers could not start: ' + e;
      });
    return started;
  };

  const show = (page) => {
    const doc = page && !started && new DOMParser().parseFromString(page, 'text/html');
    const view = doc && doc.getElementById('root');
    if (!view) return start();
    app.replaceChildren(document.adoptNode(view));
    document.title = doc.title;
    href = location.href;
    root.dataset.koers = 'baked';
    performance.mark('koers-baked'); // for make bench-dashboard: what came before it
    stop = onBaked(doc) ?? stop;
    const data = fetchData();
    const drawnFrom = (name) => doc.querySelector(`meta[name="${name}"]`)?.content;
    data
      .then(async ([vision, figures]) => vision !== undefined && figures !== undefined
        && await sha256(vision) === drawnFrom('koers-vision-sha256')
        && await sha256(figures) === drawnFrom('koers-figures-sha256'))
      .catch(() => false)
      .then((same) => same || start(data));
    const wake = (e) => started || start(data, settled(e));
    for (const type of ['pointerdown', 'keydown', 'touchstart', 'focusin']) {
      document.addEventListener(type, wake, { capture: true, passive: true });
    }
    window.addEventListener('hashchange', wake);
    // Until the dashboard is live, a control (a button, a field, anything
    // with an action) does nothing but is pressed again once it is live;
    // links go where they point.
    app.addEventListener('click', (e) => {
      const control = root.dataset.koers === 'baked' && e.target.closest('[data-act], button, input, select, textarea, summary, label');
      if (control) {
        e.preventDefault();
        pressed = pathOf(control);
      }
    }, { capture: true });
  };

  if (baked) text(baked).then(show);
  else start();
}
