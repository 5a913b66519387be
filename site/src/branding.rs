//! One SWV's own site (`./x.sh build --swv <id>`): the build writes the SWV's
//! id, name, logo and contact line into index.html as
//! `<meta name="aanvraagwijzer-…">` elements (xtask/src/swv.rs), so the site
//! knows without a network call which SWV it serves. Without them it is the
//! all-SWV site. Here: reading them once, the header and the contact line.

use std::sync::OnceLock;

use leptos::prelude::*;

/// The SWV this build is for, as index.html names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Branding {
    /// SWV id (`rsv-breda-po`); only its forms are shown.
    pub swv: String,
    /// Its name, in the header.
    pub name: String,
    /// The logo's address, relative to the page.
    pub logo: Option<String>,
    /// The contact line after "Vragen?".
    pub contact: String,
    /// Phone number.
    pub phone: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Website.
    pub website: Option<String>,
}

/// The `content` of `<meta name="aanvraagwijzer-{name}">`, trimmed, if not empty.
pub(crate) fn meta(doc: &web_sys::Document, name: &str) -> Option<String> {
    doc.query_selector(&format!("meta[name=\"aanvraagwijzer-{name}\"]"))
        .ok()
        .flatten()
        .and_then(|e| e.get_attribute("content"))
        .map(|c| c.trim().to_owned())
        .filter(|c| !c.is_empty())
}

/// The SWV of a per-SWV build, or `None` on the all-SWV site. Read once.
pub fn current() -> Option<&'static Branding> {
    static BRANDING: OnceLock<Option<Branding>> = OnceLock::new();
    BRANDING
        .get_or_init(|| {
            let doc = web_sys::window()?.document()?;
            let swv = meta(&doc, "swv")?;
            // Only an SWV this site has forms of; else it is the all-SWV site.
            crate::forms::entries()
                .iter()
                .any(|f| f.swv() == swv)
                .then_some(())?;
            Some(Branding {
                name: meta(&doc, "swv-naam").unwrap_or_else(|| swv.clone()),
                logo: meta(&doc, "swv-logo"),
                contact: meta(&doc, "swv-contact").unwrap_or_default(),
                phone: meta(&doc, "swv-telefoon"),
                email: meta(&doc, "swv-email"),
                website: meta(&doc, "swv-website"),
                swv,
            })
        })
        .as_ref()
}

/// Whether the site shows forms of this SWV: every SWV on the all-SWV site,
/// only its own on a per-SWV one.
pub fn shows(swv: &str) -> bool {
    current().is_none_or(|b| b.swv == swv)
}

/// The header: "Aanvraagwijzer", or the SWV's logo and name.
#[component]
pub fn Header() -> impl IntoView {
    let inner = match current() {
        None => view! {
            <a class="aw-header__name" href=crate::route::Route::href_home()>"Aanvraagwijzer"</a>
            <span class="aw-header__tagline">"aanvragen passend onderwijs, meteen gecontroleerd"</span>
        }
        .into_any(),
        Some(b) => view! {
            <a class="aw-header__name aw-header__name--swv" href=crate::route::Route::href_home()>
                {b.logo.clone().map(|src| view! { <img class="aw-header__logo" src=from_page(src) alt="" height="40"/> })}
                <span>{b.name.clone()}</span>
            </a>
            <span class="aw-header__tagline">"Aanvraagwijzer: aanvragen passend onderwijs, meteen gecontroleerd"</span>
        }
        .into_any(),
    };
    view! {
        <header class="aw-header">
            <div class="aw-container">{inner}</div>
        </header>
    }
}

/// A relative address of the build (the logo) as seen from this page.
fn from_page(address: String) -> String {
    if address.contains(':') || address.starts_with('/') {
        address
    } else {
        format!("{}{address}", crate::page::root())
    }
}

/// "Vragen? …" with the SWV's phone, e-mail and website, on every page of a
/// per-SWV site; nothing on the all-SWV site.
#[component]
pub fn Contact() -> impl IntoView {
    current().map(|b| {
        let phone = b.phone.clone().map(|p| {
            let tel: String = p.chars().filter(|c| c.is_ascii_digit() || *c == '+').collect();
            view! { <li>"Bel "<a class="utrecht-link utrecht-link--html-a" href=format!("tel:{tel}")>{p}</a></li> }
        });
        let email = b.email.clone().map(|m| {
            view! { <li>"Mail naar "<a class="utrecht-link utrecht-link--html-a" href=format!("mailto:{m}")>{m.clone()}</a></li> }
        });
        let website = b.website.clone().map(|w| {
            let shown = w.trim_start_matches("https://").trim_end_matches('/').to_owned();
            view! { <li>"Kijk op "<a class="utrecht-link utrecht-link--html-a" href=w target="_top">{shown}</a></li> }
        });
        view! {
            <section class="aw-contact" aria-label="Contact">
                <p class="utrecht-paragraph"><strong>"Vragen? "</strong>{b.contact.clone()}</p>
                <ul class="aw-contact__list">{phone}{email}{website}</ul>
            </section>
        }
    })
}
