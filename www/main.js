// Starts the dashboard; everything it shows and does happens in Rust.
//
// A new visitor on the overview first sees it baked: `koers publish` draws
// the overview with the dashboard's own view code and writes it beside the
// data (data/first-view.html), so the first view needs no wasm. The data
// files (data/vision.json, data/figures.json) follow; if they are not the
// ones the page was baked from (their SHA-256, in its head: files replaced
// on the host since, which publishes new figures with no rebuild), the
// dashboard starts on them at once. Otherwise the wasm loads when the
// visitor does something: a click, a key, a touch, focus, another page. It
// then draws the same page live; the element that had focus has it again,
// and a control pressed meanwhile is pressed again. Anyone else (another
// page in the address, anything of theirs in this browser, no baked file)
// gets the dashboard at once.
const app = document.getElementById('app');
const root = document.documentElement;

// A file's text, or undefined when it cannot be fetched (Rust says which).
const text = (file) => fetch(file).then((r) => (r.ok ? r.text() : undefined), () => undefined);
const fetchData = () => Promise.all([text('data/vision.json'), text('data/figures.json')]);

let started;
let pressed; // a control pressed on the baked page (its place in #app)
// `data`: the two files' texts (fetched already, or now); `after`: the
// dashboard replaces the page only once it has settled (a press under way
// ends on the page it began on).
function start(data = fetchData(), after = undefined) {
  started ??= import('./pkg/koers_wasm.js')
    .then(({ default: init, load_data, start_page }) =>
      Promise.all([init(), data, after]).then(([, [vision, figures]]) => {
        const same = root.dataset.koers === 'baked' && onOverview();
        const focus = same ? pathOf(document.activeElement) : undefined;
        // Given back below, where it was, without scrolling to it.
        if (focus) document.activeElement.blur();
        load_data(vision, figures);
        start_page();
        root.dataset.koers = 'live';
        if (same) {
          at(focus)?.focus?.({ preventScroll: true });
          at(pressed)?.click();
        }
      }))
    .catch((e) => {
      const main = document.getElementById('main');
      if (main) main.textContent = 'koers could not start: ' + e;
    });
  return started;
}

// A text's SHA-256 in hex (the browser's own digest).
async function sha256(t) {
  const d = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(t));
  return [...new Uint8Array(d)].map((b) => b.toString(16).padStart(2, '0')).join('');
}

// A new visitor on the overview: nothing of koers in this browser's storage
// (their figures, language, scenarios would change the page).
const onOverview = () => ['', '#', '#/'].includes(location.hash);
function newOnOverview() {
  if (!onOverview()) return false;
  try {
    for (let i = 0; i < localStorage.length; i++) if (localStorage.key(i).startsWith('koers.')) return false;
  } catch {
    return false;
  }
  return true;
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

function bake(page) {
  const baked = page && !started && new DOMParser().parseFromString(page, 'text/html');
  const view = baked && baked.getElementById('root');
  if (!view) return start();
  app.replaceChildren(document.adoptNode(view));
  document.title = baked.title;
  root.dataset.koers = 'baked';
  performance.mark('koers-baked'); // for make bench-dashboard: what came before it
  const data = fetchData();
  const drawnFrom = (name) => baked.querySelector(`meta[name="${name}"]`)?.content;
  data
    .then(async ([vision, figures]) => vision !== undefined && figures !== undefined
      && await sha256(vision) === drawnFrom('koers-vision-sha256')
      && await sha256(figures) === drawnFrom('koers-figures-sha256'))
    .catch(() => false)
    .then((same) => same || start(data));
  const wake = (e) => start(data, settled(e));
  for (const type of ['pointerdown', 'keydown', 'touchstart', 'focusin']) {
    document.addEventListener(type, wake, { capture: true, passive: true });
  }
  window.addEventListener('hashchange', wake);
  // Until the dashboard is live, a control (a button, a field, anything
  // with an action) does nothing but is pressed again once it is live;
  // links go where they point (the dashboard opens there).
  app.addEventListener('click', (e) => {
    const control = root.dataset.koers === 'baked' && e.target.closest('[data-act], button, input, select, textarea, summary, label');
    if (control) {
      e.preventDefault();
      pressed = pathOf(control);
    }
  }, { capture: true });
}

if (newOnOverview()) text('data/first-view.html').then(bake);
else start();
