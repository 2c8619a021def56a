//! Fixes: the change that resolves a finding, offered by the rule that reports it, only where
//! that change is mechanical and certainly right by the reference sheet (upgrade a circuit to
//! Premium where only Premium allows what it does, enable the second BGP session, give a VIF the
//! jumbo MTU of its type, move a VIF to a free VLAN). Faces show the label and apply the edit as
//! one undo step; they never make up a fix of their own.

use crate::edit::Edit;
use crate::model::{DirectConnectConnection, ExpressRouteCircuit, Link, LinkKind, Node, NodeKind};
use serde::Serialize;

/// A change that makes a finding go away.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Fix {
    /// What it does, in plain words, naming the element: "Upgrade ER-1 to Premium".
    pub label: String,
    /// The change, one undo step. Not written out: the label says what it does.
    #[serde(skip)]
    pub edit: Edit,
}

/// How a fix names a node: its name, or its id when it has none (a link: `Link::label`).
pub(super) fn shown(name: &str, id: &str) -> String {
    if name.is_empty() {
        id.to_string()
    } else {
        name.to_string()
    }
}

/// `link` as an ExpressRoute circuit changed by `change`, as one replacement of the link.
pub(super) fn er_circuit(
    link: &Link,
    change: impl FnOnce(&mut ExpressRouteCircuit),
) -> Option<Edit> {
    let mut link = link.clone();
    let LinkKind::ExpressRouteCircuit(c) = &mut link.kind else {
        return None;
    };
    change(c);
    Some(Edit::ReplaceLink { link })
}

/// `link` as a Direct Connect connection changed by `change`, as one replacement of the link.
pub(super) fn dx_connection(
    link: &Link,
    change: impl FnOnce(&mut DirectConnectConnection),
) -> Option<Edit> {
    let mut link = link.clone();
    let LinkKind::DirectConnectConnection(c) = &mut link.kind else {
        return None;
    };
    change(c);
    Some(Edit::ReplaceLink { link })
}

/// `node` as an Azure region changed by `change`, as one replacement of the node.
pub(super) fn azure_region(
    node: &Node,
    change: impl FnOnce(&mut crate::model::AzureRegion),
) -> Option<Edit> {
    let mut node = node.clone();
    let NodeKind::AzureRegion(a) = &mut node.kind else {
        return None;
    };
    change(a);
    Some(Edit::ReplaceNode { node })
}

/// The upgrade of an ExpressRoute circuit to Premium.
pub(super) fn premium(link: &Link) -> Option<Fix> {
    Some(Fix {
        label: format!("Upgrade {} to Premium", link.label()),
        edit: er_circuit(link, |c| c.sku_tier = crate::model::ErSkuTier::Premium)?,
    })
}

/// Apply every fix the rules offer on active findings at or above `min` (accepted risks are
/// left alone), checking again after each round, until none is left; answers the labels of the
/// fixes applied, in order, and the findings of the design as it is left (the last round's
/// check, so the caller need not check it again). A round applies at most one fix per element, as each fix replaces
/// its element as the check saw it; a fix the design refuses is skipped. No fix undoes another
/// (none lowers a tier, clears a session or reuses a VLAN), so rounds end; they are capped all
/// the same.
pub fn apply_fixes(
    design: &mut crate::model::Design,
    catalog: &crate::catalog::Catalog,
    min: super::Severity,
) -> (Vec<String>, super::Findings) {
    const ROUNDS: usize = 64;
    let mut applied = Vec::new();
    for _ in 0..ROUNDS {
        let found = super::check(design, catalog);
        let mut touched: std::collections::HashSet<String> = Default::default();
        let before = applied.len();
        for f in found.active().filter(|f| f.severity >= min) {
            let Some(fix) = &f.fix else { continue };
            let mut ids = Vec::new();
            if !edited(&fix.edit, &mut ids) || ids.iter().any(|id| touched.contains(id)) {
                continue;
            }
            if crate::edit::apply(design, fix.edit.clone()).is_ok() {
                touched.extend(ids);
                applied.push(fix.label.clone());
            }
        }
        if applied.len() == before {
            return (applied, found);
        }
    }
    // Stopped at the cap: the design changed since the last check.
    let found = super::check(design, catalog);
    (applied, found)
}

