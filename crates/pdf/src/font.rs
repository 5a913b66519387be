//! The embedded font: DejaVu Sans and DejaVu Sans Bold (fonts/, trimmed by
//! fonts/make.sh to the scripts of pupils' and parents' names), measured with
//! `ttf-parser` and embedded per document as a subset (`subsetter`) in a
//! Type0/CIDFontType2 font with Identity-H encoding and a ToUnicode CMap, so
//! every name prints as typed and text extraction gives it back exactly.
//!
//! Which characters the font has is also compiled into the core
//! (`aanvraagwijzer::printable`, generated from the same files by build.rs),
//! so `validate` warns about exactly the characters this font lacks.

use std::collections::BTreeMap;
use std::sync::OnceLock;

use pdf_writer::types::{CidFontType, FontFlags, SystemInfo, UnicodeCmap};
use pdf_writer::{Finish, Name, Pdf, Rect, Ref, Str};
use subsetter::GlyphRemapper;

use crate::text::Face;

/// The two faces compiled in (CLI, server, tests). The browser's package
/// module is built without them and is handed the same files at run time
/// ([`use_fonts`]): 162 KB brotli it would otherwise carry in its code.
#[cfg(feature = "embedded-fonts")]
fn embedded() -> Option<[&'static [u8]; 2]> {
    Some([
        include_bytes!("../fonts/DejaVuSans.ttf"),
        include_bytes!("../fonts/DejaVuSans-Bold.ttf"),
    ])
}

#[cfg(not(feature = "embedded-fonts"))]
fn embedded() -> Option<[&'static [u8]; 2]> {
    None
}

/// The PostScript names of the two faces, in [`Face`] order.
const BASES: [&str; 2] = ["DejaVuSans", "DejaVuSans-Bold"];

/// Characters every face must have (the letters of pupils' names that the
/// core calls printable), to tell a wrong file from the right one.
const MUST_HAVE: &str = "AZaz09ëéïüŞşŁłİıőÇ€";

/// Font files handed to [`use_fonts`] that are not DejaVu Sans as trimmed here.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FontError {
    /// The face: `DejaVuSans` or `DejaVuSans-Bold`.
    pub face: &'static str,
    /// What is wrong, in English for logs.
    pub problem: &'static str,
}

impl std::fmt::Display for FontError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "font {}: {}", self.face, self.problem)
    }
}

impl std::error::Error for FontError {}

/// One face of the embedded font, parsed once.
pub(crate) struct Font {
    data: &'static [u8],
    /// `None` only for the stand-in when no font was given (see [`font`]).
    face: Option<ttf_parser::Face<'static>>,
    base: &'static str,
    /// 1000 / units per em: font units to PDF glyph space.
    scale: f32,
}

impl Font {
    fn parse(data: &'static [u8], base: &'static str) -> Result<Font, FontError> {
        let problem = |problem| FontError {
            face: base,
            problem,
        };
        let face = ttf_parser::Face::parse(data, 0).map_err(|_| problem("not a TrueType font"))?;
        if MUST_HAVE.chars().any(|c| face.glyph_index(c).is_none()) {
            return Err(problem("lacks letters the core calls printable"));
        }
        let scale = 1000.0 / f32::from(face.units_per_em());
        Ok(Font {
            data,
            face: Some(face),
            base,
            scale,
        })
    }

    fn glyph(&self, c: char) -> u16 {
        self.face
            .as_ref()
            .and_then(|f| f.glyph_index(c))
            .map_or(0, |g| g.0)
    }

    /// The advance width of `c` in 1/1000 em (0 for a character the font lacks).
    pub(crate) fn advance(&self, c: char) -> f32 {
        self.face
            .as_ref()
            .and_then(|f| f.glyph_index(c).and_then(|g| f.glyph_hor_advance(g)))
            .map_or(0.0, |w| f32::from(w) * self.scale)
    }
}

static FONTS: OnceLock<[Font; 2]> = OnceLock::new();

