//! Form definitions: what an SWV publishes as a TOML file under `forms/`.
//!
//! This module is compiled twice: into the core library, and into `build.rs`
//! (via `#[path]`), so the build checks forms with exactly the types the runtime
//! uses. It may therefore only depend on serde, rust_decimal, chrono, thiserror
//! and std.

pub mod check;
pub mod condition;
pub mod date;
pub mod expr;

use std::collections::BTreeMap;

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

pub use condition::Condition;
pub use expr::{CmpOp, Expr};

/// One form of one SWV, e.g. `rsv-breda-vo/tlv-vso`.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Form {
    /// Stable id: `<swv>/<form>`; the folder under `forms/` is the SWV part.
    pub id: String,
    /// Version of the form and its criteria, e.g. the date on the SWV's template.
    pub version: String,
    /// Human name of the SWV, as users know it ("RSV Breda VO").
    pub swv_name: String,
    /// Title shown on top of the form page and the PDF.
    pub title: String,
    /// What is asked for, so a school finds the form ("Wat wilt u aanvragen?").
    pub kind: RequestKind,
    /// One or two plain sentences: what the form is for; shown in the list of
    /// forms before the longer `intro`.
    pub description: String,
    /// How and where the school hands the request in, in the SWV's own words
    /// where its document says so; shown on the form page and after the download.
    #[serde(default)]
    pub submission: Option<Submission>,
    /// Plain-language introduction: what the form is for and what to have at hand.
    #[serde(default)]
    pub intro: Option<String>,
    /// Source passage that fields and rules fall back to when they name none.
    #[serde(default)]
    pub source: Option<String>,
    /// Passages from the SWV's own documents that rules cite, by key.
    pub sources: BTreeMap<String, Source>,
    /// The form's sections, in order.
    pub sections: Vec<Section>,
    /// Rules across fields (beyond "required" and the field types' own checks).
    #[serde(default)]
    pub rules: Vec<Rule>,
    /// Computed lines shown as a budget summary (hours, money), in order.
    #[serde(default)]
    pub summary: Vec<SummaryItem>,
    /// Named values that rules and summary lines share, read with
    /// `{ value = "<name>" }`, so a computation is written (and checked) once.
    #[serde(default)]
    pub values: BTreeMap<String, Expr>,
    /// Named conditions that rules and summary lines share, read with
    /// `{ condition = "<name>" }` ("past bij pro").
    #[serde(default)]
    pub conditions: BTreeMap<String, Condition>,
    /// Where the form definition itself deviates from or chooses within its
    /// source (e.g. a seed that contradicts itself); shown to users.
    #[serde(default)]
    pub notes: Vec<String>,
}

/// What a form asks for; the start page's "Wat wilt u aanvragen?".
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash)]
#[serde(rename_all = "snake_case")]
pub enum RequestKind {
    /// A toelaatbaarheidsverklaring: admission to SO, SBO or VSO.
    Toelating,
    /// Extra support for one pupil: an arrangement, an OPP, a placement
    /// at a specific school while the pupil stays in regular education.
    Arrangement,
    /// A groepsarrangement for a group of pupils.
    Groepsarrangement,
    /// Leerwegondersteunend onderwijs or praktijkonderwijs.
    LwooPro,
    /// Extending an arrangement, or evaluating one on the way.
    Verlenging,
    /// Accounting for what a granted arrangement was spent on.
    Verantwoording,
}

impl RequestKind {
    /// Every kind, in the order the start page offers them.
    pub const ALL: [RequestKind; 6] = [
        RequestKind::Toelating,
        RequestKind::Arrangement,
        RequestKind::Groepsarrangement,
        RequestKind::LwooPro,
        RequestKind::Verlenging,
        RequestKind::Verantwoording,
    ];

