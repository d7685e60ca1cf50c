/**
 * The site's only inline script. A static page is built at one moment and read later: when it is
 * read after a notice (or a facility change) has ended, this rewrites the status to "ended" and
 * hides whatever only makes sense while it is on (the urgent banner). Elements opt in with
 * `data-ends` (an ISO instant) plus `data-ended` (the replacement text) or `data-ended-hide`.
 * Kept under 1 KB (a test measures it).
 */
export const ENDED_SCRIPT =
  "(function(){var n=Date.now();document.querySelectorAll('[data-ends]').forEach(function(e){" +
  "if(Date.parse(e.getAttribute('data-ends'))>n)return;e.setAttribute('data-state','ended');" +
  "if(e.hasAttribute('data-ended-hide'))e.hidden=true;else e.textContent=e.getAttribute('data-ended')})})()";
