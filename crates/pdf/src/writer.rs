//! The PDF file itself: header, footer and CONCEPT marking around each page's
//! laid-out content, fonts, metadata and content streams.
//!
//! A tagged PDF (PDF/UA-1): every piece of content is in a marked-content
//! sequence, either with an MCID that the structure tree (built by the flow,
//! `layout::Node`) points at through the ParentTree, or as an `/Artifact`
//! (header, footer, page number, watermark, rules).

use chrono::{Datelike, NaiveDateTime, Timelike};
use pdf_writer::types::{
    ArtifactSubtype, ArtifactType, ListNumbering, StructRole, TableHeaderScope,
};
use pdf_writer::{Content, Date, Finish, Name, Pdf, Rect, Ref, Str, TextStr};

use aanvraagwijzer::{Form, Verdict};

use crate::font::{FontRefs, Used};
use crate::layout::{
    fit, Color, Mark, Node, Op, Role, BOTTOM, CONTENT_W, GRAY, LIGHT, MARGIN_X, PAGE_H, PAGE_W, RED,
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
    pages: Vec<Vec<(Mark, Op)>>,
    nodes: &[Node],
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
    let struct_root_id = Ref::new(first_page + 2 * total as i32);
    let metadata_id = Ref::new(struct_root_id.get() + 1);
    let title = match pupil {
        Some(p) => format!("Samenvatting: {} voor {p}", form.title),
        None => format!("Samenvatting: {}", form.title),
    };

    let mut pdf = Pdf::new();
    pdf.set_version(1, 7);
    {
        let mut catalog = pdf.catalog(catalog_id);
        catalog.pages(tree_id).lang(TextStr("nl-NL"));
        catalog.pair(Name(b"StructTreeRoot"), struct_root_id);
        catalog.mark_info().marked(true);
        // The window shows the title, not the file name (PDF/UA).
        catalog.viewer_preferences().display_doc_title(true);
        catalog.metadata(metadata_id);
    }
    pdf.pages(tree_id)
        .kids(page_ids.iter().copied())
        .count(total as i32);
    {
        let mut info = pdf.document_info(info_id);
        info.title(TextStr(&title));
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
    // Per page, the structure element of each MCID (the ParentTree); per
    // element, its marked-content sequences as (page, MCID).
    let mut parents: Vec<Vec<usize>> = Vec::with_capacity(total);
    let mut marked: Vec<Vec<(usize, i32)>> = vec![Vec::new(); nodes.len()];
    for (i, ops) in pages.into_iter().enumerate() {
        let mut all = Vec::new();
        if !verdict.valid {
            all.push((
                Mark::Watermark,
                Op::Diagonal {
                    x: 150.0,
                    y: 250.0,
                    size: 110.0,
                    color: Color(0.93, 0.93, 0.93),
                    text: "CONCEPT".to_owned(),
                },
            ));
        }
        let top = PAGE_H - 40.0;
        all.push((
            Mark::Header,
            Op::Text {
                x: MARGIN_X,
                y: top,
                face: Face::Regular,
                size: 8.5,
                color: GRAY,
                text: header_line(&header, &header_short, CONTENT_W),
            },
        ));
        all.push((
            Mark::Header,
            Op::Line {
                x1: MARGIN_X,
                y1: top - 5.0,
                x2: MARGIN_X + CONTENT_W,
                y2: top - 5.0,
                width: 0.5,
                color: LIGHT,
            },
        ));
        all.extend(ops);
        let bottom = BOTTOM - 30.0;
        let page_no = encode(&format!("pagina {} van {}", i + 1, total));
        let page_w = measure(&page_no, Face::Regular, 8.5);
        all.push((
            Mark::Footer,
            Op::Line {
                x1: MARGIN_X,
                y1: bottom + 11.0,
                x2: MARGIN_X + CONTENT_W,
                y2: bottom + 11.0,
                width: 0.5,
                color: LIGHT,
            },
        ));
        all.push((
            Mark::Footer,
            Op::Text {
                x: MARGIN_X,
                y: bottom,
                face: Face::Regular,
                size: 8.5,
                color: GRAY,
                text: fit(&footer, Face::Regular, 8.5, CONTENT_W - page_w - 12.0),
            },
        ));
        all.push((
            Mark::Footer,
            Op::Text {
                x: MARGIN_X + CONTENT_W - page_w,
                y: bottom,
                face: Face::Regular,
                size: 8.5,
                color: GRAY,
                text: page_no,
            },
        ));
        // An incomplete request says so on every page, beside the page
        // number, so the header keeps its room for pupil and form.
        if !verdict.valid {
            let concept = encode("CONCEPT – niet compleet");
            let concept_w = measure(&concept, Face::Bold, 8.5);
            all.push((
                Mark::Footer,
                Op::Text {
                    x: MARGIN_X + CONTENT_W - page_w - concept_w - 12.0,
                    y: bottom,
                    face: Face::Bold,
                    size: 8.5,
                    color: RED,
                    text: concept,
                },
            ));
        }

        let content_id = Ref::new(page_ids[i].get() + 1);
        let mut mcids = Vec::new();
        let data = content(&all, nodes, &mut used, &mut mcids);
        for (mcid, &node) in mcids.iter().enumerate() {
            marked[node].push((i, mcid as i32));
        }
        parents.push(mcids);
        let mut page = pdf.page(page_ids[i]);
        page.parent(tree_id)
            .media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H))
            .contents(content_id)
            .struct_parents(i as i32);
        page.resources()
            .fonts()
            .pair(Name(b"F1"), regular_id)
            .pair(Name(b"F2"), bold_id);
        page.finish();
        pdf.stream(content_id, &data);
    }
    let mut next = metadata_id.get() + 1;
    let elements = structure(
        &mut pdf,
        nodes,
        &marked,
        &page_ids,
        struct_root_id,
        &mut next,
    );
    {
        let mut root = pdf
            .indirect(struct_root_id)
            .start::<pdf_writer::writers::StructTreeRoot>();
        if let Some(document) = elements.first().copied().flatten() {
            root.child(document);
        }
        // Key i is page i's /StructParents: the element of each of its MCIDs.
        let mut tree = root.insert(Name(b"ParentTree")).dict();
        let mut nums = tree.insert(Name(b"Nums")).array();
        for (i, mcids) in parents.iter().enumerate() {
            nums.item(i as i32);
            nums.push()
                .array()
                .items(mcids.iter().filter_map(|&n| elements[n]));
        }
        nums.finish();
        tree.finish();
        root.parent_tree_next_key(total as i32);
    }
    pdf.metadata(metadata_id, xmp(&title, form, made, options).as_bytes());
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