    /// The answer to "Wat wilt u aanvragen?", in plain Dutch.
    pub fn label(self) -> &'static str {
        match self {
            RequestKind::Toelating => "Toelating tot speciaal (basis)onderwijs: SO, SBO of VSO",
            RequestKind::Arrangement => {
                "Extra ondersteuning voor één leerling: een arrangement of OPP"
            }
            RequestKind::Groepsarrangement => "Een groepsarrangement",
            RequestKind::LwooPro => {
                "Leerwegondersteunend onderwijs (LWOO) of praktijkonderwijs (PRO)"
            }
            RequestKind::Verlenging => "Een verlenging of een tussentijdse evaluatie",
            RequestKind::Verantwoording => "Een verantwoording achteraf",
        }
    }

    /// The stable value in URLs and stored choices (`arrangement`).
    pub fn value(self) -> &'static str {
        match self {
            RequestKind::Toelating => "toelating",
            RequestKind::Arrangement => "arrangement",
            RequestKind::Groepsarrangement => "groepsarrangement",
            RequestKind::LwooPro => "lwoo_pro",
            RequestKind::Verlenging => "verlenging",
            RequestKind::Verantwoording => "verantwoording",
        }
    }

    /// The kind with this [`RequestKind::value`].
    pub fn from_value(value: &str) -> Option<RequestKind> {
        RequestKind::ALL.into_iter().find(|k| k.value() == value)
    }
}

/// How a request reaches the SWV.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Submission {
    /// One or two sentences for the school: where the finished request goes
    /// ("Dien de aanvraag in via Tommy, het online portaal van RSV Breda PO.").
    pub text: String,
    /// The passage that says so; without one the text stays neutral.
    #[serde(default)]
    pub source: Option<String>,
}

/// One computed line of the budget summary, e.g. "Totaal bedrag": a number
/// (`value`) or a text chosen by the answers (`texts`); exactly one of both.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SummaryItem {
    pub label: String,
    /// What to compute; a number.
    #[serde(default)]
    pub value: Option<Expr>,
    /// Texts to choose from: the line shows the first whose `when` holds
    /// ("Past bij: pro"); none holding leaves the line empty.
    #[serde(default)]
    pub texts: Vec<SummaryText>,
    /// How to show the number.
    #[serde(default)]
    pub unit: Unit,
    /// Explanation under the line ("75% bij toekenning, 25% na verantwoording").
    #[serde(default)]
    pub hint: Option<String>,
}

/// One possible text of a summary line.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct SummaryText {
    /// The text is shown when this holds (always, when absent).
    #[serde(default)]
    pub when: Option<Condition>,
    pub text: String,
}

/// How a summary number is shown.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, Default)]
#[serde(rename_all = "snake_case")]
pub enum Unit {
    #[default]
    Getal,
    Uur,
    Euro,
    Procent,
    Maanden,
    Jaar,
}

/// A passage of an SWV's document that a rule comes from.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Source {
    /// File name of the source document (as in `shared/seeds/`), or its title.
    pub document: String,
    /// Section, chapter or appendix in that document.
    pub section: String,
    /// The passage itself, quoted, so users can read why ("Waarom?").
    pub quote: String,
}

/// A titled group of fields.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub hint: Option<String>,
    /// Default source for the section's fields.
    #[serde(default)]
    pub source: Option<String>,
    /// The section applies only when this holds.
    #[serde(default)]
    pub when: Option<Condition>,
    pub fields: Vec<Field>,
}

/// One question.
///
/// No `deny_unknown_fields` here (serde cannot combine it with `flatten`); the
/// flattened [`FieldKind`] denies unknown keys instead, so typos still fail.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
pub struct Field {
    /// Unique within the form (list items: unique within the list).
    pub id: String,
    pub label: String,
    #[serde(default)]
    pub hint: Option<String>,
    #[serde(flatten)]
    pub kind: FieldKind,
    /// Empty is a blocking error ("fout").
    #[serde(default)]
    pub required: bool,
    /// Empty is a warning ("waarschuwing"): a guideline, not a block.
    #[serde(default)]
    pub recommended: bool,
    /// The field applies only when this holds; otherwise it is hidden, and an
    /// answer it still has counts nowhere (no finding, not in the package).
    #[serde(default)]
    pub when: Option<Condition>,
    /// Source of the requirement; falls back to the section's, then the form's.
    #[serde(default)]
    pub source: Option<String>,
    /// Message when a required/recommended field is empty (default is generic).
    #[serde(default)]
    pub missing_message: Option<String>,
}

