//! PDF summary (work in progress).
