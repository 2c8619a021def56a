//! The designer's analyses of one revision (findings, failure analysis, cost, what-if), and the
//! thread that computes them for large designs so that opening or editing one never freezes the
//! window: a 100,000-site design takes seconds to analyse, and the canvas is drawn meanwhile.

use crate::catalog::Catalog;
use crate::costing::{Costing, Options, UserBook};
use crate::model::Design;
use crate::resilience::{Analysis, Depth};
use crate::rules::{Findings, Severity};
use eframe::egui;
use std::sync::mpsc;

/// From this many elements (nodes, links, demands) the analyses run on a thread. Below, they
/// take well under a frame's worth of patience (a 1,000-site design, ~5,400 elements, ~30 ms)
/// and run at once, which keeps every result in step with the edit that caused it.
pub const BACKGROUND_FROM: usize = 20_000;

/// The key of [`Analyses::empty`]: no revision has it.
const PLACEHOLDER: (u64, u64) = (u64::MAX, u64::MAX);

/// Analyses of one revision of the design.
pub struct Analyses {
    /// The (generation, revision) they are of.
    pub(super) key: (u64, u64),
    pub findings: Findings,
    /// Active findings per severity (by `Severity as usize`), counted once: the status bar
    /// and the Problems tab read them every frame.
    counts: [usize; 3],
    /// The most severe finding per element id, for the canvas badges.
    pub badges: std::collections::HashMap<String, Severity>,
    pub resilience: Analysis,
    pub gateways: Vec<crate::resilience::GatewayIndex>,
    pub cost: Costing,
    pub what_if: crate::costing::whatif::WhatIf,
}

impl Analyses {
    pub fn compute(design: &Design, catalog: &Catalog, book: &UserBook, key: (u64, u64)) -> Self {
        let crate::analyses::Analyses {
            findings,
            resilience,
            gateways,
            cost,
            what_if,
        } = crate::analyses::run(design, catalog, book, Options::default(), Depth::Single);
        Analyses {
            key,
            counts: [Severity::Info, Severity::Warning, Severity::Error].map(|s| findings.count(s)),
            badges: findings.worst_by_subject(),
            findings,
            resilience,
            gateways,
            cost,
            what_if,
        }
    }

    /// What is shown before the first analysis of a large design finishes: nothing found, no
    /// cost (an empty design's analyses, under a key no revision has).
    pub fn empty(catalog: &Catalog, book: &UserBook) -> Self {
        Self::compute(&Design::new(""), catalog, book, PLACEHOLDER)
    }

    /// How many active findings have severity `s` (counted when the analyses were made).
    pub fn count(&self, s: Severity) -> usize {
        self.counts[s as usize]
    }

    /// Whether these are the stand-in shown before a large design's first analysis finishes.
    pub fn is_placeholder(&self) -> bool {
        self.key == PLACEHOLDER
    }
}

/// One analysis running on its own thread.
pub struct Background {
    receiver: mpsc::Receiver<Analyses>,
}

impl Background {
    /// Start analysing `design` (a copy: the window keeps editing its own).
    pub fn spawn(
        design: Design,
        catalog: Catalog,
        book: UserBook,
        key: (u64, u64),
        repaint: Option<egui::Context>,
    ) -> Self {
        let (sender, receiver) = mpsc::channel();
        std::thread::spawn(move || {
            let analyses = Analyses::compute(&design, &catalog, &book, key);
            // The window may be gone (or have opened another design); then nobody listens.
            let _ = sender.send(analyses);
            if let Some(ctx) = repaint {
                ctx.request_repaint();
            }
        });
        Background { receiver }
    }

    /// `Some(result)` once the thread has finished (`Some(None)`: it ended without a result),
    /// `None` while it runs.
    pub fn finished(&mut self) -> Option<Option<Analyses>> {
        match self.receiver.try_recv() {
            Ok(a) => Some(Some(a)),
            Err(mpsc::TryRecvError::Empty) => None,
            Err(mpsc::TryRecvError::Disconnected) => Some(None),
        }
    }
}
