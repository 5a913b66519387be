// Loads the wasm app; if that fails, the page says so in Dutch instead of
// staying blank.
import init, { validateDocument } from './pkg/aanvraagwijzer_site.js';

try {
  await init();
  // For scripts and browser tests: validate a document JSON in the page.
  window.aanvraagwijzer = { validateDocument };
} catch (error) {
  console.error(error);
  const status = document.getElementById('laden');
  if (status) {
    status.textContent =
      'Aanvraagwijzer kon niet starten in deze browser. Vernieuw de pagina, of probeer een recente versie van Firefox, Chrome, Edge of Safari.';
    status.setAttribute('role', 'alert');
  }
}
