// <koers-dashboard view="…" lang="…" home="…">: one part of koers in a
// shadow root, on any page; several on one page each keep their own state
// and language. A thin wrapper around mount() from koers.mjs; the bundle
// pkg/koers-element.js (scripts/build-dist.mjs) holds both, the stylesheet
// and the wasm's glue, with koers_wasm_bg.wasm next to it.
import { mount } from './koers.mjs';

class KoersDashboard extends HTMLElement {
  static observedAttributes = ['view', 'lang'];
  #handle = null;
  #loading = null;

  connectedCallback() {
    if (this.#loading) return;
    const options = {
      view: this.getAttribute('view') ?? 'overview',
      lang: this.getAttribute('lang') ?? 'nl',
    };
    const home = this.getAttribute('home');
    if (home) options.home = home;
    this.#loading = mount(this, options).then((handle) => {
      this.#handle = handle;
      if (!this.isConnected) return this.#drop();
      // Attributes changed while loading.
      if (this.getAttribute('view') !== options.view) handle.setView(this.getAttribute('view') ?? 'overview');
      if (this.getAttribute('lang') !== options.lang) handle.setLang(this.getAttribute('lang') ?? 'nl');
    });
  }

  disconnectedCallback() {
    if (this.#handle) this.#drop();
  }

  attributeChangedCallback(name, _old, value) {
    if (!this.#handle) return;
    if (name === 'view') this.#handle.setView(value ?? 'overview');
    else this.#handle.setLang(value ?? 'nl');
  }

  #drop() {
    this.#handle?.destroy();
    this.#handle = null;
    this.#loading = null;
  }
}

if (!customElements.get('koers-dashboard')) customElements.define('koers-dashboard', KoersDashboard);