/// The type of a field, with its own built-in checks.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case", deny_unknown_fields)]
pub enum FieldKind {
    /// One line of text.
    Text {
        #[serde(default)]
        max_length: Option<usize>,
    },
    /// Several lines of text. `min_words` is a guideline: fewer gives a warning.
    LongText {
        #[serde(default)]
        max_length: Option<usize>,
        #[serde(default)]
        min_words: Option<usize>,
    },
    /// A date typed as dd-mm-jjjj.
    Date {
        /// A date after today is an error (birth dates, signatures).
        #[serde(default)]
        not_in_future: bool,
    },
    /// One option out of a list.
    Choice { options: Vec<ChoiceOption> },
    /// Any number of options out of a list.
    MultiChoice { options: Vec<ChoiceOption> },
    /// "ja" or "nee".
    YesNo,
    /// Burgerservicenummer, or the DUO onderwijsnummer for pupils without one.
    Bsn,
    /// Dutch postcode, "1234 AB".
    Postcode,
    /// BRIN number with vestiging, "12AB00".
    Brin,
    /// A number, with optional bounds (inclusive) and unit ("uur per week").
    Number {
        #[serde(default)]
        min: Option<Decimal>,
        #[serde(default)]
        max: Option<Decimal>,
        #[serde(default)]
        unit: Option<String>,
        /// Whole numbers only.
        #[serde(default)]
        integer: bool,
    },
    /// An amount in euro, two decimals at most.
    Money {
        #[serde(default)]
        max: Option<Decimal>,
    },
    /// A person: name and function.
    Person,
    /// A signatory: name, function (for parents: the relation to the pupil)
    /// and the date of signing.
    Signature {
        /// Who signs, as the SWV's document says.
        signer: Signer,
        /// What the signature means, where the document says so ("voor
        /// akkoord", "voor gezien"); parents only.
        #[serde(default)]
        signs_for: Option<SignsFor>,
    },
    /// A reference to a document that goes with the request.
    Attachment {
        /// Statements the user must tick, e.g. "Het groeidocument is ondertekend".
        #[serde(default)]
        confirmations: Vec<String>,
    },
    /// A repeated group (goals, pupils, experts).
    List {
        fields: Vec<Field>,
        #[serde(default)]
        min_items: Option<usize>,
        #[serde(default)]
        max_items: Option<usize>,
        /// Name of one item, e.g. "doel" (for "Voeg een doel toe").
        item_label: String,
    },
}

/// An option of a choice field.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    /// Stored value.
    pub value: String,
    /// Shown text.
    pub label: String,
}

/// How serious a finding is.
#[derive(
    Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq, PartialOrd, Ord, Hash, Default,
)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    /// Blocks the request: the SWV will not take it in.
    #[default]
    Fout,
    /// A guideline not met: allowed, but argue it.
    Waarschuwing,
    /// A suggestion.
    Tip,
}

/// A check across fields, with its own message and source.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(deny_unknown_fields)]
pub struct Rule {
    /// Stable id, used as the finding code `rule:<id>`.
    pub id: String,
    #[serde(default)]
    pub severity: Severity,
    /// The rule applies only when this holds.
    #[serde(default)]
    pub when: Option<Condition>,
    /// Dutch, plain language, says what to do.
    pub message: String,
    /// Key into the form's `sources`.
    pub source: String,
    /// The field the finding points at (its JSON Pointer becomes the path).
    pub field: String,
    /// What must hold.
    pub check: Check,
}

