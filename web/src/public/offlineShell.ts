// Registers the verification page's service worker (web/public/verify-sw.js, scope /v) and hands it
// the assets this page loaded, so the page opens again without a network. When the worker says the
// shell is cached, <html data-verify-offline="ready"> tells so (tests wait for it).
export function keepShellForOffline(): void {
  if (!('serviceWorker' in navigator) || !window.isSecureContext) return;
  const container = navigator.serviceWorker;
  container.addEventListener('message', (event: MessageEvent<{ type?: string }>) => {
    if (event.data?.type === 'shell-cached') document.documentElement.dataset.verifyOffline = 'ready';
  });
  container
    .register('/verify-sw.js', { scope: '/v' })
    .then(async () => {
      const registration = await container.ready;
      const assets = performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name, window.location.href))
        .filter((url) => url.origin === window.location.origin && url.pathname.startsWith('/assets/'))
        .map((url) => url.pathname);
      registration.active?.postMessage({ type: 'cache-shell', assets });
    })
    .catch(() => {
      // no service worker (private mode, policy): the page still works online
    });
}
