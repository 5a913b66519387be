//! The exact form definition a package was made with: the SHA-256 of the
//! definition's canonical JSON (keys sorted, no spaces), written into the
//! manifest next to the form id and version. Two forms with the same id and
//! version but other rules (an SWV edited a published file without raising
//! its version) then never judge each other's packages silently.

use aanvraagwijzer::Form;
use sha2::{Digest, Sha256};

/// Lower-case hex SHA-256 of the form's canonical JSON. The same definition
/// gives the same hash whether it came from TOML, a published JSON file or
/// the forms embedded at build time.
pub fn definition_sha256(form: &Form) -> String {
    // Through `Value`: its maps are sorted (serde_json without
    // `preserve_order`), so the text does not depend on field order in files.
    let canonical = serde_json::to_value(form)
        .map(|v| v.to_string())
        .unwrap_or_default();
    Sha256::digest(canonical.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_changed_rule_changes_the_pin_but_a_round_trip_does_not() {
        let form = aanvraagwijzer::forms().first().expect("a form").clone();
        let pin = definition_sha256(&form);
        let json = serde_json::to_string(&form).expect("json");
        let again: Form = serde_json::from_str(&json).expect("parse");
        assert_eq!(definition_sha256(&again), pin);
        let mut changed = form.clone();
        changed.title.push('!');
        assert_ne!(definition_sha256(&changed), pin);
    }
}
