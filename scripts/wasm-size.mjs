// Where the dashboard wasm's bytes go, by part of the program: every
// function body of a build with names, grouped by the module its name
// starts with, and the data segments; raw bytes and gzip -9 bytes of each
// group compressed alone (so the groups' gzip bytes add up to a little more
// than the whole file's: each group starts with an empty dictionary).
//   node scripts/wasm-size.mjs file.wasm
// The file must carry a name section: `bash scripts/wasm-size.sh` builds one
// exactly as scripts/build-web.sh does (same wasm-opt flags) plus `-g`.
import fs from 'node:fs';
import zlib from 'node:zlib';

const GROUPS = [
  ['import: files of figures, CSV, StatLine/SDMX, Open SDG (wasm + core + csv-core)',
    /statimport|data::import_|view::import|koers_core::statfile|koers_core::opensdg|csv_core/],
  ['core: JSON loader (serde-json-core, derives, load)', /serde_json_core|serde_core::de|koers_core::load|as serde_core::Deserialize|Visitor/],
  ['wasm: ES module API (serde-wasm-bindgen)', /serde_wasm_bindgen|serde_core::ser|Serialize|koers_wasm::api|assessSeries|leverageOf/],
  ['wasm: controller (events, draw, instances)', /koers_wasm::controller/],
  ['wasm: views and charts', /koers_wasm::(view|chart)/],
  ['wasm: scenario explorer', /koers_wasm::(explore|scenario)/],
  ['wasm: words in two languages (i18n)', /koers_wasm::i18n/],
  ['wasm: state, data, store, sync, route', /koers_wasm::/],
  ['core: assessments, roll-ups, scenarios, numbers', /koers_core::/],
  ['wasm-bindgen, js-sys, web-sys glue and closures', /wasm_bindgen|js_sys|web_sys|externref|__wbg|__externref|closure/],
  ['app code inlined into std generics (thread-local state, iterators, drop glue)',
    /LocalKey|iter::adapters|Iterator>::(next|fold|try_fold)|drop_in_place|from_iter|spec_extend|SpecExtend|SpecFromIter/],
  ['Rust: Unicode case mapping (str::to_lowercase, to_uppercase)', /to_lowercase|to_uppercase|unicode::conversions/],
  ['Rust: float formatting and parsing', /flt2dec|dec2flt|FromStr|fmt::Display>::fmt|LowerExp|fmt::float/],
  ['Rust: allocator (dlmalloc)', /dlmalloc|__rdl|__rust_(alloc|dealloc|realloc)/],
  ['libm', /libm::/],
  ['Rust: core, alloc, std other (strings, sorting, panics, formatting)', /./],
];

function leb(b, i) {
  let r = 0;
  let s = 0;
  for (;;) {
    const x = b[i++];
    r += (x & 0x7f) * 2 ** s;
    s += 7;
    if (x < 0x80) return [r, i];
  }
}
const str = (b, i) => {
  const [n, j] = leb(b, i);
  return [b.subarray(j, j + n).toString('utf8'), j + n];
};

const file = process.argv[2];
if (!file) {
  console.error('usage: node scripts/wasm-size.mjs file.wasm');
  process.exit(2);
}
const b = fs.readFileSync(file);
let imported = 0;
const bodies = [];
const data = [];
const names = new Map();
let other = 0;
for (let i = 8; i < b.length;) {
  const id = b[i];
  const [size, start] = leb(b, i + 1);
  const end = start + size;
  if (id === 2) {
    let [n, j] = leb(b, start);
    for (let k = 0; k < n; k++) {
      [, j] = str(b, j);
      [, j] = str(b, j);
      const kind = b[j++];
      if (kind === 0) [, j] = leb(b, j);
      else if (kind === 1) j = b[j + 1] & 1 ? leb(b, leb(b, j + 2)[1])[1] : leb(b, j + 2)[1];
      else if (kind === 2) j = b[j] & 1 ? leb(b, leb(b, j + 1)[1])[1] : leb(b, j + 1)[1];
      else if (kind === 3) j += 2;
      else if (kind === 4) j = leb(b, j + 1)[1];
      if (kind === 0) imported++;
    }
    other += end - i;
  } else if (id === 10) {
    let [n, j] = leb(b, start);
    for (let k = 0; k < n; k++) {
      const [len, at] = leb(b, j);
      bodies.push(b.subarray(at, at + len));
      j = at + len;
    }
  } else if (id === 11) {
    data.push(b.subarray(start, end));
  } else if (id === 0) {
    const [name, j] = str(b, start);
    if (name === 'name') {
      for (let k = j; k < end;) {
        const sub = b[k];
        const [len, at] = leb(b, k + 1);
        if (sub === 1) {
          let [n, m] = leb(b, at);
          for (let q = 0; q < n; q++) {
            let idx;
            let nm;
            [idx, m] = leb(b, m);
            [nm, m] = str(b, m);
            names.set(idx, nm);
          }
        }
        k = at + len;
      }
    }
  } else {
    other += end - i;
  }
  i = end;
}

const groups = GROUPS.map(([label]) => ({ label, parts: [], raw: 0 }));
bodies.forEach((body, k) => {
  const name = names.get(imported + k) ?? '';
  const found = GROUPS.findIndex(([, re]) => re.test(name));
  const g = found < 0 ? GROUPS.length - 1 : found;
  groups[g].parts.push(body);
  groups[g].raw += body.length;
});
groups.push({ label: 'data segments (text, tables: all parts together)', parts: data, raw: data.reduce((s, d) => s + d.length, 0) });
groups.push({ label: 'types, imports, exports, tables, globals', parts: [], raw: other });

const gz = (parts) => (parts.length ? zlib.gzipSync(Buffer.concat(parts), { level: 9 }).length : 0);
const sizeWithoutNames = groups.reduce((s, g) => s + g.raw, 0);
console.log(`${file}: ${bodies.length} functions (${names.size} named), code + data ${sizeWithoutNames} bytes\n`);
console.log('| part | raw bytes | gzip -9 bytes, alone |');
console.log('|---|---:|---:|');
for (const g of groups.sort((x, y) => y.raw - x.raw)) {
  console.log(`| ${g.label} | ${g.raw} | ${g.parts.length ? gz(g.parts) : '—'} |`);
}
