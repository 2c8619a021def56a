//! Exact money: USD held as integer micro-dollars, written as a decimal string ("219.00",
//! "0.0282"). Never binary floating point.

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::str::FromStr;

/// An amount of US dollars, exact to a millionth of a dollar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct Usd {
    micros: i64,
}

const MICROS_PER_USD: i64 = 1_000_000;

/// The largest amount a design, price book or price page may state: one trillion dollars
/// (10^18 micro-dollars), in either sign. Larger amounts are refused where they are read, so a
/// stated amount always fits; sums and products of them are checked where they are computed
/// (`checked_add`, `checked_mul`), and a result out of range is reported, never wrapped.
pub const MAX_STATED_USD: Usd = Usd {
    micros: 1_000_000_000_000 * MICROS_PER_USD,
};

impl Usd {
    pub const ZERO: Usd = Usd { micros: 0 };
    pub const fn from_micros(micros: i64) -> Self {
        Self { micros }
    }
    pub const fn from_cents(cents: i64) -> Self {
        Self {
            micros: cents * 10_000,
        }
    }
    pub const fn micros(self) -> i64 {
        self.micros
    }
    /// The sum, or `None` when it is out of range.
    pub fn checked_add(self, other: Usd) -> Option<Usd> {
        self.micros.checked_add(other.micros).map(Usd::from_micros)
    }
    /// The difference, or `None` when it is out of range.
    pub fn checked_sub(self, other: Usd) -> Option<Usd> {
        self.micros.checked_sub(other.micros).map(Usd::from_micros)
    }
    /// `n` times the amount, or `None` when it is out of range.
    pub fn checked_mul(self, n: u64) -> Option<Usd> {
        i64::try_from(n)
            .ok()
            .and_then(|n| self.micros.checked_mul(n))
            .map(Usd::from_micros)
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum UsdParseError {
    #[error(
        "`{text}` is not a USD amount: expected a decimal number such as \"219.00\" or \"0.0282\" (at most 6 decimals)"
    )]
    Syntax { text: String },
    #[error(
        "`{text}` is out of range: amounts of at most 1,000,000,000,000 US dollars (either sign) are accepted"
    )]
    OutOfRange { text: String },
}

impl FromStr for Usd {
    type Err = UsdParseError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || UsdParseError::Syntax {
            text: text.to_owned(),
        };
        let out_of_range = || UsdParseError::OutOfRange {
            text: text.to_owned(),
        };
        let (negative, digits) = match text.strip_prefix('-') {
            Some(rest) => (true, rest),
            None => (false, text),
        };
        let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
        let all_digits = |s: &str| s.bytes().all(|b| b.is_ascii_digit());
        if whole.is_empty() || !all_digits(whole) || !all_digits(fraction) || fraction.len() > 6 {
            return Err(err());
        }
        // Only digits are left, so a failed parse means too many of them.
        let whole: i64 = whole.parse().map_err(|_| out_of_range())?;
        let mut fraction_micros: i64 = 0;
        for (i, b) in fraction.bytes().enumerate() {
            fraction_micros += i64::from(b - b'0') * 10_i64.pow(5 - i as u32);
        }
        let micros = whole
            .checked_mul(MICROS_PER_USD)
            .and_then(|m| m.checked_add(fraction_micros))
            .filter(|&m| m <= MAX_STATED_USD.micros)
            .ok_or_else(out_of_range)?;
        Ok(Usd {
            micros: if negative { -micros } else { micros },
        })
    }
}

/// "$1,642.50": dollars and cents, thousands separated, rounded half up to the cent.
pub fn dollars(amount: Usd) -> String {
    let mut out = String::with_capacity(32);
    push_dollars(&mut out, amount);
    out
}

/// [`dollars`] appended to `out` (a large bill writes 800,000 of them).
pub fn push_dollars(out: &mut String, amount: Usd) {
    let micros = amount.micros();
    let cents = (micros.unsigned_abs() + 5_000) / 10_000;
    let (whole, frac) = (cents / 100, cents % 100);
    if micros < 0 {
        out.push('-');
    }
    out.push('$');
    push_thousands(out, whole);
    out.push('.');
    out.push(char::from(b'0' + (frac / 10) as u8));
    out.push(char::from(b'0' + (frac % 10) as u8));
}

/// "1 item", "2,345 items": a count with thousands separated and its noun, singular or plural
/// as the count needs (never "item(s)").
pub fn count(n: usize, one: &str, many: &str) -> String {
    let mut out = String::with_capacity(one.len().max(many.len()) + 8);
    push_thousands(&mut out, n as u64);
    out.push(' ');
    out.push_str(if n == 1 { one } else { many });
    out
}

