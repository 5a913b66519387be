//! Any bytes as a package: verify and open never panic and never take more
//! than the limits allow; an intact report agrees with itself.
#![no_main]

use aanvraagwijzer_package::{open, verify, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    // A fixed clock (15-01-2027, after the seeds were made): the same input
    // gives the same report.
    let now = chrono::DateTime::from_timestamp(1_800_000_000, 0).unwrap_or_default();
    match verify(data, &limits, now) {
        Ok(report) => {
            assert_eq!(report.intact, report.tampering.is_empty());
            assert!(!report.headline_nl().is_empty());
            if report.ok() {
                assert!(report.verdict.valid && report.pdf_proven);
            }
        }
        Err(e) => assert!(!e.message_nl().is_empty()),
    }
    if let Err(e) = open(data, &limits) {
        assert!(!e.message_nl().is_empty());
    }
});
