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
mod read;

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
    /// Who signs what, in the SWV's own words where its document says so
    /// (same shape as `submission`); shown on the form page, at the end and
    /// in the PDF. Absent where the document is silent: nothing is invented.
    #[serde(default)]
    pub signing: Option<Submission>,
    /// Plain-language introduction: what the form is for and what to have at hand.
    #[serde(default)]
    pub intro: Option<String>,
    /// Source passage that fields and rules fall back to when they name none.
    #[serde(default)]
    pub source: Option<String>,
    /// Passages from the SWV's own documents that rules cite, by key.
    pub sources: BTreeMap<String, Source>,
    /// The title people know each cited document by ("Ondersteuningsplan RSV
    /// Breda VO 2015-2018"), keyed by the file name in `Source::document`. Users
    /// see the title; the file name stays for traceability. Every cited
    /// document needs one (checked at build).
    #[serde(default)]
    pub documents: BTreeMap<String, String>,
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
    /// source (e.g. a seed that contradicts itself); shown to users. A note
    /// with a `when` is about one choice (a Berséba category): the PDF prints
    /// it only when that choice was made.
    #[serde(default)]
    pub notes: Vec<Note>,
}

/// One of a form's notes: a plain text, or a text with the condition under
/// which it applies (`{ text = "…", when = { field = "soort", equals = "4" } }`).
///
/// Read by `read.rs` (one pass, no buffering), written untagged.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(untagged)]
pub enum Note {
    /// A note about the whole form.
    Always(String),
    /// A note about one choice in the form.
    When {
        /// The note.
        text: String,
        /// When it applies, read like a field's `when`.
        when: Condition,
    },
}

impl Note {
    /// The note's text.
    pub fn text(&self) -> &str {
        match self {
            Note::Always(text) | Note::When { text, .. } => text,
        }
    }

    /// The condition under which the note applies; `None`: always.
    pub fn when(&self) -> Option<&Condition> {
        match self {
            Note::Always(_) => None,
            Note::When { when, .. } => Some(when),
        }
    }
}

/// So `form.notes.join(" ")` reads all notes as one text.
impl std::borrow::Borrow<str> for Note {
    fn borrow(&self) -> &str {
        self.text()
    }
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
/// Read by `read.rs` in one pass: any key that is neither a field's nor its
/// `type`'s own is refused, so typos fail. Written with the kind flattened.
#[derive(Debug, Clone, Serialize, PartialEq)]
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
///
/// Written tagged by `type` inside its field; read with the field (`read.rs`).
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(tag = "type", rename_all = "snake_case")]
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
    /// A document that goes with the request: the user chooses the file at
    /// this field (it stays on the computer until the package is made); the
    /// answer is the file's name as chosen (`bestandsnaam`, never typed), its
    /// size in bytes (`grootte`), an optional description and the ticked
    /// confirmations. The package holds exactly the files these answers name.
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
    /// Shown text: the option itself, short.
    pub label: String,
    /// Examples or explanation shown under the option ("rekenen, lezen,
    /// spelling"), so the label stays the choice and not a sentence.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub hint: Option<String>,
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

impl Field {
    /// The source that applies to this field: its own, else `inherited`
    /// (the source of the list it is in, else its section's, else the
    /// form's). The one rule for both the build check and the findings.
    pub fn source_or<'a>(&'a self, inherited: Option<&'a str>) -> Option<&'a str> {
        self.source.as_deref().or(inherited)
    }
}

impl Section {
    /// The source the section's fields fall back to: its own, else the form's.
    pub fn source_or<'a>(&'a self, form: &'a Form) -> Option<&'a str> {
        self.source.as_deref().or(form.source.as_deref())
    }
}

impl Form {
    /// The title of a cited document, or its file name when the form gives none
    /// (a form that passed `check_form` always gives one).
    pub fn document_title<'a>(&'a self, document: &'a str) -> &'a str {
        self.documents
            .get(document)
            .map_or(document, String::as_str)
    }

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
                    let part = kind.parts().iter().find(|p| p.key() == part)?;
                    return Some(FieldRef {
                        field,
                        part: Some(*part),
                        in_list,
                    });
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
    /// The label and hint of one part of this field's answer. A signature's
    /// second part follows its signer: a parent gives the relation to the
    /// pupil, not a function. The site, the PDF and the schema all ask this.
    pub fn part_label(&self, part: Part) -> (&'static str, Option<&'static str>) {
        match (self.signer(), part) {
            (Some((signer, _)), Part::Functie) => {
                let (label, hint) = signer.role_nl();
                (label, Some(hint))
            }
            _ => (part.label(), part.hint()),
        }
    }

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
    /// The part of a composite field (`deskundige_1.functie`), if the path names one.
    pub part: Option<Part>,
    /// The field sits inside a list (its values are per item).
    pub in_list: bool,
}

