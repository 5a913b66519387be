//! A small flow layout: text runs down A4 pages; page breaks when full.
//! Pages are kept as drawing operations so headers and footers ("pagina x van
//! y") can be added once the page count is known.
//!
//! The flow also builds the structure tree of the tagged PDF (PDF/UA): every
//! text operation belongs to a structure element ([`Mark::Content`]), every
//! rule, line and coloured bar is an artifact. Elements are created in reading
//! order, so the tree's order is the order people read.

use crate::text::{measure, wrap, wrap_spaced, Face};

pub const PAGE_W: f32 = 595.28;
pub const PAGE_H: f32 = 841.89;
pub const MARGIN_X: f32 = 56.0;
pub const TOP: f32 = PAGE_H - 64.0;
pub const BOTTOM: f32 = 64.0;
pub const CONTENT_W: f32 = PAGE_W - 2.0 * MARGIN_X;

/// RGB, 0..1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Color(pub f32, pub f32, pub f32);

pub const BLACK: Color = Color(0.0, 0.0, 0.0);
pub const GRAY: Color = Color(0.35, 0.35, 0.35);
pub const LIGHT: Color = Color(0.75, 0.75, 0.75);
pub const RED: Color = Color(0.70, 0.0, 0.0);
pub const GREEN: Color = Color(0.0, 0.45, 0.2);
pub const BLUE: Color = Color(0.0, 0.27, 0.53);

/// One drawing operation on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Op {
    Text {
        x: f32,
        y: f32,
        face: Face,
        size: f32,
        color: Color,
        text: String,
    },
    /// Text rotated by 45 degrees (the CONCEPT watermark).
    Diagonal {
        x: f32,
        y: f32,
        size: f32,
        color: Color,
        text: String,
    },
    Line {
        x1: f32,
        y1: f32,
        x2: f32,
        y2: f32,
        width: f32,
        color: Color,
    },
    Rect {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
        color: Color,
    },
}

/// The structure types the summary uses (PDF 1.7 standard types).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    Document,
    H1,
    H2,
    H3,
    P,
    L,
    LI,
    Lbl,
    LBody,
    Table,
    TR,
    TH,
    TD,
}

/// One structure element; its children are the later elements naming it
/// as parent, in creation (reading) order.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub role: Role,
    pub parent: Option<usize>,
    /// The newest child so far (kept so that joining a list is O(1)).
    last_child: Option<usize>,
    /// Text written while this element is innermost is its own content
    /// (a heading, a paragraph, a cell); else the text becomes a new `P`.
    holds_text: bool,
}

/// What a drawing operation is in the tagged PDF.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Mark {
    /// Content of the structure element with this index in [`Flow::nodes`].
    Content(usize),
    /// Page header (pupil, form, SWV).
    Header,
    /// Page footer (date made, page number, CONCEPT label).
    Footer,
    /// The CONCEPT watermark.
    Watermark,
    /// Rules, signature lines and coloured bars: layout, not content.
    Layout,
}

/// Text style.
#[derive(Debug, Clone, Copy)]
pub struct Style {
    pub face: Face,
    pub size: f32,
    pub color: Color,
    /// Distance between baselines.
    pub leading: f32,
}

impl Style {
    pub const fn new(face: Face, size: f32, color: Color) -> Style {
        Style {
            face,
            size,
            color,
            leading: size * 1.3,
        }
    }
}

/// The flow: a cursor running down pages.
pub struct Flow {
    pub pages: Vec<Vec<(Mark, Op)>>,
    /// Baseline position of the next line's top.
    pub y: f32,
    /// The structure tree; node 0 is the Document.
    pub nodes: Vec<Node>,
    /// Open elements, innermost last; text goes into the innermost one when
    /// it is a leaf (see [`Flow::leaf`]), else into a new `P` inside it.
    open: Vec<usize>,
}

impl Flow {
    pub fn new() -> Flow {
        Flow {
            pages: vec![Vec::new()],
            y: TOP,
            nodes: vec![Node {
                role: Role::Document,
                parent: None,
                last_child: None,
                holds_text: false,
            }],
            open: vec![0],
        }
    }

    fn ops(&mut self) -> &mut Vec<(Mark, Op)> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn current(&self) -> usize {
        self.open.last().copied().unwrap_or(0)
    }

    /// A new element inside the innermost open one.
    fn add(&mut self, role: Role) -> usize {
        let holds_text = matches!(
            role,
            Role::H1 | Role::H2 | Role::H3 | Role::P | Role::Lbl | Role::TH | Role::TD
        );
        self.add_holding(role, holds_text)
    }

    fn add_holding(&mut self, role: Role, holds_text: bool) -> usize {
        let parent = self.current();
        self.nodes.push(Node {
            role,
            parent: Some(parent),
            last_child: None,
            holds_text,
        });
        let n = self.nodes.len() - 1;
        self.nodes[parent].last_child = Some(n);
        n
    }

    /// Opens a new element inside the innermost open one; [`Flow::close`] ends it.
    pub fn open(&mut self, role: Role) -> usize {
        let n = self.add(role);
        self.open.push(n);
        n
    }

    /// Ends the innermost open element (never the Document).
    pub fn close(&mut self) {
        if self.open.len() > 1 {
            self.open.pop();
        }
    }

    /// Runs `body` inside a new element of `role`.
    pub fn within(&mut self, role: Role, body: impl FnOnce(&mut Flow)) {
        self.open(role);
        body(self);
        self.close();
    }

