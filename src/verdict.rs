//! The verdict on a document: what the CLI prints with `--json`, what the HTTP
//! API answers and what the site's download carries. One type, so all three
//! say the same thing.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::definition::{Form, Severity};
use crate::document::Document;
use crate::finding::Finding;
use crate::progress::{progress, Progress};
use crate::validate::{has_blocking, validate};

/// The outcome of validating one document against one form on one date.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Verdict {
    pub form: String,
    pub form_version: String,
    pub core_version: String,
    /// The date the checks were made for (dd-mm-jjjj).
    pub checked_on: String,
    /// True when no finding blocks the request.
    pub valid: bool,
    pub progress: Progress,
    pub counts: Counts,
    pub findings: Vec<Finding>,
}

/// Number of findings per severity.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub fout: usize,
    pub waarschuwing: usize,
    pub tip: usize,
}

impl Verdict {
    /// Validates `doc` against `form` as of `today`.
    pub fn of(form: &Form, doc: &Document, today: NaiveDate) -> Verdict {
        let findings = validate(form, doc, today);
        let mut counts = Counts::default();
        for f in &findings {
            match f.severity {
                Severity::Fout => counts.fout += 1,
                Severity::Waarschuwing => counts.waarschuwing += 1,
                Severity::Tip => counts.tip += 1,
            }
        }
        Verdict {
            form: form.id.clone(),
            form_version: form.version.clone(),
            core_version: crate::CORE_VERSION.to_owned(),
            checked_on: crate::dates::format_date(today),
            valid: !has_blocking(&findings),
            progress: progress(form, doc, &findings, today),
            counts,
            findings,
        }
    }

    /// One Dutch sentence: complete or not, and how many of each.
    pub fn headline_nl(&self) -> String {
        let Counts {
            fout,
            waarschuwing,
            tip,
        } = self.counts;
        let status = if self.valid {
            "Compleet: niets houdt de aanvraag tegen."
        } else {
            "Nog niet compleet: los de fouten op voordat u de aanvraag indient."
        };
        // Only the kinds there are: "0 fouten, 0 tips" is noise to a reader.
        let mut counts = Vec::new();
        for (n, one, many) in [
            (fout, "fout", "fouten"),
            (waarschuwing, "waarschuwing", "waarschuwingen"),
            (tip, "tip", "tips"),
        ] {
            if n > 0 {
                counts.push(format!("{n} {}", if n == 1 { one } else { many }));
            }
        }
        let verb = if fout + waarschuwing + tip == 1 {
            "is"
        } else {
            "zijn"
        };
        match counts.as_slice() {
            [] => status.to_owned(),
            [one] => format!("{status} Er {verb} {one}."),
            [init @ .., last] => format!("{status} Er {verb} {} en {last}.", init.join(", ")),
        }
    }
}
