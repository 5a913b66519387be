//! The PDF file itself: header, footer and CONCEPT marking around each page's
//! laid-out content, fonts, metadata and content streams.

use chrono::{Datelike, NaiveDateTime, Timelike};
use pdf_writer::{Content, Date, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use aanvraagwijzer::{Form, Verdict};

use crate::font::{FontRefs, Used};
use crate::layout::{
    fit, Color, Op, BOTTOM, CONTENT_W, GRAY, LIGHT, MARGIN_X, PAGE_H, PAGE_W, RED,
};
use crate::text::{encode, measure, Face};
use crate::{date_time_nl, Options};

/// Header, footer and CONCEPT marking around each page's content, then the PDF.
pub(crate) fn write_pdf(
    form: &Form,
    verdict: &Verdict,
    made: NaiveDateTime,
    options: &Options,
    pupil: Option<&str>,
    pages: Vec<Vec<Op>>,
) -> Vec<u8> {
    let total = pages.len();
    let catalog_id = Ref::new(1);
    let tree_id = Ref::new(2);
    let regular_id = Ref::new(3);
    let bold_id = Ref::new(4);
    let info_id = Ref::new(5);
    let first_page = 6;
    let page_ids: Vec<Ref> = (0..total)
        .map(|i| Ref::new(first_page + 2 * i as i32))
        .collect();

    let mut pdf = Pdf::new();
    pdf.set_version(1, 7);
    pdf.catalog(catalog_id)
        .pages(tree_id)
        .lang(TextStr("nl-NL"));
    pdf.pages(tree_id)
        .kids(page_ids.iter().copied())
        .count(total as i32);
    {
        let mut info = pdf.document_info(info_id);
        info.title(TextStr(&match pupil {
            Some(p) => format!("Samenvatting: {} voor {p}", form.title),
            None => format!("Samenvatting: {}", form.title),
        }));
        info.author(TextStr(&form.swv_name));
        info.creator(TextStr("Aanvraagwijzer"));
        info.producer(TextStr("Aanvraagwijzer (pdf-writer)"));
        info.creation_date(
            Date::new(made.year().clamp(0, 9999) as u16)
                .month(made.month() as u8)
                .day(made.day() as u8)
                .hour(made.hour() as u8)
                .minute(made.minute() as u8)
                .second(made.second() as u8),
        );
        if let Some(tie) = &options.tie {
            info.keywords(TextStr(tie));
        }
    }

    // Pages get separated (printed, scanned, signed): each one says whose
    // request it is and which form.
    let header = encode(&match pupil {
        Some(p) => format!("{p} – {} – {}", form.title, form.swv_name),
        None => format!("{} – {}", form.swv_name, form.title),
    });
    // Pupil and form matter most on a loose page; the SWV goes first when
    // the line is too long (a CONCEPT page has less room).
    let header_short = encode(&match pupil {
        Some(p) => format!("{p} – {}", form.title),
        None => form.title.clone(),
    });
    let footer = encode(&format!("Gemaakt op {}", date_time_nl(made)));
    // Text becomes glyph ids of each face's subset as the pages are written;
    // the subsets are written last, when every glyph is known.
    let mut used = [Used::new(Face::Regular), Used::new(Face::Bold)];
    for (i, ops) in pages.into_iter().enumerate() {
        let mut all = Vec::new();
        if !verdict.valid {
            all.push(Op::Diagonal {
                x: 150.0,
                y: 250.0,
                size: 110.0,
                color: Color(0.93, 0.93, 0.93),
                text: "CONCEPT".to_owned(),
            });
        }
        let top = PAGE_H - 40.0;
        all.push(Op::Text {
            x: MARGIN_X,
            y: top,
            face: Face::Regular,
            size: 8.5,
            color: GRAY,
            text: header_line(&header, &header_short, CONTENT_W),
        });
        all.push(Op::Line {
            x1: MARGIN_X,
            y1: top - 5.0,
            x2: MARGIN_X + CONTENT_W,
            y2: top - 5.0,
            width: 0.5,
            color: LIGHT,
        });
        all.extend(ops);
        let bottom = BOTTOM - 30.0;
        let page_no = encode(&format!("pagina {} van {}", i + 1, total));
        let page_w = measure(&page_no, Face::Regular, 8.5);
        all.push(Op::Line {
            x1: MARGIN_X,
            y1: bottom + 11.0,
            x2: MARGIN_X + CONTENT_W,
            y2: bottom + 11.0,
            width: 0.5,
            color: LIGHT,
        });
        all.push(Op::Text {
            x: MARGIN_X,
            y: bottom,
            face: Face::Regular,
            size: 8.5,
            color: GRAY,
            text: fit(&footer, Face::Regular, 8.5, CONTENT_W - page_w - 12.0),
        });
        all.push(Op::Text {
            x: MARGIN_X + CONTENT_W - page_w,
            y: bottom,
            face: Face::Regular,
            size: 8.5,
            color: GRAY,
            text: page_no,
        });
        // An incomplete request says so on every page, beside the page
        // number, so the header keeps its room for pupil and form.
        if !verdict.valid {
            let concept = encode("CONCEPT – niet compleet");
            let concept_w = measure(&concept, Face::Bold, 8.5);
            all.push(Op::Text {
                x: MARGIN_X + CONTENT_W - page_w - concept_w - 12.0,
                y: bottom,
                face: Face::Bold,
                size: 8.5,
                color: RED,
                text: concept,
            });
        }

        let content_id = Ref::new(page_ids[i].get() + 1);
        let data = content(&all, &mut used);
        let mut page = pdf.page(page_ids[i]);
        page.parent(tree_id)
            .media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H))
            .contents(content_id);
        page.resources()
            .fonts()
            .pair(Name(b"F1"), regular_id)
            .pair(Name(b"F2"), bold_id);
        page.finish();
        pdf.stream(content_id, &data);
    }
    let mut next = first_page + 2 * total as i32;
    for (type0, used) in [regular_id, bold_id].into_iter().zip(&used) {
        let mut id = || {
            next += 1;
            Ref::new(next - 1)
        };
        let refs = FontRefs {
            type0,
            cid: id(),
            descriptor: id(),
            file: id(),
            cmap: id(),
        };
        used.write(&mut pdf, &refs);
    }
    pdf.finish()
}

