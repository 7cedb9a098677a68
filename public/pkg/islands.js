// Wakes up the islands of a server-rendered page: loads the wasm bundle,
// starts Leptos, then hands each <leptos-island> element to the function
// the bundle exports under the island's name.
//
// A file, not Leptos's inline hydration script, so that the
// Content-Security-Policy forbids all inline script. The server also drops
// the empty data declarations Leptos appends to each page (Treffpunkt's
// pages hand no resources to the browser); they are declared here instead,
// for the hydration code that looks for them. Treffpunkt's islands are
// never nested, so there are no island children to track.
//
// The islands only improve pages that work without them (the sign-up
// form checks itself before it is sent), so the bundle is fetched once the
// page has loaded and been painted: on a slow connection its 60 KB do not
// hold back the page's own text and style sheet.
for (const name of ['__RESOLVED_RESOURCES', '__SERIALIZED_ERRORS', '__PENDING_RESOURCES',
  '__RESOURCE_RESOLVERS', '__INCOMPLETE_CHUNKS']) {
  globalThis[name] ??= [];
}

async function wake() {
  const bundle = await import('./treffpunkt.js');
  await bundle.default({ module_or_path: new URL('treffpunkt.wasm', import.meta.url) });
  bundle.hydrate();
  for (const island of document.querySelectorAll('leptos-island')) {
    const start = bundle[island.dataset.component];
    if (start) {
      start(island);
    } else {
      console.error(`no island named ${island.dataset.component} in the bundle`);
    }
  }
}

// After the load event and the next frame, so the page has been painted.
const later = () => requestAnimationFrame(() => setTimeout(wake));
if (document.readyState === 'complete') {
  later();
} else {
  addEventListener('load', later, { once: true });
}
