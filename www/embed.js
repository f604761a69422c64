// Loads the WebAssembly and the data (data/vision.json, data/figures.json,
// next to this page) and starts one part of the dashboard
// (embed.html?view=…&lang=…); everything else happens in Rust.
import init, { load_data, start_embed } from './pkg/koers_wasm.js';

const text = (file) => fetch(file).then((r) => (r.ok ? r.text() : undefined), () => undefined);

Promise.all([init(), text('data/vision.json'), text('data/figures.json')])
  .then(([, vision, figures]) => {
    load_data(vision, figures);
    start_embed();
  })
  .catch((e) => {
    const app = document.getElementById('app');
    if (app) app.textContent = 'koers could not start: ' + e;
  });