/// The ids of the elements `edit` replaces; false when it does anything else (a fix of another
/// kind is not applied beside others).
fn edited(edit: &Edit, ids: &mut Vec<String>) -> bool {
    match edit {
        Edit::ReplaceLink { link } => ids.push(link.id.to_string()),
        Edit::ReplaceNode { node } => ids.push(node.id.to_string()),
        Edit::Batch(edits) => return edits.iter().all(|e| edited(e, ids)),
        _ => return false,
    }
    true
}

/// Test support: every fix's edit applies, the rule that offered it no longer fires, the fixed
/// design is valid, and the edit's inverse restores the design exactly.
#[cfg(test)]
pub(crate) mod testing {
    use super::super::{Rule, check};
    use crate::model::Design;
    use crate::rules::fixture::{base, catalog};

    /// Mutate the base design with `fail`; the rule must fire and offer a fix on each finding
    /// of its own. Apply the first finding's fix: the edit is valid, undoes exactly, and the
    /// number of the rule's findings drops (to none when `fail` made only one). Returns the
    /// fixed design and the fixes' labels.
    pub(crate) fn assert_fix(rule: &Rule, fail: impl Fn(&mut Design)) -> (Design, Vec<String>) {
        let code = rule.code;
        let mut design = base();
        fail(&mut design);
        let found = check(&design, catalog());
        let hits: Vec<_> = found.items.iter().filter(|f| f.code == code).collect();
        assert!(!hits.is_empty(), "{code}: the mutation does not trigger it");
        let labels: Vec<String> = hits
            .iter()
            .map(|f| {
                f.fix
                    .as_ref()
                    .unwrap_or_else(|| panic!("{code}: no fix offered for {}", f.message))
                    .label
                    .clone()
            })
            .collect();
        let fix = hits[0].fix.clone().unwrap_or_else(|| unreachable!());
        let before = design.clone();
        let inverse = crate::edit::apply(&mut design, fix.edit.clone())
            .unwrap_or_else(|e| panic!("{code}: the fix `{}` is refused: {e}", fix.label));
        crate::design_file::check_structure(&design)
            .unwrap_or_else(|e| panic!("{code}: the fixed design is invalid: {e}"));
        let after = check(&design, catalog());
        let left = after.items.iter().filter(|f| f.code == code).count();
        assert_eq!(
            left,
            hits.len() - 1,
            "{code}: `{}` did not resolve its finding: {:#?}",
            fix.label,
            after
                .items
                .iter()
                .filter(|f| f.code == code)
                .collect::<Vec<_>>()
        );
        // A fix trades its finding for nothing else: no finding of another rule appears (or
        // changes its message) that the design did not have before; this rule's own are
        // counted above.
        let key = |f: &&crate::rules::Finding| (f.code, f.subjects.clone(), f.message.clone());
        let had: Vec<_> = found.items.iter().map(|f| key(&f)).collect();
        let new: Vec<String> = after
            .items
            .iter()
            .filter(|f| f.code != code && !had.contains(&key(f)))
            .map(|f| format!("{} {}", f.code, f.message))
            .collect();
        assert!(
            new.is_empty(),
            "{code}: `{}` brought new findings: {new:#?}",
            fix.label
        );
        // The saved and reloaded fixed design is the same design.
        let text = crate::design_file::to_string(&design)
            .unwrap_or_else(|e| panic!("{code}: the fixed design does not save: {e}"));
        let reloaded = crate::design_file::from_str(&text, std::path::Path::new("fixed.json"))
            .unwrap_or_else(|e| panic!("{code}: the fixed design does not load: {e}"));
        assert_eq!(
            reloaded, design,
            "{code}: the fixed design reloads differently"
        );
        let mut undone = design.clone();
        crate::edit::apply(&mut undone, inverse)
            .unwrap_or_else(|e| panic!("{code}: the fix's undo is refused: {e}"));
        assert_eq!(
            undone, before,
            "{code}: undoing `{}` does not restore the design",
            fix.label
        );
        (design, labels)
    }
}

#[cfg(test)]
mod tests {
    use crate::rules::RULES;