/// What a rule checks. Each variant reads as a sentence in the form file.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case", deny_unknown_fields)]
pub enum Check {
    /// The text at `field` contains at least one of these words (case-insensitive).
    ContainsAny(Vec<String>),
    /// `left op right` holds; when an operand is empty the rule is skipped
    /// (emptiness is the "required" check's business).
    Compare { left: Expr, op: CmpOp, right: Expr },
    /// The condition holds.
    Holds(Condition),
}

impl Check {
    /// Every field path the check reads (for `contains_any`: none beyond the
    /// rule's own field).
    pub fn field_paths(&self) -> Vec<&str> {
        match self {
            Check::ContainsAny(_) => Vec::new(),
            Check::Compare { left, right, .. } => {
                let mut out = left.field_paths();
                out.extend(right.field_paths());
                out
            }
            Check::Holds(cond) => cond.field_paths(),
        }
    }
}

impl Form {
    /// Where the finished request goes: the form's own words, or a neutral
    /// sentence where the SWV's document does not say.
    pub fn submission_text(&self) -> String {
        match &self.submission {
            Some(s) => s.text.clone(),
            None => format!(
                "Stuur de aanvraag naar {} zoals het samenwerkingsverband dat met uw school heeft afgesproken.",
                self.swv_name
            ),
        }
    }

    /// The SWV part of the id (`rsv-breda-vo` of `rsv-breda-vo/tlv-vso`).
    pub fn swv(&self) -> &str {
        self.id.split('/').next().unwrap_or(&self.id)
    }

    /// All fields at top level of all sections, in order.
    pub fn fields(&self) -> impl Iterator<Item = &Field> {
        self.sections.iter().flat_map(|s| s.fields.iter())
    }

    /// Finds a field by dotted path: `bsn`, `deskundige_1.functie` (a part of a
    /// composite), `doelen.omschrijving` (a field inside a list).
    pub fn lookup(&self, path: &str) -> Option<FieldRef<'_>> {
        let mut parts = path.split('.');
        let first = parts.next()?;
        let mut field = self.fields().find(|f| f.id == first)?;
        let mut in_list = false;
        for part in parts {
            match &field.kind {
                FieldKind::List { fields, .. } => {
                    field = fields.iter().find(|f| f.id == part)?;
                    in_list = true;
                }
                kind => {
                    if kind.parts().contains(&part) {
                        return Some(FieldRef {
                            field,
                            part: Some(part.to_owned()),
                            in_list,
                        });
                    }
                    return None;
                }
            }
        }
        Some(FieldRef {
            field,
            part: None,
            in_list,
        })
    }
}

/// Who signs a signature field. Decides the title of the signature block,
/// what the second part asks (a parent gives the relation to the pupil, not a
/// function) and how messages name the signature.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum Signer {
    /// Someone on behalf of the school, where the document names no bevoegd gezag.
    School,
    /// On behalf of the bevoegd gezag (the school board).
    BevoegdGezag,
    /// An expert: orthopedagoog, psycholoog, ondersteuningscoördinator.
    Deskundige,
    /// The ambulant begeleider of the SWV.
    AmbulantBegeleider,
    /// A parent or carer of the pupil.
    Ouders,
}

/// What a signature means, in the document's own words.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
#[serde(rename_all = "snake_case")]
pub enum SignsFor {
    /// "voor gezien": has seen it.
    Gezien,
    /// "voor akkoord": agrees.
    Akkoord,
    /// "voor overeenstemming": agrees (RSV Breda PO's word for the handelingsdeel).
    Overeenstemming,
}

impl SignsFor {
    /// "voor gezien", "voor akkoord".
    pub fn nl(self) -> &'static str {
        match self {
            SignsFor::Gezien => "voor gezien",
            SignsFor::Akkoord => "voor akkoord",
            SignsFor::Overeenstemming => "voor overeenstemming",
        }
    }
}

