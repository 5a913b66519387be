//! Numbers and amounts as Dutch people type them ("2,5", "€ 1.250,00").

use rust_decimal::Decimal;
use std::str::FromStr;

/// Reads a number with a comma or a point as decimal separator. For amounts
/// (`money`), a point followed by groups of exactly three digits is a
/// thousands separator ("1.250" is twelve hundred and fifty euro).
pub fn parse_decimal_nl(input: &str, money: bool) -> Option<Decimal> {
    let mut s: String = input
        .trim()
        .trim_start_matches('€')
        .chars()
        .filter(|c| !c.is_whitespace())
        .collect();
    if money {
        s = s.trim_end_matches(",-").to_owned();
    }
    let normalised = if s.contains(',') {
        // Dutch style: points group thousands, the comma is the decimal mark.
        if s.matches(',').count() > 1 {
            return None;
        }
        s.replace('.', "").replace(',', ".")
    } else if money && s.split('.').skip(1).all(|g| g.len() == 3) && s.contains('.') {
        s.replace('.', "")
    } else {
        s
    };
    if normalised.is_empty()
        || normalised.starts_with('.')
        || !normalised
            .chars()
            .enumerate()
            .all(|(i, c)| c.is_ascii_digit() || c == '.' || (i == 0 && c == '-'))
    {
        return None;
    }
    Decimal::from_str(&normalised).ok()
}

/// Formats an amount the Dutch way: `€ 1.234,50`.
pub fn format_euro(amount: Decimal) -> String {
    let rounded = amount.round_dp(2);
    let negative = rounded.is_sign_negative() && !rounded.is_zero();
    let text = format!("{:.2}", rounded.abs());
    let (whole, cents) = text.split_once('.').unwrap_or((&text, "00"));
    let mut grouped = String::new();
    for (i, c) in whole.chars().enumerate() {
        if i > 0 && (whole.len() - i) % 3 == 0 {
            grouped.push('.');
        }
        grouped.push(c);
    }
    format!("{}€ {grouped},{cents}", if negative { "-" } else { "" })
}

/// Formats a number the Dutch way, without trailing zeros: `2,5`.
pub fn format_number(n: Decimal) -> String {
    n.normalize().to_string().replace('.', ",")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        Decimal::from_str(s).expect("test literal")
    }

    #[test]
    fn reads_dutch_numbers() {
        assert_eq!(parse_decimal_nl("2,5", false), Some(d("2.5")));
        assert_eq!(parse_decimal_nl("2.5", false), Some(d("2.5")));
        assert_eq!(parse_decimal_nl(" 3 ", false), Some(d("3")));
        assert_eq!(parse_decimal_nl("€ 1.250,50", true), Some(d("1250.50")));
        assert_eq!(parse_decimal_nl("1.250", true), Some(d("1250")));
        assert_eq!(parse_decimal_nl("27.50", true), Some(d("27.50")));
        assert_eq!(parse_decimal_nl("€ 500,-", true), Some(d("500")));
        assert_eq!(parse_decimal_nl("twee", false), None);
        assert_eq!(parse_decimal_nl("1,2,3", false), None);
        assert_eq!(parse_decimal_nl("", false), None);
    }

    #[test]
    fn formats_euro() {
        assert_eq!(format_euro(d("1234.5")), "€ 1.234,50");
        assert_eq!(format_euro(d("27.5")), "€ 27,50");
        assert_eq!(format_euro(d("1000000")), "€ 1.000.000,00");
        assert_eq!(format_number(d("2.50")), "2,5");
    }
}