    /// The element that text written now belongs to: the innermost open
    /// element when it holds text itself, else a new `P` in it.
    fn leaf(&mut self) -> usize {
        let n = self.current();
        if self.nodes[n].holds_text {
            n
        } else {
            self.add(Role::P)
        }
    }

    /// The list that a new item joins: the innermost open element's last
    /// child when that is a list, else a new one. Consecutive bullets are
    /// one list; anything between them starts a new one.
    fn list(&mut self) -> usize {
        let parent = self.current();
        match self.nodes[parent].last_child {
            Some(last) if self.nodes[last].role == Role::L => last,
            _ => self.add(Role::L),
        }
    }

    pub fn new_page(&mut self) {
        self.pages.push(Vec::new());
        self.y = TOP;
    }

    /// Starts a new page unless `height` points still fit on this one.
    pub fn ensure(&mut self, height: f32) {
        if self.y - height < BOTTOM && self.y < TOP {
            self.new_page();
        }
    }

    pub fn gap(&mut self, h: f32) {
        self.y -= h;
    }

    /// Wrapped text at `indent` from the left margin, within `width` (default: the rest).
    pub fn paragraph(&mut self, text: &str, style: Style, indent: f32) {
        let lines = wrap_spaced(text, style.face, style.size, CONTENT_W - indent);
        let node = self.leaf();
        for (line, spaced) in lines {
            self.ensure(style.leading);
            self.y -= style.leading;
            if !line.is_empty() {
                let line = with_space(line, spaced);
                let (x, y) = (MARGIN_X + indent, self.y + style.leading - style.size);
                self.text_in(node, x, y, line, style);
            }
        }
    }

    /// A bulleted item: "•" at `indent`, the text hanging after it
    /// (`L` > `LI` > `Lbl` "•", `LBody` text).
    pub fn bullet(&mut self, text: &str, style: Style, indent: f32) {
        self.list_item(text, style, indent, None);
    }

    /// A bulleted item whose body is `text` and then what `more` writes
    /// (a finding's message and source), each its own `P` in the `LBody`.
    pub fn item(&mut self, text: &str, style: Style, indent: f32, more: impl FnOnce(&mut Flow)) {
        self.list_item(text, style, indent, Some(Box::new(more)));
    }

    #[allow(clippy::type_complexity)]
    fn list_item(
        &mut self,
        text: &str,
        style: Style,
        indent: f32,
        more: Option<Box<dyn FnOnce(&mut Flow) + '_>>,
    ) {
        let list = self.list();
        self.open.push(list);
        self.open(Role::LI);
        let label = self.add(Role::Lbl);
        let body = self.add_holding(Role::LBody, more.is_none());
        self.open.push(body);
        let body = if more.is_some() {
            self.add(Role::P)
        } else {
            body
        };
        let bullet = measure("• ", style.face, style.size);
        let lines = wrap_spaced(text, style.face, style.size, CONTENT_W - indent - bullet);
        for (i, (line, spaced)) in lines.into_iter().enumerate() {
            self.ensure(style.leading);
            self.y -= style.leading;
            let y = self.y + style.leading - style.size;
            if i == 0 {
                self.text_in(label, MARGIN_X + indent, y, "•".to_owned(), style);
            }
            if !line.is_empty() {
                let line = with_space(line, spaced);
                self.text_in(body, MARGIN_X + indent + bullet, y, line, style);
            }
        }
        if let Some(more) = more {
            more(self);
        }
        self.close();
        self.close();
        self.close();
    }

    /// How many lines `text` takes.
    pub fn lines(&self, text: &str, style: Style, indent: f32) -> usize {
        wrap(text, style.face, style.size, CONTENT_W - indent).len()
    }

    /// One line of text at an absolute x on the current line (no wrapping, no advance).
    pub fn text_at(&mut self, x: f32, baseline: f32, text: String, style: Style) {
        let node = self.leaf();
        self.text_in(node, x, baseline, text, style);
    }

    /// One line of text as content of structure element `node`.
    fn text_in(&mut self, node: usize, x: f32, baseline: f32, text: String, style: Style) {
        self.ops().push((
            Mark::Content(node),
            Op::Text {
                x,
                y: baseline,
                face: style.face,
                size: style.size,
                color: style.color,
                text,
            },
        ));
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32, color: Color) {
        self.ops().push((
            Mark::Layout,
            Op::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
            },
        ));
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Color) {
        self.ops()
            .push((Mark::Layout, Op::Rect { x, y, w, h, color }));
    }

    /// A horizontal rule across the content width.
    pub fn rule(&mut self, color: Color) {
        let y = self.y;
        self.line(MARGIN_X, y, MARGIN_X + CONTENT_W, y, 0.6, color);
    }
}

/// A wrapped line that ends at a space or line break keeps one space at its
/// end: invisible, but a screen reader or text extraction that joins the
/// lines of a paragraph does not run the last and first words together.
fn with_space(mut line: String, spaced: bool) -> String {
    if spaced {
        line.push(' ');
    }
    line
}

/// Cuts encoded text to fit `max` points, ending in "…" when cut.
pub fn fit(text: &str, face: Face, size: f32, max: f32) -> String {
    if measure(text, face, size) <= max {
        return text.to_owned();
    }
    let room = max - measure("…", face, size);
    let mut out = String::new();
    let mut w = 0.0;
    for c in text.chars() {
        let cw = measure(c.encode_utf8(&mut [0; 4]), face, size);
        if w + cw > room {
            break;
        }
        w += cw;
        out.push(c);
    }
    out.push('…');
    out
}
