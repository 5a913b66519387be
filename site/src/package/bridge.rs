//! The bridge to the lazily loaded package module (`crates/package-wasm`):
//! loading it once with `import()`, calling its functions, reading its
//! answers, and handing the ZIP to the browser as a download.

use leptos::prelude::set_timeout;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

#[wasm_bindgen(inline_js = r#"
let loading = null;
async function bytesOf(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  return new Uint8Array(await response.arrayBuffer());
}
export function loadPackageModule(root) {
  if (!loading) {
    const base = new URL(root + 'pkg-package/', document.baseURI);
    const at = (name) => new URL(name, base).href;
    loading = Promise.all([
      import(at('aanvraagwijzer_package_wasm.js')).then(async (m) => { await m.default(); return m; }),
      bytesOf(at('fonts/DejaVuSans.ttf')),
      bytesOf(at('fonts/DejaVuSans-Bold.ttf')),
    ]).then(([m, regular, bold]) => { m.use_fonts(regular, bold); return m; });
    loading.catch(() => { loading = null; });
  }
  return loading;
}
"#)]
extern "C" {
    /// Loads the package module once from `root` (the site's root seen from
    /// this page, [`crate::forms::site_root`]) together with the PDF's two
    /// font files beside it, which it hands the module (`use_fonts`); later
    /// calls get the same module. A failed load is tried again next time.
    #[wasm_bindgen(js_name = loadPackageModule)]
    fn load_package_module(root: &str) -> js_sys::Promise;
}

/// The Dutch message of a JS error, or a general one.
pub(super) fn message_of(err: &JsValue) -> String {
    js_sys::Reflect::get(err, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| {
            "Het pakket kon niet worden gemaakt in deze browser. Vernieuw de pagina en probeer het opnieuw.".to_owned()
        })
}

/// Calls `name(args…)` on the lazily loaded module.
pub(super) async fn call(name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let module = JsFuture::from(load_package_module(&crate::forms::site_root()))
        .await
        .map_err(|_| {
            "Het onderdeel dat pakketten maakt kon niet worden geladen. Controleer de verbinding en probeer het opnieuw.".to_owned()
        })?;
    let function: js_sys::Function = js_sys::Reflect::get(&module, &name.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| {
            "Het onderdeel dat pakketten maakt is onvolledig. Vernieuw de pagina.".to_owned()
        })?;
    let list = js_sys::Array::new();
    for a in args {
        list.push(a);
    }
    function.apply(&module, &list).map_err(|e| message_of(&e))
}

/// The package module's `renamed` list (`[{from, to}]`) as one Dutch
/// sentence, or "" when every attachment kept its name.
pub(super) fn renamed_note(built: &JsValue) -> String {
    let list = js_sys::Reflect::get(built, &"renamed".into()).unwrap_or_default();
    // The old name may hold the very bidi controls that made it unsafe:
    // shown as U+FFFD so the sentence reads as written.
    let text = |item: &JsValue, key: &str| -> String {
        js_sys::Reflect::get(item, &key.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
            .chars()
            .map(|c| match c {
                '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{FEFF}' => '\u{FFFD}',
                c if c.is_control() => '\u{FFFD}',
                c => c,
            })
            .collect()
    };
    let renamed: Vec<String> = js_sys::Array::from(&list)
        .iter()
        .map(|item| {
            format!(
                "\"{}\" heet nu \"{}\"",
                text(&item, "from"),
                text(&item, "to")
            )
        })
        .collect();
    if renamed.is_empty() {
        return String::new();
    }
    format!(
        "Let op: sommige bijlagen hebben in het pakket een andere naam gekregen, zodat ze op elke computer goed uitpakken: {}.",
        renamed.join("; ")
    )
}

/// Hands bytes to the browser as a download.
pub(super) fn save_bytes(name: &str, bytes: &[u8], mime: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}
