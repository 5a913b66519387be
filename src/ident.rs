//! Dutch identifiers: BSN (and the DUO onderwijsnummer), postcode, BRIN.
//!
//! Each parser accepts what people type (spaces, dots, lower case) and returns
//! the normalised form, or a reason that the message layer turns into Dutch.

/// Why a BSN / onderwijsnummer is not valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BsnError {
    #[error("contains characters other than digits")]
    NotDigits,
    #[error("has {0} digits instead of 9")]
    Length(usize),
    #[error("is all zeros")]
    Zero,
    #[error("fails the 11-proef")]
    Checksum,
}

/// Which kind of pupil number a valid input is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PupilNumber {
    /// Burgerservicenummer (11-proef, remainder 0).
    Bsn,
    /// DUO onderwijsnummer for pupils without a BSN (starts with 10, remainder 5).
    Onderwijsnummer,
}

/// What may stand between the digit groups of a BSN or onderwijsnummer: a
/// space, point or hyphen as typed, and the look-alikes Word or a PDF put there
/// when the number is copied: no-break space (U+00A0), narrow no-break space
/// (U+202F), thin space (U+2009), figure space (U+2007), the Unicode hyphens
/// U+2010 and U+2011, figure dash (U+2012), en dash (U+2013) and minus sign
/// (U+2212). The JSON Schema's BSN pattern allows exactly these.
pub const DIGIT_GROUP_SEPARATORS: &[char] = &[
    ' ', '.', '-', '\u{00A0}', '\u{202F}', '\u{2009}', '\u{2007}', '\u{2010}', '\u{2011}',
    '\u{2012}', '\u{2013}', '\u{2212}',
];

fn digits_only(input: &str) -> Result<Vec<u32>, BsnError> {
    input
        .chars()
        .filter(|c| !DIGIT_GROUP_SEPARATORS.contains(c))
        .map(|c| c.to_digit(10).ok_or(BsnError::NotDigits))
        .collect()
}

/// The 11-proef sum: weights 9..2 for the first eight digits, -1 for the last,
/// taken modulo 11 (always 0..=10).
fn elfproef_remainder(d: &[u32]) -> i64 {
    let sum: i64 = d[..8]
        .iter()
        .zip((2..=9).rev())
        .map(|(&x, w)| i64::from(x) * w)
        .sum::<i64>()
        - i64::from(d[8]);
    sum.rem_euclid(11)
}

/// Checks a BSN or onderwijsnummer; returns the 9 digits and which it is.
pub fn parse_pupil_number(input: &str) -> Result<(String, PupilNumber), BsnError> {
    let d = digits_only(input)?;
    if d.len() != 9 {
        return Err(BsnError::Length(d.len()));
    }
    if d.iter().all(|&x| x == 0) {
        return Err(BsnError::Zero);
    }
    let text: String = d
        .iter()
        .map(|x| char::from_digit(*x, 10).unwrap_or('0'))
        .collect();
    match elfproef_remainder(&d) {
        0 => Ok((text, PupilNumber::Bsn)),
        5 if d[0] == 1 && d[1] == 0 => Ok((text, PupilNumber::Onderwijsnummer)),
        _ => Err(BsnError::Checksum),
    }
}

/// Why a postcode is not valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PostcodeError {
    #[error("not 4 digits and 2 letters")]
    Format,
    #[error("starts with 0")]
    LeadingZero,
    #[error("letters {0} are not used in Dutch postcodes")]
    ForbiddenLetters(String),
    /// A letter outside A-Z (a ligature like "ﬆ", "ß", an accented letter):
    /// never upper-cased into something else, so nothing is silently changed.
    #[error("letter {0:?} is not one of A-Z")]
    NotAsciiLetter(char),
}

/// The first letter that is not one of A-Z/a-z, if any.
fn non_ascii_letter(compact: &str) -> Option<char> {
    compact.chars().find(|c| c.is_alphabetic() && !c.is_ascii())
}

/// Checks a Dutch postcode; returns it as "1234 AB".
pub fn parse_postcode(input: &str) -> Result<String, PostcodeError> {
    let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(c) = non_ascii_letter(&compact) {
        return Err(PostcodeError::NotAsciiLetter(c));
    }
    let compact = compact.to_ascii_uppercase();
    let b = compact.as_bytes();
    if b.len() != 6
        || !b[..4].iter().all(u8::is_ascii_digit)
        || !b[4..].iter().all(u8::is_ascii_uppercase)
    {
        return Err(PostcodeError::Format);
    }
    if b[0] == b'0' {
        return Err(PostcodeError::LeadingZero);
    }
    let letters = &compact[4..];
    if matches!(letters, "SA" | "SD" | "SS") {
        return Err(PostcodeError::ForbiddenLetters(letters.to_owned()));
    }
    Ok(format!("{} {}", &compact[..4], letters))
}

/// Why a BRIN vestigingsnummer is not valid.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BrinError {
    #[error("only the 4-character BRIN, the vestiging number is missing")]
    MissingVestiging,
    #[error("not 2 digits, 2 letters and 2 digits")]
    Format,
    /// A letter outside A-Z (see [`PostcodeError::NotAsciiLetter`]).
    #[error("letter {0:?} is not one of A-Z")]
    NotAsciiLetter(char),
}