impl FieldRef<'_> {
    /// Whether the value at this reference is a date: a date field, or the
    /// date of a signature.
    pub fn is_date(&self) -> bool {
        matches!(
            (&self.field.kind, self.part),
            (FieldKind::Date { .. }, None) | (_, Some(Part::Datum))
        )
    }
}

/// A named part of a composite answer (person, signature, attachment): the
/// key under which it is stored, and how it is asked for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Part {
    /// The person's name.
    Naam,
    /// The person's function (role).
    Functie,
    /// The date of signing.
    Datum,
    /// The file name of an attachment, as chosen (never typed).
    Bestandsnaam,
    /// A free description of an attachment.
    Omschrijving,
}

/// The key under which an attachment's ticked confirmations are stored: an
/// array of booleans, one per confirmation, in the form's order.
pub const CONFIRMATIONS_KEY: &str = "bevestigingen";

/// The key under which an attachment's size in bytes is stored (a number),
/// written when the file is chosen; the package and the PDF show it.
pub const SIZE_KEY: &str = "grootte";

impl Part {
    /// Every part, in the order forms show them.
    pub const ALL: [Part; 5] = [
        Part::Naam,
        Part::Functie,
        Part::Datum,
        Part::Bestandsnaam,
        Part::Omschrijving,
    ];

    /// The key in the answer object: `naam`, `functie`…
    pub fn key(self) -> &'static str {
        match self {
            Part::Naam => "naam",
            Part::Functie => "functie",
            Part::Datum => "datum",
            Part::Bestandsnaam => "bestandsnaam",
            Part::Omschrijving => "omschrijving",
        }
    }

    /// The part stored under `key`.
    pub fn from_key(key: &str) -> Option<Part> {
        Part::ALL.into_iter().find(|p| p.key() == key)
    }

    /// The label of its input, in plain Dutch.
    pub fn label(self) -> &'static str {
        match self {
            Part::Naam => "Naam",
            Part::Functie => "Functie",
            Part::Datum => "Datum van ondertekening",
            Part::Bestandsnaam => "Bestand",
            Part::Omschrijving => "Omschrijving (niet verplicht)",
        }
    }

    /// The hint under its input.
    pub fn hint(self) -> Option<&'static str> {
        match self {
            Part::Naam | Part::Omschrijving => None,
            Part::Functie => Some("Bijvoorbeeld: directeur, orthopedagoog."),
            Part::Datum => Some("Typ de datum als dd-mm-jjjj, bijvoorbeeld 14-03-2026."),
            Part::Bestandsnaam => Some("Kies het bestand op uw computer. Het blijft op uw computer tot u het pakket maakt."),
        }
    }

    /// The part in a sentence ("Vul de naam in …").
    pub fn in_sentence(self) -> &'static str {
        match self {
            Part::Naam => "de naam",
            Part::Functie => "de functie",
            Part::Datum => "de datum",
            Part::Bestandsnaam => "het bestand",
            Part::Omschrijving => "de omschrijving",
        }
    }

    /// Whether the part holds a date (typed as dd-mm-jjjj).
    pub fn is_date(self) -> bool {
        self == Part::Datum
    }
}

impl std::fmt::Display for Part {
    /// The key, so a part can be a path segment.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

/// The value of "ja" of a yes/no field.
pub const YES: &str = "ja";
/// The value of "nee" of a yes/no field.
pub const NO: &str = "nee";

impl FieldKind {
    /// The named parts of a composite value; empty for plain values.
    pub fn parts(&self) -> &'static [Part] {
        match self {
            FieldKind::Person => &[Part::Naam, Part::Functie],
            FieldKind::Signature { .. } => &[Part::Naam, Part::Functie, Part::Datum],
            FieldKind::Attachment { .. } => &[Part::Bestandsnaam, Part::Omschrijving],
            _ => &[],
        }
    }

    /// The parts that must be there once any part is given (a name without
    /// a function cannot be judged; an attachment needs its chosen file).
    pub fn needed_parts(&self) -> &'static [Part] {
        match self {
            FieldKind::Person | FieldKind::Signature { .. } => &[Part::Naam, Part::Functie],
            FieldKind::Attachment { .. } => &[Part::Bestandsnaam],
            _ => &[],
        }
    }

    /// The options of a choice, multi-choice or yes/no field ("ja"/"nee").
    pub fn options(&self) -> Option<&[ChoiceOption]> {
        static YES_NO: std::sync::LazyLock<[ChoiceOption; 2]> = std::sync::LazyLock::new(|| {
            [(YES, "Ja"), (NO, "Nee")].map(|(value, label)| ChoiceOption {
                value: value.to_owned(),
                label: label.to_owned(),
                hint: None,
            })
        });
        match self {
            FieldKind::Choice { options } | FieldKind::MultiChoice { options } => Some(options),
            FieldKind::YesNo => Some(YES_NO.as_slice()),
            _ => None,
        }
    }
}
