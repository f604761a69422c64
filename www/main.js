// Starts the whole dashboard (bake.js shows the overview `koers publish`
// baked first, to a new visitor on the overview); everything else happens
// in Rust.
import { run } from './bake.js';

// A new visitor on the overview: nothing of koers in this browser's storage
// (their figures, language, scenarios would change the page).
function newOnOverview() {
  if (!['', '#', '#/'].includes(location.hash)) return false;
  try {
    for (let i = 0; i < localStorage.length; i++) if (localStorage.key(i).startsWith('koers.')) return false;
  } catch {
    return false;
  }
  return true;
}

run({ baked: newOnOverview() ? 'data/first-view.html' : undefined, begin: (wasm) => wasm.start_page() });
