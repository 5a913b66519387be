// Aanvraagwijzer in an <iframe> on the SWV's own website: this script, on
// the SWV's page, makes each frame as tall as the form inside it, so the
// page scrolls and not the frame. See docs/handleiding-swv.md:
//
//   <iframe data-aanvraagwijzer src="https://aanvragen.uw-swv.nl/"
//           title="Aanvraag extra ondersteuning" style="width:100%;height:800px;border:0"></iframe>
//   <script src="embed.js" defer></script>
//
// The site inside the frame posts {type: 'aanvraagwijzer-hoogte', height}
// and, when a new page opens in it, {type: 'aanvraagwijzer-pagina'} (then the
// frame's top is scrolled into view) (main.js), only to the origins its build
// names. Here a message counts only
// when it comes from the frame's own origin AND from that frame's window,
// and carries a whole number of pixels in a sane range; anything else is
// ignored. Nothing is sent, stored or loaded.
(() => {
  'use strict';
  const HEIGHT = 'aanvraagwijzer-hoogte';
  // A new page opened inside the frame: show its top (main.js).
  const NEW_PAGE = 'aanvraagwijzer-pagina';
  const MAX_HEIGHT = 100000;

  /** The Aanvraagwijzer frame a message comes from: its own origin and window, or none. */
  function frameOf(event) {
    for (const frame of document.querySelectorAll('iframe[data-aanvraagwijzer]')) {
      let origin;
      try {
        origin = new URL(frame.getAttribute('src') ?? '', document.baseURI).origin;
      } catch {
        continue;
      }
      if (origin === 'null' || event.origin !== origin) continue;
      if (event.source === null || event.source !== frame.contentWindow) continue;
      return frame;
    }
    return null;
  }

  window.addEventListener('message', (event) => {
    const data = event.data;
    if (data === null || typeof data !== 'object') return;
    if (data.type === HEIGHT) {
      const height = data.height;
      if (!Number.isInteger(height) || height < 1 || height > MAX_HEIGHT) return;
      const frame = frameOf(event);
      if (frame) frame.style.height = `${height}px`;
    } else if (data.type === NEW_PAGE) {
      const frame = frameOf(event);
      // Only when the frame's top is out of sight above: never jump down.
      if (frame && frame.getBoundingClientRect().top < 0) frame.scrollIntoView({ block: 'start' });
    }
  });
})();
