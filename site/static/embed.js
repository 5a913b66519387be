// Aanvraagwijzer in an <iframe> on the SWV's own website: this script, on
// the SWV's page, makes each frame as tall as the form inside it, so the
// page scrolls and not the frame. See docs/handleiding-swv.md:
//
//   <iframe data-aanvraagwijzer src="https://aanvragen.uw-swv.nl/"
//           title="Aanvraag extra ondersteuning" style="width:100%;height:800px;border:0"></iframe>
//   <script src="embed.js" defer></script>
//
// The site inside the frame posts {type: 'aanvraagwijzer-hoogte', height}
// (main.js) only to the origins its build names. Here a message counts only
// when it comes from the frame's own origin AND from that frame's window,
// and carries a whole number of pixels in a sane range; anything else is
// ignored. Nothing is sent, stored or loaded.
(() => {
  'use strict';
  const TYPE = 'aanvraagwijzer-hoogte';
  const MAX_HEIGHT = 100000;

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (data === null || typeof data !== 'object' || data.type !== TYPE) return;
    const height = data.height;
    if (!Number.isInteger(height) || height < 1 || height > MAX_HEIGHT) return;
    for (const frame of document.querySelectorAll('iframe[data-aanvraagwijzer]')) {
      let origin;
      try {
        origin = new URL(frame.getAttribute('src') ?? '', document.baseURI).origin;
      } catch {
        continue;
      }
      if (origin === 'null' || event.origin !== origin) continue;
      if (event.source === null || event.source !== frame.contentWindow) continue;
      frame.style.height = `${height}px`;
      return;
    }
  });
})();
