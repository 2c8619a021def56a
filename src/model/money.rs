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
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{text}` is not a USD amount: expected a decimal number such as \"219.00\" or \"0.0282\" (at most 6 decimals)"
)]
pub struct UsdParseError {
    pub text: String,
}

impl FromStr for Usd {
    type Err = UsdParseError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || UsdParseError {
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
        let whole: i64 = whole.parse().map_err(|_| err())?;
        let mut fraction_micros: i64 = 0;
        for (i, b) in fraction.bytes().enumerate() {
            fraction_micros += i64::from(b - b'0') * 10_i64.pow(5 - i as u32);
        }
        let micros = whole
            .checked_mul(MICROS_PER_USD)
            .and_then(|m| m.checked_add(fraction_micros))
            .ok_or_else(err)?;
        Ok(Usd {
            micros: if negative { -micros } else { micros },
        })
    }
}

/// "$1,642.50": dollars and cents, thousands separated, rounded half up to the cent.
pub fn dollars(amount: Usd) -> String {
    let micros = amount.micros();
    let cents = (micros.abs() + 5_000) / 10_000;
    let (whole, frac) = (cents / 100, cents % 100);
    let digits = whole.to_string();
    let mut grouped = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            grouped.push(',');
        }
        grouped.push(c);
    }
    format!("{}${grouped}.{frac:02}", if micros < 0 { "-" } else { "" })
}

impl fmt::Display for Usd {
    /// At least two decimals, more only when the amount needs them: "219.00", "0.0282".
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let sign = if self.micros < 0 { "-" } else { "" };
        let abs = self.micros.unsigned_abs();
        let whole = abs / MICROS_PER_USD as u64;
        let mut fraction = format!("{:06}", abs % MICROS_PER_USD as u64);
        while fraction.len() > 2 && fraction.ends_with('0') {
            fraction.pop();
        }
        write!(f, "{sign}{whole}.{fraction}")
    }
}

impl Serialize for Usd {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
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
    fn rejects_garbage() {
        for text in ["", "abc", "1.2.3", "1.1234567", ".5", "1e3", "12,50"] {
            assert!(text.parse::<Usd>().is_err(), "{text}");
        }
    }
}

/// A percentage, exact to a millionth of a percent, written as a decimal string ("12.5").
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
    /// The amount less this percentage, rounded half up to a millionth of a dollar.
    pub fn off(self, amount: Usd) -> Usd {
        let kept = 100_000_000 - self.micros(); // (100% - p) in millionths of a percent
        let scaled = i128::from(amount.micros()) * i128::from(kept);
        let denominator: i128 = 100_000_000;
        Usd::from_micros(((scaled + denominator / 2).div_euclid(denominator)) as i64)
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
        assert_eq!(p.off("219.00".parse().unwrap()).to_string(), "197.10");
        let p: Percent = "12.5".parse().unwrap();
        assert_eq!(p.off("36.50".parse().unwrap()).to_string(), "31.9375");
        assert_eq!(p.to_string(), "12.50%");
    }
}
