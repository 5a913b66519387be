//! Small text helpers shared by everything that shows a form to people.

/// The text with its first letter as a capital: "doel" -> "Doel", for the
/// heading of a list item.
pub fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::capitalise;

    #[test]
    fn only_the_first_letter_changes() {
        assert_eq!(capitalise("doel"), "Doel");
        assert_eq!(capitalise("ijsbaan"), "Ijsbaan");
        assert_eq!(capitalise("één leerling"), "Één leerling");
        assert_eq!(capitalise(""), "");
    }
}
