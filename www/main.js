// Loads the dashboard's WebAssembly and starts it; everything else happens in Rust.
import init, { start_page } from './pkg/koers_wasm.js';

init().then(() => start_page()).catch((e) => {
  const main = document.getElementById('main');
  if (main) main.textContent = 'koers could not start: ' + e;
});
