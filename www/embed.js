// Loads the WebAssembly and starts one part of the dashboard
// (embed.html?view=…&lang=…); everything else happens in Rust.
import init, { start_embed } from './pkg/koers_wasm.js';

init().then(() => start_embed()).catch((e) => {
  const app = document.getElementById('app');
  if (app) app.textContent = 'koers could not start: ' + e;
});
