// Optional, for a page that embeds koers in an iframe: sizes every
// <iframe data-koers-embed> to the height its part reports with
// postMessage ({ type: 'koers:height', height }). Defines no globals.
addEventListener('message', (e) => {
  const d = e.data;
  if (!d || d.type !== 'koers:height' || !(d.height > 0)) return;
  for (const f of document.querySelectorAll('iframe[data-koers-embed]')) {
    if (f.contentWindow === e.source) f.height = String(Math.ceil(d.height));
  }
});
