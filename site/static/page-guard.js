// Runs before the page is drawn. A prerendered page (site/prerender.mjs)
// shows one page of the site: the start page, or a form's task list. When
// the address's hash names another page (a reload of a section's address,
// an old `#/` link), that page is hidden until the app draws the right one,
// instead of showing the wrong page for a moment. A plain script: the CSP
// allows no inline script.
(function () {
  var meta = document.querySelector('meta[name="aanvraagwijzer-formulier"]');
  var own = meta ? meta.content : '';
  var hash = location.hash;
  // `#inhoud` (the skip link) is a place on the page, not a route.
  var route = hash.charAt(1) === '/' ? hash.slice(2) : '';
  var parts = route.split('?');
  var path = parts[0].replace(/\/+$/, '');
  var query = parts[1] || '';
  // As the app reads it (site/src/route.rs, `parse_on`): no path and no
  // choices is this page; the start page with choices (`#/?swv=…`) is
  // still the start page.
  var same = own === '' ? path === '' : (path === '' || path === own) && query === '';
  if (!same) document.documentElement.className += ' aw-other-page';
})();