impl Signer {
    /// Title of a signature block: "Namens het bevoegd gezag", "Ouder of verzorger".
    pub fn title_nl(self) -> &'static str {
        match self {
            Signer::School => "Namens de school",
            Signer::BevoegdGezag => "Namens het bevoegd gezag",
            Signer::Deskundige => "Deskundige",
            Signer::AmbulantBegeleider => "Ambulant begeleider",
            Signer::Ouders => "Ouder of verzorger",
        }
    }

    /// The signer in a sentence: "de ouder of verzorger".
    pub fn name_nl(self) -> &'static str {
        match self {
            Signer::School => "de school",
            Signer::BevoegdGezag => "het bevoegd gezag",
            Signer::Deskundige => "de deskundige",
            Signer::AmbulantBegeleider => "de ambulant begeleider",
            Signer::Ouders => "de ouder of verzorger",
        }
    }

    /// The second part in a sentence: "de functie", "de relatie tot de leerling".
    pub fn role_phrase_nl(self) -> &'static str {
        match self {
            Signer::Ouders => "de relatie tot de leerling",
            _ => "de functie",
        }
    }

    /// Label and hint of the second part (`functie`): a parent gives the
    /// relation to the pupil, everyone else a function.
    pub fn role_nl(self) -> (&'static str, &'static str) {
        match self {
            Signer::Ouders => (
                "Relatie tot de leerling",
                "Bijvoorbeeld: moeder, vader, voogd of verzorger.",
            ),
            Signer::Deskundige => ("Functie", "Bijvoorbeeld: orthopedagoog of psycholoog."),
            Signer::AmbulantBegeleider => ("Functie", "Bijvoorbeeld: ambulant begeleider."),
            Signer::School | Signer::BevoegdGezag => {
                ("Functie", "Bijvoorbeeld: directeur of intern begeleider.")
            }
        }
    }
}

impl Field {
    /// The signer of a signature field; `None` for other fields.
    pub fn signer(&self) -> Option<(Signer, Option<SignsFor>)> {
        match &self.kind {
            FieldKind::Signature { signer, signs_for } => Some((*signer, *signs_for)),
            _ => None,
        }
    }

    /// How messages name this field: a signature by its signer ("deskundige 1",
    /// "de ouder of verzorger (voor akkoord)"), anything else by its label in quotes.
    pub fn subject_nl(&self) -> String {
        match self.signer() {
            Some((Signer::Ouders, Some(f))) => {
                format!("de handtekening van de ouder of verzorger ({})", f.nl())
            }
            Some((Signer::Deskundige, _))
                if self.label.to_lowercase().starts_with("deskundige") =>
            {
                format!("de handtekening van {}", self.label.to_lowercase())
            }
            Some((s, _)) => format!("de handtekening van {}", s.name_nl()),
            None => format!("\"{}\"", self.label),
        }
    }
}

/// A resolved reference to a field (or a named part of a composite field).
#[derive(Debug, Clone, PartialEq)]
pub struct FieldRef<'a> {
    pub field: &'a Field,
    /// `naam`, `functie`, `datum`, `bestandsnaam`… of a composite field.
    pub part: Option<String>,
    /// The field sits inside a list (its values are per item).
    pub in_list: bool,
}

impl FieldKind {
    /// The named parts of a composite value; empty for plain values.
    pub fn parts(&self) -> &'static [&'static str] {
        match self {
            FieldKind::Person => &["naam", "functie"],
            FieldKind::Signature { .. } => &["naam", "functie", "datum"],
            FieldKind::Attachment { .. } => &["bestandsnaam", "omschrijving"],
            _ => &[],
        }
    }

    /// The options of a (multi) choice field.
    pub fn options(&self) -> Option<&[ChoiceOption]> {
        match self {
            FieldKind::Choice { options } | FieldKind::MultiChoice { options } => Some(options),
            _ => None,
        }
    }
}