/// Hands in the two faces (`fonts/DejaVuSans.ttf`, `fonts/DejaVuSans-Bold.ttf`)
/// where they are not compiled in. The first faces given stay; later calls
/// change nothing.
pub fn use_fonts(regular: Vec<u8>, bold: Vec<u8>) -> Result<(), FontError> {
    if FONTS.get().is_some() {
        return Ok(());
    }
    // Kept for the life of the module, like compiled-in bytes.
    let regular: &'static [u8] = Box::leak(regular.into_boxed_slice());
    let bold: &'static [u8] = Box::leak(bold.into_boxed_slice());
    let fonts = [
        Font::parse(regular, BASES[0])?,
        Font::parse(bold, BASES[1])?,
    ];
    let _ = FONTS.set(fonts);
    Ok(())
}

/// Whether a PDF can be rendered: the faces are compiled in or were given.
pub fn fonts_ready() -> bool {
    fonts().is_some()
}

fn fonts() -> Option<&'static [Font; 2]> {
    if let Some(fonts) = FONTS.get() {
        return Some(fonts);
    }
    let [regular, bold] = embedded()?;
    Some(FONTS.get_or_init(|| {
        // Compiled in and parsed by every test run: a broken file is a build
        // defect, not something a user can cause.
        [
            Font::parse(regular, BASES[0]).expect("the embedded regular face parses"),
            Font::parse(bold, BASES[1]).expect("the embedded bold face parses"),
        ]
    }))
}

/// The parsed face. Without fonts (a module not yet given them) a stand-in
/// without glyphs, so nothing here can fail; callers that make a PDF for
/// people check [`fonts_ready`] first.
pub(crate) fn font(face: Face) -> &'static Font {
    static ABSENT: Font = Font {
        data: &[],
        face: None,
        base: "DejaVuSans",
        scale: 1.0,
    };
    let index = match face {
        Face::Regular => 0,
        Face::Bold => 1,
    };
    fonts().map_or(&ABSENT, |fonts| &fonts[index])
}

/// The objects of one embedded face.
pub(crate) struct FontRefs {
    /// The Type0 font the pages refer to.
    pub type0: Ref,
    pub cid: Ref,
    pub descriptor: Ref,
    pub file: Ref,
    pub cmap: Ref,
}

/// The glyphs one document uses of one face. CIDs are the glyph ids of the
/// subset, given in order of first use, so the same document always gives
/// the same bytes.
pub(crate) struct Used {
    font: &'static Font,
    remapper: GlyphRemapper,
    unicode: BTreeMap<u16, char>,
}

impl Used {
    pub(crate) fn new(face: Face) -> Used {
        Used {
            font: font(face),
            remapper: GlyphRemapper::new(),
            unicode: BTreeMap::new(),
        }
    }

    /// `text` (already in visual order) as a string of two-byte CIDs.
    pub(crate) fn encode(&mut self, text: &str) -> Vec<u8> {
        let mut out = Vec::with_capacity(text.len() * 2);
        for c in text.chars() {
            let cid = self.remapper.remap(self.font.glyph(c));
            if cid != 0 {
                self.unicode.entry(cid).or_insert(c);
            }
            out.extend_from_slice(&cid.to_be_bytes());
        }
        out
    }

