//! One module per page.

pub mod form;
pub mod not_found;
pub mod start;
#[cfg(feature = "studio")]
pub mod studio;
#[cfg(not(feature = "studio"))]
pub mod studio_moved;