/// Appends `n` with a comma between thousands ("1,642"), without an allocation of its own
/// (a large bill formats a few of these per line).
pub fn push_thousands(out: &mut String, n: u64) {
    let mut digits = [0u8; 20];
    let mut len = 0;
    let mut rest = n;
    loop {
        digits[len] = b'0' + (rest % 10) as u8;
        len += 1;
        rest /= 10;
        if rest == 0 {
            break;
        }
    }
    for i in (0..len).rev() {
        out.push(char::from(digits[i]));
        if i > 0 && i % 3 == 0 {
            out.push(',');
        }
    }
}

impl Usd {
    /// The amount as `Display` shows it, written into `buf` (from its end) without the
    /// formatting machinery: a large bill shows half a million unit prices, and its JSON
    /// writes every amount.
    fn plain(self, buf: &mut [u8; 24]) -> &str {
        let abs = self.micros.unsigned_abs();
        let whole = abs / MICROS_PER_USD as u64;
        let mut fraction = abs % MICROS_PER_USD as u64;
        let mut digits = 6;
        while digits > 2 && fraction % 10 == 0 {
            fraction /= 10;
            digits -= 1;
        }
        // At most 1 + 13 + 1 + 6 bytes: a sign, the whole dollars of i64::MIN micro-dollars,
        // the point and six decimals.
        let mut at = buf.len();
        let mut push = |b: u8| {
            at -= 1;
            buf[at] = b;
        };
        for _ in 0..digits {
            push(b'0' + (fraction % 10) as u8);
            fraction /= 10;
        }
        push(b'.');
        let mut rest = whole;
        loop {
            push(b'0' + (rest % 10) as u8);
            rest /= 10;
            if rest == 0 {
                break;
            }
        }
        if self.micros < 0 {
            push(b'-');
        }
        // Only ASCII digits, a point and a minus sign were written.
        std::str::from_utf8(&buf[at..]).unwrap_or_default()
    }
}

impl fmt::Display for Usd {
    /// At least two decimals, more only when the amount needs them: "219.00", "0.0282".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.plain(&mut [0; 24]))
    }
}

impl Serialize for Usd {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.plain(&mut [0; 24]))
    }
}

impl<'de> Deserialize<'de> for Usd {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Usd {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Usd".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^-?[0-9]+(\\.[0-9]{1,6})?$",
            "description": "US dollars as a decimal string, e.g. \"219.00\""
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_and_prints_exactly() {
        for (text, micros, shown) in [
            ("219.00", 219_000_000, "219.00"),
            ("0.0282", 28_200, "0.0282"),
            ("2.142", 2_142_000, "2.142"),
            ("5", 5_000_000, "5.00"),
            ("-1.5", -1_500_000, "-1.50"),
        ] {
            let usd: Usd = text.parse().unwrap();
            assert_eq!(usd.micros(), micros);
            assert_eq!(usd.to_string(), shown);
        }
    }

    #[test]
    fn dollars_are_grouped_by_thousands_and_rounded_to_the_cent() {
        for (micros, shown) in [
            (0, "$0.00"),
            (4_999, "$0.00"),
            (5_000, "$0.01"),
            (999_994_999, "$999.99"),
            (999_995_000, "$1,000.00"),
            (1_642_500_000, "$1,642.50"),
            (123_456_789_012_345, "$123,456,789.01"),
            (-1_642_500_000, "-$1,642.50"),
            (i64::MAX, "$9,223,372,036,854.78"),
            (i64::MIN, "-$9,223,372,036,854.78"),
        ] {
            assert_eq!(dollars(Usd::from_micros(micros)), shown, "{micros}");
        }
        for (n, shown) in [
            (0, "0"),
            (999, "999"),
            (1_000, "1,000"),
            (100_000, "100,000"),
            (u64::MAX, "18,446,744,073,709,551,615"),
        ] {
            let mut out = String::new();
            push_thousands(&mut out, n);
            assert_eq!(out, shown);
        }
        assert_eq!(
            Usd::from_micros(i64::MIN).to_string(),
            "-9223372036854.775808"
        );
        assert_eq!(Usd::from_micros(10).to_string(), "0.00001");
        // As `{sign}{whole}.{fraction:0digits$}` shows them.
        for micros in [
            0,
            1,
            -1,
            10,
            120_000,
            -120_000,
            219_000_000,
            28_200,
            1_727_800_000,
            999_999,
            1_000_000,
            123_456_789_012,
            i64::MAX,
            i64::MIN,
        ] {
            let abs = micros.unsigned_abs();
            let (whole, mut fraction, mut digits) = (abs / 1_000_000, abs % 1_000_000, 6);
            while digits > 2 && fraction % 10 == 0 {
                fraction /= 10;
                digits -= 1;
            }
            let sign = if micros < 0 { "-" } else { "" };
            let expected = format!("{sign}{whole}.{fraction:0digits$}");
            assert_eq!(Usd::from_micros(micros).to_string(), expected);
            assert_eq!(
                serde_json::to_string(&Usd::from_micros(micros)).unwrap(),
                format!("\"{expected}\"")
            );
        }
    }