    /// A rule that offers fixes tests them: each fix must resolve its finding and undo exactly.
    #[test]
    fn every_rule_offering_fixes_tests_them() {
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/rules");
        let mut untested = Vec::new();
        let mut offering = 0;
        for rule in RULES {
            let file = folder.join(format!("{}.rs", rule.name.replace('-', "_")));
            let text = std::fs::read_to_string(&file).unwrap_or_default();
            let code: String = text
                .lines()
                .filter(|l| !l.trim_start().starts_with("//"))
                .flat_map(str::chars)
                .filter(|c| !c.is_whitespace())
                .collect();
            if code.contains("flag_with_fix(") {
                offering += 1;
                if !code.contains("assert_fix(&RULE,") {
                    untested.push(rule.code);
                }
            }
        }
        assert!(offering >= 12, "only {offering} rules offer fixes");
        assert!(untested.is_empty(), "fixes without a test: {untested:?}");
    }

    /// Applying every fix leaves no finding that offers one, each applied fix's finding gone;
    /// accepted findings and those below the severity asked for keep theirs.
    #[test]
    fn apply_fixes_fixes_what_is_offered_at_or_above_the_severity() {
        use crate::rules::Severity;
        let catalog = crate::catalog::Catalog::builtin().unwrap();
        let path =
            std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("designs/flawed-design.json");
        let design = crate::design_file::load(&path).unwrap();
        let offered = |d: &crate::model::Design, min: Severity| -> Vec<String> {
            crate::rules::check(d, &catalog)
                .active()
                .filter(|f| f.severity >= min && f.fix.is_some())
                .map(|f| f.message.clone())
                .collect()
        };
        let errors = offered(&design, Severity::Error);
        let warnings: Vec<String> = offered(&design, Severity::Info)
            .into_iter()
            .filter(|m| !errors.contains(m))
            .collect();
        assert!(!errors.is_empty() && !warnings.is_empty());

        let mut fixed = design.clone();
        let (labels, _) = super::apply_fixes(&mut fixed, &catalog, Severity::Error);
        assert!(labels.len() >= errors.len(), "{labels:?}");
        assert!(offered(&fixed, Severity::Error).is_empty());
        assert_eq!(
            offered(&fixed, Severity::Info),
            warnings,
            "warnings keep their fixes"
        );
        crate::design_file::check_structure(&fixed).unwrap();

        let (labels, _) = super::apply_fixes(&mut fixed, &catalog, Severity::Info);
        assert_eq!(labels.len(), warnings.len(), "{labels:?}");
        assert!(offered(&fixed, Severity::Info).is_empty());
        assert_eq!(
            crate::rules::check(&fixed, &catalog).excluded().count(),
            crate::rules::check(&design, &catalog).excluded().count(),
            "accepted risks stay as they are"
        );
    }

    /// On the samples, every fix offered applies, leaves a valid design without its finding,
    /// and its undo restores the design.
    #[test]
    fn fixes_on_the_samples_apply_and_undo() {
        let catalog = crate::catalog::Catalog::builtin().unwrap();
        let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("designs");
        let mut applied = 0;
        for entry in std::fs::read_dir(folder).unwrap() {
            let path = entry.unwrap().path();
            if path.extension().is_none_or(|e| e != "json") {
                continue;
            }
            let Ok(design) = crate::design_file::load(&path) else {
                continue;
            };
            let found = crate::rules::check(&design, &catalog);
            for f in found.items.iter().filter(|f| f.excluded.is_none()) {
                let Some(fix) = &f.fix else { continue };
                let mut fixed = design.clone();
                let inverse = crate::edit::apply(&mut fixed, fix.edit.clone())
                    .unwrap_or_else(|e| panic!("{}: `{}` refused: {e}", path.display(), fix.label));
                let after = crate::rules::check(&fixed, &catalog);
                assert!(
                    !after
                        .items
                        .iter()
                        .any(|g| g.code == f.code && g.message == f.message),
                    "{}: `{}` left `{}`",
                    path.display(),
                    fix.label,
                    f.message
                );
                crate::edit::apply(&mut fixed, inverse).unwrap();
                assert_eq!(fixed, design, "{}: undo of `{}`", path.display(), fix.label);
                applied += 1;
            }
        }
        assert!(applied > 0, "no sample offers a fix");
    }
}
