//! GEN005: an AWS region node names a region code the catalog does not know (reference 4.3).
use super::prelude::*;

pub static RULE: Rule = Rule {
    code: "GEN005",
    name: "unknown-aws-region",
    default_severity: Severity::Error,
    summary: "An AWS region node names a region code that is not in the catalog.",
    hint: "Use the region code (e.g. \"us-east-1\", \"eu-central-1\").",
    reference: "reference 4.3",
    needs: Needs::Design,
    check,
};

fn check(cx: &Context, out: &mut Report) {
    for node in &cx.design.nodes {
        let Some(region) = node.as_aws() else {
            continue;
        };
        if cx.catalog.aws_region(&region.region).is_none() {
            out.flag(
                vec![node.id.to_string()],
                format!(
                    "AWS region node {} names region \"{}\", which is not in the catalog",
                    cx.name_of(node.id.as_str()),
                    region.region
                ),
            );
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
            |d| aws_mut(d, "aws").region = "us-east-7".into(),
            &["aws"],
            |d| aws_mut(d, "aws").region = "us-east-2".into(),
        );
    }
}
