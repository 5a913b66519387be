// Loads the wasm app; if that fails, the page says so in Dutch instead of
// staying blank.
import init, { validateDocument } from './pkg/aanvraagwijzer_site.js';

const FAILED_TO_START =
  'Aanvraagwijzer kon niet starten in deze browser. Vernieuw de pagina, of probeer een recente versie van Firefox, Chrome, Edge of Safari.';
const STOPPED =
  'Er ging iets mis in de Aanvraagwijzer: deze pagina werkt niet meer goed. Probeer uw antwoorden te bewaren met "Bewaar de antwoorden als bestand" en vernieuw dan de pagina. U kunt het bestand daarna weer openen.';

// A panic in the app aborts its wasm at once (-Cpanic=immediate-abort, see
// xtask/src/wasm.rs): the wasm traps with a RuntimeError. Say so at the
// top of the page instead of leaving a page that silently stops responding.
function showStopped() {
  showAlert(STOPPED);
}

function showAlert(message) {
  if (document.getElementById('aw-gestopt')) return;
  const box = document.createElement('div');
  box.id = 'aw-gestopt';
  box.className = 'utrecht-alert utrecht-alert--error';
  box.setAttribute('role', 'alert');
  const text = document.createElement('p');
  text.className = 'utrecht-paragraph';
  text.textContent = message;
  box.append(text);
  const app = document.getElementById('app') ?? document.body;
  app.prepend(box);
}
const isWasmTrap = (error) => error instanceof WebAssembly.RuntimeError;
window.addEventListener('error', (e) => isWasmTrap(e.error) && showStopped());
window.addEventListener('unhandledrejection', (e) => isWasmTrap(e.reason) && showStopped());

// Embedded in an SWV's own page (embed.js there, docs/handleiding-swv.md):
// tell the page around the frame how tall this page is, so it can size the
// frame, and when a new page opens, so it can show the frame's top. Only when framed, and only to the origins this build was made for
// (forms/<swv>/swv.toml); a build that names none (the all-SWV site) posts
// nothing, and never to '*'.
function reportHeightToEmbedder() {
  const meta = document.querySelector('meta[name="aanvraagwijzer-embed-origins"]');
  const origins = (meta?.content ?? '').split(/\s+/).filter(Boolean);
  if (window.parent === window || origins.length === 0) return;
  let last = 0;
  const post = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    for (const origin of origins) {
      window.parent.postMessage({ type: 'aanvraagwijzer-hoogte', height }, origin);
    }
  };
  const observer = new ResizeObserver(post);
  observer.observe(document.documentElement);
  observer.observe(document.body);
  post();
  // A new page of the form: the SWV's page scrolls the frame's top into
  // view, or the school would land at the bottom of the next page. Not for
  // a "Wijzig" link to a question (`veld=`): the question gets the focus.
  window.addEventListener('hashchange', () => {
    if (location.hash.includes('veld=')) return;
    for (const origin of origins) {
      window.parent.postMessage({ type: 'aanvraagwijzer-pagina' }, origin);
    }
  });
}
reportHeightToEmbedder();

// The prerendered page paints first: the wasm (300 KB) is asked for after
// that frame, so on a slow line it does not hold up the page's own HTML and
// CSS (Lighthouse mobile, start page: LCP 2.9 s -> 1.2 s, score 89 -> 97;
// usable after the same time, site/bench/browser.mjs).
// A tab opened in the background paints no frames: the timer starts it anyway.
const painted = () =>
  new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 200);
  });

try {
  await painted();
  await init();
  // For scripts and browser tests: validate a document JSON in the page.
  window.aanvraagwijzer = { validateDocument };
} catch (error) {
  console.error(error);
  const status = document.getElementById('laden');
  if (status && status.offsetParent !== null) {
    status.textContent = FAILED_TO_START;
    status.setAttribute('role', 'alert');
  } else if (status) {
    // A prerendered page stays readable, with the reason on top.
    showAlert(FAILED_TO_START);
  } else {
    // The app had started to draw the page when it stopped.
    showStopped();
  }
}