/// `text` in visual order: right-to-left runs (Hebrew, Arabic) reversed by
/// the Unicode bidirectional algorithm, the line itself left-to-right.
fn visual(text: &str) -> std::borrow::Cow<'_, str> {
    use unicode_bidi::{BidiInfo, Level};
    if !text
        .chars()
        .any(aanvraagwijzer::printable::is_right_to_left)
    {
        return std::borrow::Cow::Borrowed(text);
    }
    let info = BidiInfo::new(text, Some(Level::ltr()));
    match info.paragraphs.first() {
        Some(para) => {
            std::borrow::Cow::Owned(info.reorder_line(para, para.range.clone()).into_owned())
        }
        None => std::borrow::Cow::Borrowed(text),
    }
}

fn content(ops: &[Op], used: &mut [Used; 2]) -> Vec<u8> {
    let mut c = Content::new();
    for op in ops {
        match op {
            Op::Text {
                x,
                y,
                face,
                size,
                color,
                text,
            } => {
                let glyphs = used[*face as usize].encode(&visual(text));
                c.set_fill_rgb(color.0, color.1, color.2);
                c.begin_text();
                c.set_font(font_name(*face), *size);
                c.next_line(*x, *y);
                c.show(Str(&glyphs));
                c.end_text();
            }
            Op::Diagonal {
                x,
                y,
                size,
                color,
                text,
            } => {
                let glyphs = used[Face::Bold as usize].encode(text);
                let (s, k) = (
                    std::f32::consts::FRAC_1_SQRT_2,
                    std::f32::consts::FRAC_1_SQRT_2,
                );
                c.set_fill_rgb(color.0, color.1, color.2);
                c.begin_text();
                c.set_font(font_name(Face::Bold), *size);
                c.set_text_matrix([k, s, -s, k, *x, *y]);
                c.show(Str(&glyphs));
                c.end_text();
            }
            Op::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
            } => {
                c.set_stroke_rgb(color.0, color.1, color.2);
                c.set_line_width(*width);
                c.move_to(*x1, *y1);
                c.line_to(*x2, *y2);
                c.stroke();
            }
            Op::Rect { x, y, w, h, color } => {
                c.set_fill_rgb(color.0, color.1, color.2);
                c.rect(*x, *y, *w, *h);
                c.fill_nonzero();
            }
        }
    }
    c.finish().into_vec()
}

fn font_name(face: Face) -> Name<'static> {
    match face {
        Face::Regular => Name(b"F1"),
        Face::Bold => Name(b"F2"),
    }
}

/// The page header at 8.5 pt: the full line if it fits, else the line
/// without the SWV, else that line cut with an ellipsis.
fn header_line(full: &str, short: &str, room: f32) -> String {
    if measure(full, Face::Regular, 8.5) <= room {
        full.to_owned()
    } else {
        fit(short, Face::Regular, 8.5, room)
    }
}
