//! Bounds the number of findings a document can produce.
//!
//! A legal 2 MB document with thousands of empty list items would otherwise
//! give a findings list many times its own size (38 MB for 2 MB was seen),
//! which a server must hold and a browser must render. Nobody reads the
//! 21st identical message either: the first ones say what to do, and one
//! line says how many more of the same kind there are.

use crate::definition::Severity;
use crate::finding::{code, Finding};

use super::messages;

/// Findings with the same code in the same place (one list, or the answers
/// outside lists) kept before the rest is summed up in one finding.
pub const MAX_FINDINGS_PER_GROUP: usize = 20;

/// The group a finding counts in: its code and the list its path is in
/// (`/answers/doelen` for `/answers/doelen/3/tekst`), or `/answers` for
/// fields outside lists.
fn group_of(finding: &Finding) -> (&str, &str) {
    let path = finding.path.as_str();
    let place = crate::pointer::raw_segments(path)
        .and_then(|mut parts| {
            let field = parts.next()?;
            let index = parts.next()?;
            index
                .bytes()
                .all(|b| b.is_ascii_digit())
                .then(|| &path[..("/answers/".len() + field.len())])
        })
        .unwrap_or("/answers");
    (finding.code.as_str(), place)
}

/// Keeps at most [`MAX_FINDINGS_PER_GROUP`] findings per group, in order;
/// where a group has more, one finding at the place of the first one left
/// out says how many more there are, with the most serious severity among
/// them (so a request that was blocked stays blocked).
pub(crate) fn cap(findings: Vec<Finding>) -> Vec<Finding> {
    use std::collections::HashMap;

    let mut totals: HashMap<(String, String), (usize, Severity)> = HashMap::new();
    for f in &findings {
        let (c, place) = group_of(f);
        let entry = totals
            .entry((c.to_owned(), place.to_owned()))
            .or_insert((0, f.severity));
        entry.0 += 1;
        entry.1 = most_serious(entry.1, f.severity);
    }
    if totals.values().all(|(n, _)| *n <= MAX_FINDINGS_PER_GROUP) {
        return findings;
    }
    let mut seen: HashMap<(String, String), usize> = HashMap::new();
    let mut out = Vec::with_capacity(findings.len().min(1024));
    for f in findings {
        let (c, place) = group_of(&f);
        let key = (c.to_owned(), place.to_owned());
        let n = seen.entry(key.clone()).or_insert(0);
        *n += 1;
        if *n <= MAX_FINDINGS_PER_GROUP {
            out.push(f);
        } else if *n == MAX_FINDINGS_PER_GROUP + 1 {
            let (total, severity) = totals.get(&key).copied().unwrap_or((*n, f.severity));
            let more = total - MAX_FINDINGS_PER_GROUP;
            // In a list the summary belongs to the list; elsewhere to the
            // first question it stands for (every finding names a question).
            let (path, message) = if key.1 == "/answers" {
                (f.path, messages::more_findings_from_here(more))
            } else {
                (key.1, messages::more_findings(more))
            };
            out.push(Finding {
                code: code::MORE_FINDINGS.to_owned(),
                path,
                severity,
                message,
                source: None,
            });
        }
    }
    out
}

fn most_serious(a: Severity, b: Severity) -> Severity {
    let rank = |s: Severity| match s {
        Severity::Fout => 2,
        Severity::Waarschuwing => 1,
        Severity::Tip => 0,
    };
    if rank(b) > rank(a) {
        b
    } else {
        a
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn finding(code: &str, path: &str, severity: Severity) -> Finding {
        Finding {
            code: code.into(),
            path: path.into(),
            severity,
            message: "m".into(),
            source: None,
        }
    }

    #[test]
    fn few_findings_pass_unchanged() {
        let list: Vec<Finding> = (0..MAX_FINDINGS_PER_GROUP)
            .map(|i| {
                finding(
                    "required",
                    &format!("/answers/doelen/{i}/tekst"),
                    Severity::Fout,
                )
            })
            .collect();
        assert_eq!(cap(list.clone()), list);
    }

    #[test]
    fn a_list_full_of_the_same_finding_is_summed_up_in_place() {
        let mut list = vec![finding("required", "/answers/bsn", Severity::Fout)];
        list.extend((0..500).map(|i| {
            finding(
                "required",
                &format!("/answers/doelen/{i}/tekst"),
                Severity::Fout,
            )
        }));
        list.push(finding(
            "rule:x",
            "/answers/einddatum",
            Severity::Waarschuwing,
        ));
        let capped = cap(list);
        assert_eq!(capped.len(), 1 + MAX_FINDINGS_PER_GROUP + 1 + 1);
        let more = &capped[1 + MAX_FINDINGS_PER_GROUP];
        assert_eq!(more.code, code::MORE_FINDINGS);
        assert_eq!(more.path, "/answers/doelen");
        assert_eq!(more.severity, Severity::Fout);
        assert!(more.message.contains("480"), "{}", more.message);
        assert_eq!(capped[capped.len() - 1].code, "rule:x");
    }

    #[test]
    fn groups_are_per_code_and_per_list() {
        let mut list = Vec::new();
        for i in 0..30 {
            list.push(finding(
                "required",
                &format!("/answers/a/{i}/x"),
                Severity::Fout,
            ));
            list.push(finding(
                "too-long",
                &format!("/answers/a/{i}/y"),
                Severity::Waarschuwing,
            ));
            list.push(finding(
                "required",
                &format!("/answers/b/{i}/x"),
                Severity::Fout,
            ));
        }
        let capped = cap(list);
        assert_eq!(capped.len(), 3 * (MAX_FINDINGS_PER_GROUP + 1));
        let more: Vec<(&str, Severity)> = capped
            .iter()
            .filter(|f| f.code == code::MORE_FINDINGS)
            .map(|f| (f.path.as_str(), f.severity))
            .collect();
        assert_eq!(
            more,
            [
                ("/answers/a", Severity::Fout),
                ("/answers/a", Severity::Waarschuwing),
                ("/answers/b", Severity::Fout)
            ]
        );
    }

    #[test]
    fn unknown_answers_outside_lists_are_capped_too() {
        let list: Vec<Finding> = (0..1000)
            .map(|i| finding("unknown-answer", &format!("/answers/x{i}"), Severity::Tip))
            .collect();
        let capped = cap(list);
        assert_eq!(capped.len(), MAX_FINDINGS_PER_GROUP + 1);
        let more = &capped[MAX_FINDINGS_PER_GROUP];
        assert_eq!(more.path, format!("/answers/x{MAX_FINDINGS_PER_GROUP}"));
        assert!(more.message.contains("980"), "{}", more.message);
    }
}
