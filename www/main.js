// Loads the dashboard's WebAssembly and its data, the vision and its
// published figures (data/vision.json, data/figures.json, next to this
// page: replacing them publishes new figures, no rebuild), and starts it;
// everything else happens in Rust.
import init, { load_data, start_page } from './pkg/koers_wasm.js';

// A file's text, or undefined when it cannot be fetched (Rust says which).
const text = (file) => fetch(file).then((r) => (r.ok ? r.text() : undefined), () => undefined);

Promise.all([init(), text('data/vision.json'), text('data/figures.json')])
  .then(([, vision, figures]) => {
    load_data(vision, figures);
    start_page();
  })
  .catch((e) => {
    const main = document.getElementById('main');
    if (main) main.textContent = 'koers could not start: ' + e;
  });
