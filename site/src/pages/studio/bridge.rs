//! The bridge to the lazily loaded studio module (`crates/studio-wasm`):
//! loaded once with `import()`, only on `#/studio`, so a school's pages never
//! download the TOML parser or the form diff. Also the two small browser
//! helpers the studio needs (reading a published form file, putting the
//! cursor on a line of the text area).

use aanvraagwijzer::Form;
use serde::Deserialize;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
let loading = null;
export function loadStudioModule() {
  if (!loading) {
    const url = new URL('pkg-studio/aanvraagwijzer_studio_wasm.js', document.baseURI).href;
    loading = import(url).then(async (m) => { await m.default(); return m; });
    loading.catch(() => { loading = null; });
  }
  return loading;
}
export async function fetchText(path) {
  const response = await fetch(new URL(path, document.baseURI).href);
  if (!response.ok) { throw new Error(String(response.status)); }
  return await response.text();
}
export function selectLine(id, line, column) {
  const area = document.getElementById(id);
  if (!area) { return; }
  const lines = area.value.split('\n');
  let offset = 0;
  for (let i = 0; i < line - 1 && i < lines.length; i++) { offset += lines[i].length + 1; }
  offset += Math.max(0, column - 1);
  area.focus();
  area.setSelectionRange(offset, offset);
  const height = parseFloat(getComputedStyle(area).lineHeight) || 20;
  area.scrollTop = Math.max(0, (line - 3) * height);
}
"#)]
extern "C" {
    #[wasm_bindgen(js_name = loadStudioModule)]
    fn load_studio_module() -> js_sys::Promise;
    #[wasm_bindgen(js_name = fetchText)]
    fn fetch_text(path: &str) -> js_sys::Promise;
    /// Focuses the text area `id` with the cursor at `line`, `column` (1-based).
    #[wasm_bindgen(js_name = selectLine)]
    pub fn select_line(id: &str, line: usize, column: usize);
}

/// One problem in the form file.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// The studio module's answer to `check`.
#[derive(Clone, Debug, Deserialize)]
pub struct Checked {
    pub problems: Vec<Problem>,
    /// The form JSON as the site publishes it, when there are no problems.
    pub form: Option<String>,
}

/// One difference between the published and the edited form.
#[derive(Clone, Debug, Deserialize, PartialEq)]
pub struct Change {
    /// `section`, `field`, `rule`, `note` or `form`.
    pub subject: String,
    /// `added`, `removed` or `changed`.
    pub kind: String,
    pub id: String,
    pub description_nl: String,
}

const NOT_LOADED: &str = "Het onderdeel dat formulieren controleert kon niet worden geladen. Controleer de verbinding en vernieuw de pagina.";

fn message_of(err: &JsValue) -> String {
    js_sys::Reflect::get(err, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| NOT_LOADED.to_owned())
}

/// Calls `name(args…)` on the studio module; its answer is text.
async fn call(name: &str, args: &[&str]) -> Result<String, String> {
    let module = JsFuture::from(load_studio_module())
        .await
        .map_err(|_| NOT_LOADED.to_owned())?;
    let function: js_sys::Function = js_sys::Reflect::get(&module, &name.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| NOT_LOADED.to_owned())?;
    let list = js_sys::Array::new();
    for a in args {
        list.push(&JsValue::from_str(a));
    }
    let value = function.apply(&module, &list).map_err(|e| message_of(&e))?;
    Ok(value.as_string().unwrap_or_default())
}

/// Checks a form file's text with the build's own `check_form`.
pub async fn check(text: &str) -> Result<Checked, String> {
    let answer = call("check", &[text]).await?;
    serde_json::from_str(&answer).map_err(|_| NOT_LOADED.to_owned())
}

/// What changed from the published form to the edited one (both form JSON).
pub async fn compare(published: &str, edited: &str) -> Result<Vec<Change>, String> {
    let answer = call("compare", &[published, edited]).await?;
    serde_json::from_str(&answer).map_err(|_| NOT_LOADED.to_owned())
}

/// The published version of form `id` as form JSON, or `None` for a new
/// form: the site's own published file (`forms/<swv>/<form>.json`), as
/// schools get it.
pub async fn published_form_json(id: &str) -> Result<Option<String>, String> {
    let Some(entry) = crate::forms::entry(id) else {
        return Ok(None);
    };
    crate::forms::fetch_text(&entry.file).await.map(Some).map_err(|problem| {
        format!(
            "Het gepubliceerde formulier {} kon niet worden geladen: {problem}. Vernieuw de pagina en probeer het opnieuw.",
            entry.file
        )
    })
}

/// The TOML source of a published form, which the build puts next to the
/// studio module (`pkg-studio/forms/<swv>/<form>.toml`).
pub async fn published_form_toml(id: &str) -> Result<String, String> {
    let text = JsFuture::from(fetch_text(&format!("pkg-studio/forms/{id}.toml")))
        .await
        .map_err(|_| {
            "Het formulierbestand kon niet worden geladen. Controleer de verbinding, of open het bestand zelf.".to_owned()
        })?;
    Ok(text.as_string().unwrap_or_default())
}

/// The form of a sound file, for the preview.
pub fn form_from_json(json: &str) -> Option<Form> {
    serde_json::from_str(json).ok()
}
