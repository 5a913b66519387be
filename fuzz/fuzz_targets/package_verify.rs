//! Any bytes as a package: verify and open never panic and never take more
//! than the limits allow; an intact report agrees with itself.
#![no_main]

use aanvraagwijzer_package::{open, verify, Limits};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let limits = Limits::default();
    match verify(data, &limits) {
        Ok(report) => {
            assert_eq!(report.intact, report.tampering.is_empty());
            assert!(!report.headline_nl().is_empty());
            if report.ok() {
                assert!(report.verdict.valid);
            }
        }
        Err(e) => assert!(!e.message_nl().is_empty()),
    }
    if let Err(e) = open(data, &limits) {
        assert!(!e.message_nl().is_empty());
    }
});
