//! A small flow layout: text runs down A4 pages; page breaks when full.
//! Pages are kept as drawing operations so headers and footers ("pagina x van
//! y") can be added once the page count is known.

use crate::text::{measure, wrap, Face};

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
    pub pages: Vec<Vec<Op>>,
    /// Baseline position of the next line's top.
    pub y: f32,
}

impl Flow {
    pub fn new() -> Flow {
        Flow {
            pages: vec![Vec::new()],
            y: TOP,
        }
    }

    fn ops(&mut self) -> &mut Vec<Op> {
        if self.pages.is_empty() {
            self.pages.push(Vec::new());
        }
        let last = self.pages.len() - 1;
        &mut self.pages[last]
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
        let lines = wrap(text, style.face, style.size, CONTENT_W - indent);
        for line in lines {
            self.ensure(style.leading);
            self.y -= style.leading;
            if !line.is_empty() {
                let (x, y) = (MARGIN_X + indent, self.y + style.leading - style.size);
                self.ops().push(Op::Text {
                    x,
                    y,
                    face: style.face,
                    size: style.size,
                    color: style.color,
                    text: line,
                });
            }
        }
    }

    /// A bulleted item: "•" at `indent`, the text hanging after it.
    pub fn bullet(&mut self, text: &str, style: Style, indent: f32) {
        let bullet = measure("• ", style.face, style.size);
        let lines = wrap(text, style.face, style.size, CONTENT_W - indent - bullet);
        for (i, line) in lines.into_iter().enumerate() {
            self.ensure(style.leading);
            self.y -= style.leading;
            let y = self.y + style.leading - style.size;
            if i == 0 {
                self.text_at(MARGIN_X + indent, y, "•".to_owned(), style);
            }
            if !line.is_empty() {
                self.text_at(MARGIN_X + indent + bullet, y, line, style);
            }
        }
    }

    /// How many lines `text` takes.
    pub fn lines(&self, text: &str, style: Style, indent: f32) -> usize {
        wrap(text, style.face, style.size, CONTENT_W - indent).len()
    }

    /// One line of text at an absolute x on the current line (no wrapping, no advance).
    pub fn text_at(&mut self, x: f32, baseline: f32, text: String, style: Style) {
        self.ops().push(Op::Text {
            x,
            y: baseline,
            face: style.face,
            size: style.size,
            color: style.color,
            text,
        });
    }

    pub fn line(&mut self, x1: f32, y1: f32, x2: f32, y2: f32, width: f32, color: Color) {
        self.ops().push(Op::Line {
            x1,
            y1,
            x2,
            y2,
            width,
            color,
        });
    }

    pub fn rect(&mut self, x: f32, y: f32, w: f32, h: f32, color: Color) {
        self.ops().push(Op::Rect { x, y, w, h, color });
    }

    /// A horizontal rule across the content width.
    pub fn rule(&mut self, color: Color) {
        let y = self.y;
        self.line(MARGIN_X, y, MARGIN_X + CONTENT_W, y, 0.6, color);
    }
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
