//! One module per page.

pub mod form;
pub mod not_found;
pub mod start;
pub mod studio;