    /// Writes the subset font and its objects.
    pub(crate) fn write(&self, pdf: &mut Pdf, refs: &FontRefs) {
        let Some(face) = &self.font.face else {
            return;
        };
        let subset = subsetter::subset(self.font.data, 0, &self.remapper)
            .unwrap_or_else(|_| self.font.data.to_vec());
        let base = format!("{}+{}", tag(&self.remapper), self.font.base);
        let base = Name(base.as_bytes());
        let info = SystemInfo {
            registry: Str(b"Adobe"),
            ordering: Str(b"Identity"),
            supplement: 0,
        };

        pdf.type0_font(refs.type0)
            .base_font(base)
            .encoding_predefined(Name(b"Identity-H"))
            .descendant_font(refs.cid)
            .to_unicode(refs.cmap);

        let widths: Vec<f32> = self
            .remapper
            .remapped_gids()
            .map(|old| {
                face.glyph_hor_advance(ttf_parser::GlyphId(old))
                    .map_or(0.0, |w| f32::from(w) * self.font.scale)
            })
            .collect();
        let mut cid = pdf.cid_font(refs.cid);
        cid.subtype(CidFontType::Type2)
            .base_font(base)
            .system_info(info)
            .font_descriptor(refs.descriptor)
            .default_width(0.0)
            .cid_to_gid_map_predefined(Name(b"Identity"));
        cid.widths().consecutive(0, widths);
        cid.finish();

        let s = self.font.scale;
        let b = face.global_bounding_box();
        pdf.font_descriptor(refs.descriptor)
            .name(base)
            .flags(FontFlags::NON_SYMBOLIC)
            .bbox(Rect::new(
                f32::from(b.x_min) * s,
                f32::from(b.y_min) * s,
                f32::from(b.x_max) * s,
                f32::from(b.y_max) * s,
            ))
            .italic_angle(0.0)
            .ascent(f32::from(face.ascender()) * s)
            .descent(f32::from(face.descender()) * s)
            .cap_height(f32::from(face.capital_height().unwrap_or(face.ascender())) * s)
            .stem_v(if self.font.base.ends_with("Bold") {
                140.0
            } else {
                80.0
            })
            .font_file2(refs.file);

        let length = i32::try_from(subset.len()).unwrap_or(i32::MAX);
        pdf.stream(refs.file, &subset)
            .pair(Name(b"Length1"), length);

        let mut cmap = UnicodeCmap::new(Name(b"Custom"), info);
        for (&cid, &c) in &self.unicode {
            cmap.pair(cid, c);
        }
        pdf.cmap(refs.cmap, &cmap.finish());
    }
}

/// The six-letter subset tag PDF asks for, derived from the glyphs used so
/// that it is deterministic (FNV-1a).
fn tag(remapper: &GlyphRemapper) -> String {
    let mut h: u32 = 0x811c_9dc5;
    for g in remapper.remapped_gids() {
        for b in g.to_be_bytes() {
            h = (h ^ u32::from(b)).wrapping_mul(0x0100_0193);
        }
    }
    (0..6)
        .map(|i| char::from(b'A' + ((h >> (i * 5)) % 26) as u8))
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_faces_have_the_letters_of_names_from_many_countries() {
        for face in [Face::Regular, Face::Bold] {
            let f = font(face);
            for c in "ĞğŞşİıŁłźÓóΑαΩωЖжЯяאבשאלוםعليمحمدễịđĐ€".chars()
            {
                assert_ne!(f.glyph(c), 0, "{c} in {face:?}");
            }
        }
    }

    #[test]
    fn cids_follow_first_use_and_map_back_to_unicode() {
        let mut used = Used::new(Face::Regular);
        let a = used.encode("Łódź");
        let b = used.encode("ź");
        assert_eq!(a.len(), 8);
        assert_eq!(b, a[6..8]);
        assert_eq!(used.unicode.values().collect::<String>(), "Łódź");
    }

    #[test]
    fn a_file_that_is_not_the_font_is_refused() {
        let junk: &'static [u8] = b"<html>Niet gevonden</html>";
        assert_eq!(
            Font::parse(junk, "DejaVuSans").err(),
            Some(FontError {
                face: "DejaVuSans",
                problem: "not a TrueType font"
            })
        );
    }

    #[test]
    fn the_given_faces_are_used_as_the_compiled_in_ones() {
        let regular = include_bytes!("../fonts/DejaVuSans.ttf").to_vec();
        let bold = include_bytes!("../fonts/DejaVuSans-Bold.ttf").to_vec();
        assert_eq!(use_fonts(regular, bold), Ok(()));
        assert!(fonts_ready());
        // "Ş" has a width in both faces: names print.
        assert!(font(Face::Regular).advance('Ş') > 0.0);
        assert!(font(Face::Bold).advance('Ş') > font(Face::Regular).advance('Ş') * 0.9);
    }
}
