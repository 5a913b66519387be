//! Taking the prerendered page over without one long task.
//!
//! The build prerenders each form's own page (site/prerender.mjs), so a
//! school reads the questions before the wasm arrives. The app then draws
//! the same page itself. Drawn in one go, that was one main-thread task of
//! ~490 ms on a phone (Lighthouse mobile, simulated 4x CPU): the page could
//! not answer a tap meanwhile (Total Blocking Time 510 ms, score 86-90).
//!
//! So the app draws into a copy of `#app` that is not in the document yet,
//! in pieces: the parts of a page wrapped in [`Later`] each get a task of
//! their own. The prerendered page stays on screen and readable meanwhile;
//! when every piece is drawn, the copy replaces it in one step, and what the
//! user typed or focused there goes over (`page::Carried`). Nothing in the
//! document changes until then, so nothing shifts on screen.
//!
//! After the takeover, [`Later`] draws at once: moving between the pages of
//! a form is one quick change, not a page built piece by piece. Work that
//! looks the page's elements up in the document (moving the focus) waits for
//! the swap: [`after_frame_on_screen`].

use std::cell::{Cell, RefCell};

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

thread_local! {
    /// Whether the app is still drawing its first page off screen.
    static STARTING: Cell<bool> = const { Cell::new(false) };
    /// Pieces waiting for their task.
    static PENDING: Cell<usize> = const { Cell::new(0) };
    /// Work held back until the app's page is in the document.
    static ON_SCREEN: RefCell<Vec<Box<dyn FnOnce()>>> = const { RefCell::new(Vec::new()) };
}

/// The app starts drawing its first page off screen: [`Later`] defers.
pub fn begin() {
    STARTING.with(|s| s.set(true));
}

/// The first page is on screen: [`Later`] draws at once from now on, and
/// the work held back for it runs now.
pub fn end() {
    STARTING.with(|s| s.set(false));
    for work in ON_SCREEN.with(|w| std::mem::take(&mut *w.borrow_mut())) {
        work();
    }
}

/// Runs `f` after the next frame, and not before the app's page is in the
/// document: during the takeover, elements are looked up in vain.
pub fn after_frame_on_screen(f: impl FnOnce() + 'static) {
    request_animation_frame(move || {
        if STARTING.with(Cell::get) {
            ON_SCREEN.with(|w| w.borrow_mut().push(Box::new(f)));
        } else {
            f();
        }
    });
}

/// Resolves once every piece deferred by [`Later`] has been drawn, also
/// pieces inside pieces (each registers while its parent is drawn, before
/// this looks again).
pub async fn settled() {
    loop {
        next_task().await;
        if PENDING.with(Cell::get) == 0 {
            return;
        }
    }
}

/// Resolves in a new main-thread task (a zero timeout), so that the browser
/// can handle input and paint in between.
pub async fn next_task() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        if let Some(window) = web_sys::window() {
            let _ = window
                .set_timeout_with_callback_and_timeout_and_arguments_0(resolve.unchecked_ref(), 0);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Draws its children in a task of their own while the app takes the page
/// over (see the module), at once afterwards. Wraps a part of a page that
/// costs a noticeable share of drawing it: a box, a list, a question.
#[component]
pub fn Later(children: ChildrenFn) -> impl IntoView {
    let starting = STARTING.with(Cell::get);
    let ready = RwSignal::new(!starting);
    if starting {
        PENDING.with(|p| p.set(p.get() + 1));
        set_timeout(
            move || {
                // The page may have changed meanwhile (a link followed
                // before the takeover): then there is nothing to draw.
                let _ = ready.try_set(true);
                PENDING.with(|p| p.set(p.get().saturating_sub(1)));
            },
            std::time::Duration::ZERO,
        );
    }
    move || ready.get().then(|| children())
}
