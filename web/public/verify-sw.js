// Service worker of the public verification page (/v, /v/<no>): it keeps the page's shell — the
// HTML and the hashed assets it loaded — so that a phone that verified once can open a QR code
// again without a network; the page then judges with the keys and the signed revocation list it
// cached itself. Registered with scope /v only: the signed-in app is never served from this cache.
// API requests are not touched (they go to the network, and the page falls back on failure).
const CACHE = 'jiliang-verify-v1';
const SHELL = '/v';

self.addEventListener('install', () => self.skipWaiting());

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const key of await caches.keys()) if (key.startsWith('jiliang-verify-') && key !== CACHE) await caches.delete(key);
      await self.clients.claim();
    })(),
  );
});

/** Caches the shell and the page's assets, dropping assets of earlier builds. */
async function cacheShell(assets) {
  const wanted = new Set(assets.filter((path) => typeof path === 'string' && /^\/assets\/[\w.-]+$/.test(path)));
  const cache = await caches.open(CACHE);
  await cache.addAll([SHELL, ...wanted]);
  for (const request of await cache.keys()) {
    const path = new URL(request.url).pathname;
    if (path !== SHELL && !wanted.has(path)) await cache.delete(request);
  }
}

self.addEventListener('message', (event) => {
  if (event.data && event.data.type === 'cache-shell' && Array.isArray(event.data.assets)) {
    const done = cacheShell(event.data.assets).then(
      () => event.source && event.source.postMessage({ type: 'shell-cached' }),
      () => undefined,
    );
    event.waitUntil(done);
  }
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  if (request.mode === 'navigate' && (url.pathname === SHELL || url.pathname.startsWith(`${SHELL}/`))) {
    // network first: a fresh page when online, the cached shell when not
    event.respondWith(fetch(request).catch(async () => (await caches.match(SHELL)) || Response.error()));
  } else if (url.pathname.startsWith('/assets/')) {
    // hashed names never change: cache first
    event.respondWith(caches.match(request).then((hit) => hit || fetch(request)));
  }
});
