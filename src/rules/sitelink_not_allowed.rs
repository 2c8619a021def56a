//! DX015: SiteLink runs on transit VIFs and on private VIFs attached to a Direct Connect
//! gateway; not on a private VIF attached directly to a VGW, not on public VIFs, not in
//! GovCloud or China (DX-SL-1, DX-UG WorkingWithVirtualInterfaces).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "DX015",
    name: "sitelink-not-allowed",
    default_severity: Severity::Error,
    summary: "SiteLink is enabled on a VIF that cannot use it (public VIF, private VIF straight to a VGW, or outside the commercial partition).",
    hint: "Attach the VIF through a Direct Connect gateway, or turn SiteLink off.",
    reference: "DX-SL-1 (DX-UG WorkingWithVirtualInterfaces)",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for v in &cx.dx_connections {
        for (i, vif) in v.connection.vifs.iter().enumerate().filter(|(_, x)| x.sitelink) {
            let partition = v.region_info.map_or("aws", |r| r.partition.as_str());
            // Turning SiteLink off is the fix where nothing else lets the VIF use it; a private
            // VIF on a VGW could instead be attached through a Direct Connect gateway.
            let (why, off) = if vif.vif_type == VifType::Public {
                (Some("public VIFs cannot use SiteLink"), true)
            } else if vif.vif_type == VifType::Private
                && v.region.attachment == AwsAttachment::VirtualPrivateGateway
            {
                (
                    Some("a private VIF attached directly to a VGW cannot use SiteLink"),
                    false,
                )
            } else if partition != "aws" {
                (
                    Some("SiteLink is not offered outside the commercial partition"),
                    true,
                )
            } else {
                (None, false)
            };
            if let Some(why) = why {
                let fix = off
                    .then(|| {
                        let edit = fix::dx_connection(v.link, |c| {
                            if let Some(x) = c.vifs.get_mut(i) {
                                x.sitelink = false;
                            }
                        })?;
                        Some(Fix {
                            label: format!(
                                "Turn SiteLink off on VIF \"{}\" of {}",
                                vif.name,
                                v.link.label()
                            ),
                            edit,
                        })
                    })
                    .flatten();
                out.flag_with_fix(
                    vec![v.link.id.to_string()],
                    format!(
                        "SiteLink on VIF \"{}\" of {}: {why}",
                        vif.name,
                        cx.name_of(v.link.id.as_str())
                    ),
                    fix,
                );
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::fixture::*;

    #[test]
    fn flags_its_fixture_and_not_the_clean_twin() {
        assert_fixture(
            &RULE,
            |d| {
                aws_mut(d, "aws").attachment = AwsAttachment::VirtualPrivateGateway;
                let v = &mut dx_mut(d, "dx-1").vifs[0];
                v.vif_type = VifType::Private;
                v.mtu = 1500;
                v.sitelink = true;
            },
            &["dx-1"],
            |d| dx_mut(d, "dx-1").vifs[0].sitelink = true,
        );
    }

    #[test]
    fn turning_it_off_resolves_it_where_nothing_else_would() {
        let (_, labels) = fix::testing::assert_fix(&RULE, |d| {
            let v = &mut dx_mut(d, "dx-1").vifs[0];
            v.vif_type = VifType::Public;
            v.mtu = 1500;
            v.sitelink = true;
        });
        assert_eq!(labels, ["Turn SiteLink off on VIF \"transit\" of dx-1"]);
        // A private VIF on a VGW can keep SiteLink through a Direct Connect gateway instead:
        // the architect chooses.
        let mut d = base();
        aws_mut(&mut d, "aws").attachment = AwsAttachment::VirtualPrivateGateway;
        let v = &mut dx_mut(&mut d, "dx-1").vifs[0];
        v.vif_type = VifType::Private;
        v.mtu = 1500;
        v.sitelink = true;
        let found = crate::rules::check(&d, catalog());
        let f = found.items.iter().find(|f| f.code == RULE.code).unwrap();
        assert_eq!(f.fix, None);
    }
}