/// The structure elements, children before content, each with its parent;
/// `next` is the next free object number. Returns each node's object (`None`
/// for an element left out because nothing in it was drawn).
fn structure(
    pdf: &mut Pdf,
    nodes: &[Node],
    marked: &[Vec<(usize, i32)>],
    page_ids: &[Ref],
    root: Ref,
    next: &mut i32,
) -> Vec<Option<Ref>> {
    // Children come after their parent, so one backward pass finds what
    // holds content. Table cells stay (an empty cell keeps the rows even).
    let mut keep = vec![false; nodes.len()];
    for n in (0..nodes.len()).rev() {
        keep[n] = keep[n]
            || !marked[n].is_empty()
            || matches!(nodes[n].role, Role::Document | Role::TH | Role::TD);
        if keep[n] {
            if let Some(p) = nodes[n].parent {
                keep[p] = true;
            }
        }
    }
    let mut ids = vec![None; nodes.len()];
    let mut children: Vec<Vec<usize>> = vec![Vec::new(); nodes.len()];
    for n in 0..nodes.len() {
        if keep[n] {
            ids[n] = Some(Ref::new(*next));
            *next += 1;
            if let Some(p) = nodes[n].parent {
                children[p].push(n);
            }
        }
    }
    for n in 0..nodes.len() {
        let Some(id) = ids[n] else { continue };
        let mut e = pdf.struct_element(id);
        e.kind(struct_role(nodes[n].role));
        e.parent(nodes[n].parent.and_then(|p| ids[p]).unwrap_or(root));
        match nodes[n].role {
            Role::L => {
                e.attributes()
                    .push()
                    .list()
                    .list_numbering(ListNumbering::Disc);
            }
            Role::TH => {
                e.attributes().push().table().scope(TableHeaderScope::Row);
            }
            _ => {}
        }
        // Content on one page: the page once on the element, bare MCIDs
        // (most elements; a third of the bytes of MCR dictionaries).
        let one_page = marked[n]
            .first()
            .map(|&(p, _)| p)
            .filter(|&p| marked[n].iter().all(|&(q, _)| q == p));
        if let Some(p) = one_page {
            e.page(page_ids[p]);
        }
        if !children[n].is_empty() || !marked[n].is_empty() {
            let mut kids = e.children();
            for &c in &children[n] {
                if let Some(cid) = ids[c] {
                    kids.struct_element(cid);
                }
            }
            for &(page, mcid) in &marked[n] {
                if one_page.is_some() {
                    kids.marked_content_id(mcid);
                } else {
                    kids.marked_content_ref()
                        .page(page_ids[page])
                        .marked_content_id(mcid);
                }
            }
        }
    }
    ids
}

