// Wakes the islands after the page has been painted (see ISLANDS_SCRIPT in
// app/src/lib.rs for why).
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

const later = () => requestAnimationFrame(() => setTimeout(wake));
if (document.readyState === 'complete') {
  later();
} else {
  addEventListener('load', later, { once: true });
}