/// Checks a BRIN with vestiging ("12AB00"); returns it in capitals.
pub fn parse_brin_vestiging(input: &str) -> Result<String, BrinError> {
    let compact: String = input.chars().filter(|c| !c.is_whitespace()).collect();
    if let Some(c) = non_ascii_letter(&compact) {
        return Err(BrinError::NotAsciiLetter(c));
    }
    let compact = compact.to_ascii_uppercase();
    let b = compact.as_bytes();
    let brin_ok = |b: &[u8]| {
        b[..2].iter().all(u8::is_ascii_digit) && b[2..4].iter().all(u8::is_ascii_uppercase)
    };
    match b.len() {
        4 if brin_ok(b) => Err(BrinError::MissingVestiging),
        6 if brin_ok(b) && b[4..].iter().all(u8::is_ascii_digit) => Ok(compact),
        _ => Err(BrinError::Format),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bsn_known_good_and_bad() {
        for good in [
            "111222333",
            "123456782",
            "1112.22.333",
            " 111 222 333 ",
            "010000008",
        ] {
            assert_eq!(
                parse_pupil_number(good).map(|x| x.1),
                Ok(PupilNumber::Bsn),
                "{good}"
            );
        }
        assert_eq!(parse_pupil_number("111222334"), Err(BsnError::Checksum));
        assert_eq!(parse_pupil_number("123456789"), Err(BsnError::Checksum));
        assert_eq!(parse_pupil_number("11122233"), Err(BsnError::Length(8)));
        assert_eq!(parse_pupil_number("1112223333"), Err(BsnError::Length(10)));
        assert_eq!(parse_pupil_number("000000000"), Err(BsnError::Zero));
        assert_eq!(parse_pupil_number("11122233a"), Err(BsnError::NotDigits));
    }

    #[test]
    fn separators_pasted_from_word_or_a_pdf_count_as_spaces() {
        for sep in DIGIT_GROUP_SEPARATORS {
            let typed = format!("111{sep}222{sep}333");
            assert_eq!(
                parse_pupil_number(&typed),
                Ok(("111222333".into(), PupilNumber::Bsn)),
                "{typed:?}"
            );
            let onderwijsnummer = format!("1012{sep}22{sep}331");
            assert_eq!(
                parse_pupil_number(&onderwijsnummer).map(|x| x.1),
                Ok(PupilNumber::Onderwijsnummer),
                "{onderwijsnummer:?}"
            );
        }
        // Other characters between the digits are still not a BSN.
        for odd in [
            "111_222_333",
            "111/222/333",
            "111\u{2014}222\u{2014}333",
            "111,222,333",
        ] {
            assert_eq!(parse_pupil_number(odd), Err(BsnError::NotDigits), "{odd:?}");
        }
    }

    #[test]
    fn onderwijsnummer_needs_prefix_10_and_remainder_5() {
        assert_eq!(
            parse_pupil_number("101222331").map(|x| x.1),
            Ok(PupilNumber::Onderwijsnummer)
        );
        // Remainder 5 without the 10 prefix is neither a BSN nor an onderwijsnummer.
        assert_eq!(parse_pupil_number("201222331"), Err(BsnError::Checksum));
        assert_eq!(parse_pupil_number("101222332"), Err(BsnError::Checksum));
    }

    #[test]
    fn postcodes() {
        assert_eq!(parse_postcode("4811 ab").as_deref(), Ok("4811 AB"));
        assert_eq!(parse_postcode("4811AB").as_deref(), Ok("4811 AB"));
        assert_eq!(parse_postcode("0811 AB"), Err(PostcodeError::LeadingZero));
        assert_eq!(
            parse_postcode("4811 SS"),
            Err(PostcodeError::ForbiddenLetters("SS".into()))
        );
        assert_eq!(
            parse_postcode("4811 SA"),
            Err(PostcodeError::ForbiddenLetters("SA".into()))
        );
        assert_eq!(
            parse_postcode("4811 SD"),
            Err(PostcodeError::ForbiddenLetters("SD".into()))
        );
        assert!(parse_postcode("4811 SB").is_ok());
        assert_eq!(parse_postcode("481 AB"), Err(PostcodeError::Format));
        assert_eq!(parse_postcode("4811 A1"), Err(PostcodeError::Format));
        assert_eq!(parse_postcode("4811\u{00A0}AB").as_deref(), Ok("4811 AB"));
    }

    #[test]
    fn letters_outside_a_to_z_are_refused_not_upper_cased() {
        // "ﬆ" upper-cases to "ST" and "ß" to "SS" with Unicode rules.
        assert_eq!(
            parse_postcode("4811 \u{FB06}"),
            Err(PostcodeError::NotAsciiLetter('\u{FB06}'))
        );
        assert_eq!(
            parse_postcode("1234 ß"),
            Err(PostcodeError::NotAsciiLetter('ß'))
        );
        assert_eq!(
            parse_postcode("4811 ÁB"),
            Err(PostcodeError::NotAsciiLetter('Á'))
        );
        assert_eq!(
            parse_brin_vestiging("12\u{FB06}00"),
            Err(BrinError::NotAsciiLetter('\u{FB06}'))
        );
        assert_eq!(
            parse_brin_vestiging("12aß00"),
            Err(BrinError::NotAsciiLetter('ß'))
        );
        // The Turkish dotless i upper-cases to a plain I.
        assert_eq!(
            parse_brin_vestiging("12\u{0131}b00"),
            Err(BrinError::NotAsciiLetter('\u{0131}'))
        );
    }

    #[test]
    fn brin_with_vestiging() {
        assert_eq!(parse_brin_vestiging("12ab 00").as_deref(), Ok("12AB00"));
        assert_eq!(
            parse_brin_vestiging("12AB"),
            Err(BrinError::MissingVestiging)
        );
        assert_eq!(parse_brin_vestiging("1AB200"), Err(BrinError::Format));
        assert_eq!(parse_brin_vestiging("12AB0"), Err(BrinError::Format));
    }
}
