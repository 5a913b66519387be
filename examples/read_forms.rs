//! Reads every built-in form from its published JSON 20 times, and checks it
//! once per read, as a form page does with the file it fetched. For counting
//! instructions, which unlike wall time repeat exactly on a busy machine:
//!
//! ```sh
//! cargo build --release --example read_forms
//! valgrind --tool=callgrind --callgrind-out-file=/tmp/cg.out target/release/examples/read_forms read
//! callgrind_annotate /tmp/cg.out | head -20
//! ```
//!
//! `read` only reads, `check` reads and checks, `none` only starts (the
//! built-in catalog); the differences are 360 reads and 360 checks.

use aanvraagwijzer::definition::check::check_form;
use aanvraagwijzer::Form;

fn main() {
    let mode = std::env::args().nth(1).unwrap_or_default();
    let check = mode == "check";
    let rounds = if mode == "none" { 0 } else { 20 };
    let files: Vec<String> = aanvraagwijzer::forms()
        .iter()
        .filter_map(|f| serde_json::to_string(f).ok())
        .collect();
    let mut problems = 0;
    for _ in 0..rounds {
        for json in &files {
            match serde_json::from_str::<Form>(json) {
                Ok(form) if check => problems += check_form(&form, form.swv()).len(),
                Ok(_) => {}
                Err(e) => eprintln!("{e}"),
            }
        }
    }
    println!(
        "{} form files read 20 times; {problems} problems",
        files.len()
    );
}