    #[test]
    fn amounts_beyond_a_trillion_dollars_are_refused_with_a_clear_message() {
        assert_eq!(
            "1000000000000".parse::<Usd>().unwrap(),
            MAX_STATED_USD,
            "the bound itself is accepted"
        );
        assert!("-1000000000000".parse::<Usd>().is_ok());
        for text in [
            "1000000000000.000001",
            "-1000000000001",
            "9223372036854",
            "99999999999999999999999",
        ] {
            let err = text.parse::<Usd>().unwrap_err();
            assert!(err.to_string().contains("out of range"), "{text}: {err}");
            assert!(err.to_string().contains("1,000,000,000,000"), "{err}");
        }
        let err = serde_json::from_str::<Usd>("\"5000000000000\"").unwrap_err();
        assert!(err.to_string().contains("out of range"), "{err}");
    }

    #[test]
    fn checked_arithmetic_reports_overflow() {
        let max = Usd::from_micros(i64::MAX);
        assert_eq!(max.checked_add(Usd::from_micros(1)), None);
        assert_eq!(MAX_STATED_USD.checked_mul(12), None);
        assert_eq!(
            Usd::from_micros(-1).checked_sub(max),
            Some(Usd::from_micros(i64::MIN))
        );
        assert_eq!(
            Usd::from_cents(100).checked_mul(3),
            Some(Usd::from_cents(300))
        );
    }

    #[test]
    fn rejects_garbage() {
        for text in ["", "abc", "1.2.3", "1.1234567", ".5", "1e3", "12,50"] {
            assert!(text.parse::<Usd>().is_err(), "{text}");
        }
    }
}

/// A percentage, exact to a millionth of a percent, written as a decimal string ("12.5").
/// A design's discounts are checked to be 0–100% at load (`design_file::structure`).
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize, Deserialize,
)]
#[serde(transparent)]
pub struct Percent(Usd);

impl Percent {
    /// Millionths of a percent.
    pub const fn micros(self) -> i64 {
        self.0.micros()
    }
    /// The amount less this percentage, rounded half up to a millionth of a dollar; `None` when
    /// the result is out of range (only possible for a percentage outside 0–100, which loading
    /// a design refuses).
    pub fn off(self, amount: Usd) -> Option<Usd> {
        let kept = 100_000_000 - self.micros(); // (100% - p) in millionths of a percent
        let scaled = i128::from(amount.micros()) * i128::from(kept);
        let denominator: i128 = 100_000_000;
        i64::try_from((scaled + denominator / 2).div_euclid(denominator))
            .ok()
            .map(Usd::from_micros)
    }
}

impl FromStr for Percent {
    type Err = UsdParseError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        text.parse().map(Percent)
    }
}

impl fmt::Display for Percent {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = self.0.to_string();
        let s = s.strip_suffix(".00").unwrap_or(&s);
        write!(f, "{s}%")
    }
}

impl JsonSchema for Percent {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Percent".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "pattern": "^[0-9]+(\\.[0-9]{1,6})?$",
            "description": "A percentage as a decimal string, e.g. \"12.5\""
        })
    }
}

#[cfg(test)]
mod percent_tests {
    use super::*;

    #[test]
    fn discount_is_exact() {
        let p: Percent = "10".parse().unwrap();
        assert_eq!(
            p.off("219.00".parse().unwrap()).unwrap().to_string(),
            "197.10"
        );
        let p: Percent = "12.5".parse().unwrap();
        assert_eq!(
            p.off("36.50".parse().unwrap()).unwrap().to_string(),
            "31.9375"
        );
        assert_eq!(p.to_string(), "12.50%");
    }

    #[test]
    fn a_discount_out_of_range_is_none_not_a_wrapped_figure() {
        let p: Percent = "-1000000000000".parse().unwrap();
        assert_eq!(p.off(super::MAX_STATED_USD), None);
        let p: Percent = "100".parse().unwrap();
        assert_eq!(p.off(super::MAX_STATED_USD), Some(Usd::ZERO));
    }
}
