//! The forms as published data next to the site: `forms/<swv>/<form>.json`
//! (one per form, the canonical JSON of the checked definition) and
//! `forms/index.json` (what the start page needs). The site's wasm carries
//! no form content; it fetches these relative to its page.

use std::path::Path;

use aanvraagwijzer::published::{data_file, FormIndex, INDEX_FILE};

/// Writes the published forms (all, or one SWV's) into `dist`. The forms are
/// the ones `build.rs` checked and embedded in this xtask binary; the site
/// checks every file again when it loads it.
pub fn write(dist: &Path, swv: Option<&str>) -> Result<usize, String> {
    let forms: Vec<_> = aanvraagwijzer::forms()
        .iter()
        .filter(|f| swv.is_none_or(|s| f.swv() == s))
        .collect();
    if forms.is_empty() {
        return Err(match swv {
            Some(s) => format!("no forms for SWV `{s}` (see forms/)"),
            None => "no forms".to_owned(),
        });
    }
    for form in &forms {
        let path = dist.join(data_file(&form.id));
        if let Some(parent) = path.parent() {
            std::fs::create_dir_all(parent).map_err(|e| format!("{}: {e}", parent.display()))?;
        }
        let json = serde_json::to_string(form).map_err(|e| format!("{}: {e}", form.id))?;
        std::fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))?;
    }
    let index = FormIndex::of(forms.iter().copied());
    let json = serde_json::to_string(&index).map_err(|e| e.to_string())?;
    let path = dist.join(INDEX_FILE);
    std::fs::write(&path, json).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok(forms.len())
}
