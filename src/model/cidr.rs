//! IPv4/IPv6 prefixes in CIDR notation ("10.0.0.0/16", "2001:db8::/32").

use schemars::JsonSchema;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use std::fmt;
use std::net::IpAddr;
use std::str::FromStr;

/// An IP prefix. Keeps the text as written so a file re-saves byte for byte.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Cidr {
    text: String,
    addr: IpAddr,
    prefix_len: u8,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "`{text}` is not a CIDR prefix: expected an address and a length such as \"10.0.0.0/16\" or \"2001:db8::/32\""
)]
pub struct CidrError {
    pub text: String,
}

impl Cidr {
    pub fn addr(&self) -> IpAddr {
        self.addr
    }
    pub fn prefix_len(&self) -> u8 {
        self.prefix_len
    }
    pub fn is_ipv4(&self) -> bool {
        self.addr.is_ipv4()
    }
    fn bits(&self) -> u32 {
        if self.is_ipv4() { 32 } else { 128 }
    }
    /// The address as a 128-bit number (IPv4 in the low 32 bits).
    fn value(&self) -> u128 {
        match self.addr {
            IpAddr::V4(a) => u128::from(u32::from(a)),
            IpAddr::V6(a) => u128::from(a),
        }
    }
    /// First and last address of the prefix, as numbers in the prefix's family.
    pub fn range(&self) -> (u128, u128) {
        let host_bits = self.bits() - u32::from(self.prefix_len);
        let host_mask: u128 = if host_bits == 0 {
            0
        } else if host_bits >= 128 {
            u128::MAX
        } else {
            (1u128 << host_bits) - 1
        };
        let start = self.value() & !host_mask;
        (start, start | host_mask)
    }
    /// True when the address has bits set beyond the prefix length (e.g. 10.1.2.3/16).
    pub fn has_host_bits(&self) -> bool {
        self.range().0 != self.value()
    }
    /// The prefix with its host bits cleared: 10.30.5.0/24 for 10.30.5.9/24; the prefix itself
    /// (as written) when it has none.
    pub fn network(&self) -> Cidr {
        if !self.has_host_bits() {
            return self.clone();
        }
        let start = self.range().0;
        let addr = match self.addr {
            // The range of an IPv4 prefix is within the low 32 bits.
            IpAddr::V4(_) => IpAddr::V4(std::net::Ipv4Addr::from(start as u32)),
            IpAddr::V6(_) => IpAddr::V6(std::net::Ipv6Addr::from(start)),
        };
        Cidr {
            text: format!("{addr}/{}", self.prefix_len),
            addr,
            prefix_len: self.prefix_len,
        }
    }
    /// True when the two prefixes share at least one address (same family only).
    pub fn overlaps(&self, other: &Cidr) -> bool {
        if self.is_ipv4() != other.is_ipv4() {
            return false;
        }
        let (a0, a1) = self.range();
        let (b0, b1) = other.range();
        a0 <= b1 && b0 <= a1
    }
}

impl FromStr for Cidr {
    type Err = CidrError;
    fn from_str(text: &str) -> Result<Self, Self::Err> {
        let err = || CidrError {
            text: text.to_owned(),
        };
        let (addr, len) = text.split_once('/').ok_or_else(err)?;
        let addr: IpAddr = addr.parse().map_err(|_| err())?;
        if len.is_empty() || !len.bytes().all(|b| b.is_ascii_digit()) {
            return Err(err());
        }
        let prefix_len: u8 = len.parse().map_err(|_| err())?;
        let max = if addr.is_ipv4() { 32 } else { 128 };
        if prefix_len > max {
            return Err(err());
        }
        Ok(Cidr {
            text: text.to_owned(),
            addr,
            prefix_len,
        })
    }
}

impl fmt::Display for Cidr {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.text)
    }
}

impl Serialize for Cidr {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(&self.text)
    }
}

impl<'de> Deserialize<'de> for Cidr {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

impl JsonSchema for Cidr {
    fn schema_name() -> std::borrow::Cow<'static, str> {
        "Cidr".into()
    }
    fn json_schema(_: &mut schemars::SchemaGenerator) -> schemars::Schema {
        schemars::json_schema!({
            "type": "string",
            "description": "IPv4 or IPv6 prefix in CIDR notation, e.g. \"10.0.0.0/16\""
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn c(s: &str) -> Cidr {
        s.parse().unwrap()
    }

    #[test]
    fn network_clears_the_host_bits() {
        assert_eq!(c("10.30.5.9/24").network().to_string(), "10.30.5.0/24");
        assert_eq!(c("10.1.2.3/16").network().to_string(), "10.1.0.0/16");
        assert_eq!(c("2001:db8::1/32").network().to_string(), "2001:db8::/32");
        assert_eq!(c("10.0.0.0/8").network().to_string(), "10.0.0.0/8");
        assert_eq!(c("0.0.0.0/0").network().to_string(), "0.0.0.0/0");
        assert!(!c("10.30.5.9/24").network().has_host_bits());
    }

    #[test]
    fn overlap_and_containment() {
        assert!(c("10.0.0.0/8").overlaps(&c("10.20.0.0/16")));
        assert!(!c("10.0.0.0/16").overlaps(&c("10.1.0.0/16")));
        assert!(c("0.0.0.0/0").overlaps(&c("192.168.1.0/24")));
        assert!(!c("10.0.0.0/8").overlaps(&c("fd00::/8")));
        assert!(c("2001:db8::/32").overlaps(&c("2001:db8:1::/48")));
        assert!(c("::/0").overlaps(&c("2001:db8::/32")));
    }

    #[test]
    fn host_bits_and_errors() {
        assert!(c("10.1.2.3/16").has_host_bits());
        assert!(!c("10.1.0.0/16").has_host_bits());
        for bad in [
            "10.0.0.0",
            "10.0.0.0/33",
            "10.0.0/8",
            "x/8",
            "10.0.0.0/-1",
            "::/129",
        ] {
            assert!(bad.parse::<Cidr>().is_err(), "{bad}");
        }
    }
}
