/*! Tablica embed frame: tells the page around it how tall it is. */
(() => {
  // WordPress gives its embeds a secret in the address (#?secret=…) and checks it on every message.
  const secret = (location.hash.match(/[#&?]secret=([A-Za-z0-9]+)/) || [])[1];
  // WordPress never makes an embed shorter than 200 px: the frame fills that height itself (its
  // link at the bottom) instead of leaving WordPress's blank below a short frame.
  if (secret) document.documentElement.classList.add('in-wordpress');
  let last = 0;
  const report = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last || window.parent === window) return;
    last = height;
    window.parent.postMessage({ type: 'tablica:height', height }, '*');
    if (secret) window.parent.postMessage({ message: 'height', value: height, secret }, '*');
  };
  new ResizeObserver(report).observe(document.documentElement);
  // WordPress's own script says "ready" when it starts listening, which may be after our load.
  addEventListener('message', (event) => {
    if (secret && event.data?.message === 'ready' && event.data.secret === secret) {
      last = 0;
      report();
    }
  });
  addEventListener('load', report);
  // A height sent before WordPress's script listens is lost, and its "ready" may reach the frame
  // before this script runs: say it again a few times, as WordPress's own embeds do.
  if (secret) {
    for (const delay of [300, 1000, 3000]) {
      setTimeout(() => {
        last = 0;
        report();
      }, delay);
    }
  }
  // Inside WordPress's sandbox a plain link cannot leave the frame; WordPress opens it on request.
  document.addEventListener('click', (event) => {
    const link = event.target instanceof Element ? event.target.closest('a[href]') : null;
    if (!link || !secret) return;
    event.preventDefault();
    window.parent.postMessage({ message: 'link', value: link.href, secret }, '*');
  });
})();
