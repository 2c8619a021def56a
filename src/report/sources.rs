//! Price sources as numbered notes: the bill of materials cites a line's source as "[3]", and
//! the Sources appendix lists note 3 — what the source is, when it was read, how far to trust
//! it, in words — the way a document cites its references, instead of codes in every row.

use super::*;

/// One source behind priced lines: a catalog or price-book source read on one date, a quote
/// recorded in the design, or costs entered on the elements.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) struct Source<'c> {
    pub key: &'c str,
    pub as_of: &'c str,
    pub confidence: &'c str,
    pub layer: Layer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Layer {
    Catalog,
    UserBook,
    Quote,
    Entered,
}

impl Layer {
    pub fn label(self) -> &'static str {
        match self {
            Layer::Catalog => "built-in catalog",
            Layer::UserBook => "user price book",
            Layer::Quote => "quote in the design",
            Layer::Entered => "cost entered on the element",
        }
    }
}

impl<'c> Source<'c> {
    fn of(p: &'c Provenance) -> Source<'c> {
        let layer = match p {
            Provenance::Catalog { .. } => Layer::Catalog,
            Provenance::UserBook { .. } => Layer::UserBook,
            Provenance::DesignQuote { .. } => Layer::Quote,
            Provenance::UserEntered => Layer::Entered,
        };
        let (key, as_of, confidence) = match p {
            Provenance::Catalog {
                source,
                as_of,
                confidence,
                ..
            }
            | Provenance::UserBook {
                source,
                as_of,
                confidence,
                ..
            } => (source.as_str(), as_of.as_str(), confidence.as_str()),
            // Each quote its own note, named by its note.
            Provenance::DesignQuote { note } => (note.as_str(), "", ""),
            Provenance::UserEntered => ("", "", ""),
        };
        Source {
            key,
            as_of,
            confidence,
            layer,
        }
    }
}

/// How far a source's confidence code can be trusted, in words.
pub(super) fn confidence_words(code: &str) -> &str {
    match code {
        "OFF" => "official (the provider's own page)",
        "OFF-copy" => "official (a copy of the provider's page)",
        "3P" => "third party",
        crate::costing::book::SECONDARY => {
            "secondary source (a third party's restructuring of the provider's price data)"
        }
        "DER" => "derived from the other sources",
        "" => "as stated by the user",
        other => other,
    }
}

/// The sources of a bill, numbered from 1 in the order the bill of materials first cites them.
pub(super) struct SourceNotes<'c> {
    notes: Vec<(Source<'c>, usize)>,
    number: FxHashMap<Source<'c>, usize>,
}

impl<'c> SourceNotes<'c> {
    /// `items` in the order the bill lists them.
    pub fn of<'i>(items: impl IntoIterator<Item = &'i LineItem>) -> SourceNotes<'c>
    where
        'i: 'c,
    {
        let mut notes = SourceNotes {
            notes: Vec::new(),
            number: FxHashMap::default(),
        };
        // Consecutive lines mostly share one provenance: looked up once per change.
        let mut last: Option<(&Provenance, usize)> = None;
        for i in items {
            let Some(p) = i.provenance.as_deref() else {
                continue;
            };
            let n = match last {
                Some((q, n)) if std::ptr::eq(q, p) => n,
                _ => {
                    let source = Source::of(p);
                    let next = notes.notes.len() + 1;
                    let n = *notes.number.entry(source).or_insert(next);
                    if n == next {
                        notes.notes.push((source, 0));
                    }
                    n
                }
            };
            notes.notes[n - 1].1 += 1;
            last = Some((p, n));
        }
        notes
    }

    /// The note a line cites: "[3]", or None for an unpriced line.
    pub fn cite(&self, i: &LineItem) -> Option<String> {
        self.cite_provenance(i.provenance.as_deref()?)
    }

    /// The note of lines priced from `p`.
    pub fn cite_provenance(&self, p: &Provenance) -> Option<String> {
        self.number.get(&Source::of(p)).map(|n| format!("[{n}]"))
    }

    /// (number, source, lines citing it), in number order.
    pub fn iter(&self) -> impl Iterator<Item = (usize, &Source<'c>, usize)> {
        self.notes
            .iter()
            .enumerate()
            .map(|(i, (s, lines))| (i + 1, s, *lines))
    }

    pub fn is_empty(&self) -> bool {
        self.notes.is_empty()
    }
}

/// The lines of a bill in the order the bill of materials lists them: by cloud, then category,
/// each in the costing's order.
pub(super) fn bill_order(cost: &crate::costing::Costing) -> Vec<&LineItem> {
    let mut items: Vec<&LineItem> = cost.items.iter().collect();
    items.sort_by_key(|i| (i.biller, i.category));
    items
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::sync::Arc;

    fn line(p: Option<Arc<Provenance>>) -> LineItem {
        LineItem {
            element: "x".into(),
            category: Category::DirectConnectPorts,
            biller: Biller::Aws,
            site: None,
            meter: "aws.dx.port.dedicated",
            description: String::new(),
            quantity_milli: 730_000,
            unit: crate::model::PriceUnit::Hour,
            unit_price: None,
            discount: None,
            monthly: None,
            provenance: p,
            unpriced_reason: None,
        }
    }

    fn catalog(source: &str, as_of: &str) -> Arc<Provenance> {
        Arc::new(Provenance::Catalog {
            id: "e".into(),
            source: source.into(),
            as_of: as_of.into(),
            confidence: "OFF".into(),
            reference: String::new(),
            note: String::new(),
        })
    }

    #[test]
    fn sources_are_numbered_in_the_order_first_cited_and_read_dates_tell_them_apart() {
        let a = catalog("DX-PRICE", "2026-09-20");
        let b = catalog("INFRACOST", "2026-08-21");
        // The same source read on another date is another note; an equal provenance in
        // another allocation is the same note.
        let a_later = catalog("DX-PRICE", "2026-10-01");
        let items = [
            line(Some(b.clone())),
            line(Some(a.clone())),
            line(None),
            line(Some(catalog("INFRACOST", "2026-08-21"))),
            line(Some(a_later)),
            line(Some(Arc::new(Provenance::UserEntered))),
        ];
        let notes = SourceNotes::of(&items);
        let cites: Vec<Option<String>> = items.iter().map(|i| notes.cite(i)).collect();
        assert_eq!(
            cites,
            [
                Some("[1]".into()),
                Some("[2]".into()),
                None,
                Some("[1]".into()),
                Some("[3]".into()),
                Some("[4]".into()),
            ]
        );
        let listed: Vec<(usize, &str, usize)> = notes
            .iter()
            .map(|(n, s, lines)| (n, s.key, lines))
            .collect();
        assert_eq!(
            listed,
            [
                (1, "INFRACOST", 2),
                (2, "DX-PRICE", 1),
                (3, "DX-PRICE", 1),
                (4, "", 1)
            ]
        );
    }

    #[test]
    fn confidence_codes_read_as_words() {
        assert_eq!(confidence_words("3P"), "third party");
        assert!(confidence_words("OFF").starts_with("official"));
        assert!(confidence_words("secondary").starts_with("secondary source"));
    }
}
