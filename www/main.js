// Loads the dashboard's WebAssembly; everything else happens in Rust.
import init from './pkg/koers_wasm.js';

init().catch((e) => {
  const main = document.getElementById('main');
  if (main) main.textContent = 'koers could not start: ' + e;
});