fn struct_role(role: Role) -> StructRole {
    match role {
        Role::Document => StructRole::Document,
        Role::H1 => StructRole::H1,
        Role::H2 => StructRole::H2,
        Role::H3 => StructRole::H3,
        Role::P => StructRole::P,
        Role::L => StructRole::L,
        Role::LI => StructRole::LI,
        Role::Lbl => StructRole::Lbl,
        Role::LBody => StructRole::LBody,
        Role::Table => StructRole::Table,
        Role::TR => StructRole::TR,
        Role::TH => StructRole::TH,
        Role::TD => StructRole::TD,
    }
}

/// The XMP metadata: title, author, language, dates and the PDF/UA-1
/// identification; the same values as the Info dictionary.
fn xmp(title: &str, form: &Form, made: NaiveDateTime, options: &Options) -> String {
    let keywords = match &options.tie {
        Some(tie) => format!("<pdf:Keywords>{}</pdf:Keywords>", xml(tie)),
        None => String::new(),
    };
    format!(
        concat!(
            "<?xpacket begin=\"\u{feff}\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n",
            "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n",
            "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n",
            "<rdf:Description rdf:about=\"\"",
            " xmlns:dc=\"http://purl.org/dc/elements/1.1/\"",
            " xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\"",
            " xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\"",
            " xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\">\n",
            "<dc:format>application/pdf</dc:format>\n",
            "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">{title}</rdf:li></rdf:Alt></dc:title>\n",
            "<dc:creator><rdf:Seq><rdf:li>{author}</rdf:li></rdf:Seq></dc:creator>\n",
            "<dc:language><rdf:Bag><rdf:li>nl-NL</rdf:li></rdf:Bag></dc:language>\n",
            "<xmp:CreatorTool>Aanvraagwijzer</xmp:CreatorTool>\n",
            "<xmp:CreateDate>{date}</xmp:CreateDate>\n",
            "<pdf:Producer>Aanvraagwijzer (pdf-writer)</pdf:Producer>\n",
            "{keywords}",
            "<pdfuaid:part>1</pdfuaid:part>\n",
            "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n",
            "<?xpacket end=\"r\"?>"
        ),
        title = xml(title),
        author = xml(&form.swv_name),
        date = made.format("%Y-%m-%dT%H:%M:%S"),
        keywords = keywords,
    )
}

/// `text` escaped for XML character data and attribute values.
fn xml(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            // Control characters are not allowed in XML 1.0.
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => out.push('\u{fffd}'),
            c => out.push(c),
        }
    }
    out
}

/// The name a marked-content sequence is tagged with: its element's role.
fn tag(role: Role) -> Name<'static> {
    match role {
        Role::Document => Name(b"Document"),
        Role::H1 => Name(b"H1"),
        Role::H2 => Name(b"H2"),
        Role::H3 => Name(b"H3"),
        Role::P => Name(b"P"),
        Role::L => Name(b"L"),
        Role::LI => Name(b"LI"),
        Role::Lbl => Name(b"Lbl"),
        Role::LBody => Name(b"LBody"),
        Role::Table => Name(b"Table"),
        Role::TR => Name(b"TR"),
        Role::TH => Name(b"TH"),
        Role::TD => Name(b"TD"),
    }
}

/// Opens the marked-content sequence of `mark`; content gets the next MCID
/// (its element recorded in `mcids`).
fn begin(c: &mut Content, mark: Mark, nodes: &[Node], mcids: &mut Vec<usize>) {
    let (kind, subtype) = match mark {
        Mark::Content(n) => {
            c.begin_marked_content_with_properties(tag(nodes[n].role))
                .properties()
                .identify(mcids.len() as i32);
            mcids.push(n);
            return;
        }
        Mark::Header => (ArtifactType::Pagination, Some(ArtifactSubtype::Header)),
        Mark::Footer => (ArtifactType::Pagination, Some(ArtifactSubtype::Footer)),
        Mark::Watermark => (ArtifactType::Pagination, Some(ArtifactSubtype::Watermark)),
        Mark::Layout => (ArtifactType::Layout, None),
    };
    let mut mc = c.begin_marked_content_with_properties(Name(b"Artifact"));
    let mut artifact = mc.properties().artifact();
    artifact.kind(kind);
    if let Some(s) = subtype {
        artifact.subtype(s);
    }
}

fn content(
    ops: &[(Mark, Op)],
    nodes: &[Node],
    used: &mut [Used; 2],
    mcids: &mut Vec<usize>,
) -> Vec<u8> {
    let mut c = Content::new();
    // Consecutive operations of one element or kind of artifact share one
    // marked-content sequence.
    let mut open: Option<Mark> = None;
    for (mark, op) in ops {
        if open != Some(*mark) {
            if open.is_some() {
                c.end_marked_content();
            }
            begin(&mut c, *mark, nodes, mcids);
            open = Some(*mark);
        }
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
    if open.is_some() {
        c.end_marked_content();
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
