// Tablica's service worker: it only shows the notifications the site's publisher pushes (Web Push,
// subscribed on the e-mail notifications page) and opens the notice when one is tapped. It caches
// nothing and intercepts no request.
self.addEventListener('push', (event) => {
  let message = {};
  try {
    message = event.data ? event.data.json() : {};
  } catch {
    // Not ours: show nothing rather than something wrong.
    return;
  }
  if (typeof message.title !== 'string' || typeof message.url !== 'string') return;
  event.waitUntil(
    self.registration.showNotification(message.title, {
      body: typeof message.body === 'string' ? message.body : '',
      lang: typeof message.lang === 'string' ? message.lang : 'pl',
      // A newer version of the same notice replaces the older notification.
      tag: typeof message.tag === 'string' ? message.tag : undefined,
      renotify: true,
      icon: '/favicon.svg',
      data: { url: message.url },
    }),
  );
});

self.addEventListener('notificationclick', (event) => {
  event.notification.close();
  const url = event.notification.data?.url;
  // The address is the publisher's own (the payload is encrypted for this browser alone).
  if (typeof url !== 'string') return;
  event.waitUntil(self.clients.openWindow(new URL(url, self.location.origin).href));
});
