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
        for vif in v.connection.vifs.iter().filter(|x| x.sitelink) {
            let partition = v.region_info.map_or("aws", |r| r.partition.as_str());
            let why = if vif.vif_type == VifType::Public {
                Some("public VIFs cannot use SiteLink")
            } else if vif.vif_type == VifType::Private
                && v.region.attachment == AwsAttachment::VirtualPrivateGateway
            {
                Some("a private VIF attached directly to a VGW cannot use SiteLink")
            } else if partition != "aws" {
                Some("SiteLink is not offered outside the commercial partition")
            } else {
                None
            };
            if let Some(why) = why {
                out.flag(
                    vec![v.link.id.to_string()],
                    format!(
                        "SiteLink on VIF \"{}\" of {}: {why}",
                        vif.name,
                        cx.name_of(v.link.id.as_str())
                    ),
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
}
