//! The page's stylesheet, inline in its head: the PDF's colours and font (DejaVu Sans first,
//! as the SVG export), one readable column that narrows to a phone's width, tables that scroll
//! sideways on a small screen rather than squeeze their columns to a word a line, and print
//! rules (the paper size, landscape pages for the sections the PDF sets landscape, headers
//! repeated, rows unbroken, the topology kept to one page: the SVG keeps its proportions inside
//! a smaller box).

use crate::diagram::svg::{FONT_STACK, hex};
use crate::look;
use crate::model::NodeKindTag;
use crate::report::Paper;
use crate::report::pdf::{GREY, GROUP_FILL, HEADER_FILL, INK, RULE};

pub(super) fn css(paper: Paper) -> String {
    let paper = match paper {
        Paper::A4 => "A4",
        Paper::Letter => "letter",
    };
    let azure = hex(look::node_rgb(NodeKindTag::AzureRegion));
    let aws = hex(look::node_rgb(NodeKindTag::AwsRegion));
    let (ink, grey, rule) = (hex(INK), hex(GREY), hex(RULE));
    let (header, group) = (hex(HEADER_FILL), hex(GROUP_FILL));
    format!(
        r#"html {{ -webkit-text-size-adjust: 100%; text-size-adjust: 100%; }}
body {{ margin: 0 auto; max-width: 60rem; padding: 0 1.25rem 2rem; font-family: {FONT_STACK}; font-size: 15px; line-height: 1.45; color: {ink}; background: #ffffff; }}
h1, h2, h3 {{ line-height: 1.2; }}
h1 {{ font-size: 2rem; margin: 0.2rem 0 1.2rem; overflow-wrap: anywhere; }}
h2 {{ font-size: 1.45rem; margin: 2.5rem 0 0.8rem; padding-bottom: 0.35rem; border-bottom: 1px solid {rule}; }}
h3 {{ font-size: 1.1rem; margin: 1.6rem 0 0.5rem; }}
p, ul, ol {{ margin: 0 0 0.75rem; }}
a {{ color: {azure}; }}
.cover .band {{ height: 8px; margin: 0 -1.25rem 2.5rem; background: linear-gradient(to right, {azure} 50%, {aws} 50%); }}
.kicker {{ color: {grey}; font-size: 1.05rem; margin: 0; }}
.figures {{ display: grid; grid-template-columns: repeat(auto-fill, minmax(16rem, 1fr)); gap: 0.65rem; margin: 0 0 1.5rem; }}
.figure {{ background: {group}; border-left: 5px solid {grey}; padding: 0.6rem 0.8rem; break-inside: avoid; }}
.figure .label, .figure .detail {{ color: {grey}; font-size: 0.82rem; }}
.figure .value {{ font-size: 1.45rem; font-weight: bold; margin: 0.15rem 0; overflow-wrap: anywhere; }}
.facts {{ margin: 0 0 1rem; font-size: 0.9rem; }}
.facts div {{ display: grid; grid-template-columns: minmax(8rem, 15rem) 1fr; gap: 0.75rem; padding: 0.2rem 0; }}
.facts dt {{ font-weight: bold; }}
.facts dd {{ margin: 0; }}
.contents ol {{ padding-left: 1.5rem; list-style: none; }}
.contents li {{ margin: 0.2rem 0; }}
.note {{ color: {grey}; font-size: 0.82rem; }}
.table-wrap {{ overflow-x: auto; margin: 0 0 1rem; }}
table {{ border-collapse: collapse; width: 100%; font-size: 0.8rem; }}
th, td {{ padding: 0.3rem 0.4rem; text-align: left; vertical-align: top; border-bottom: 1px solid {rule}; }}
thead th {{ background: {header}; }}
.num {{ text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }}
tr.group th {{ background: {group}; }}
tr.subtotal td {{ font-weight: bold; }}
tr.total td {{ font-weight: bold; border-top: 1.5px solid {ink}; }}
.badge {{ display: inline-block; width: 0.6rem; height: 0.6rem; margin-right: 0.35rem; vertical-align: baseline; }}
a.cite {{ text-decoration: none; }}
ol.recommendations {{ list-style: none; padding: 0; counter-reset: recommendation; }}
ol.recommendations li {{ counter-increment: recommendation; position: relative; padding-left: 2.2rem; margin-bottom: 0.8rem; min-height: 1.6rem; }}
ol.recommendations li::before {{ content: counter(recommendation); position: absolute; left: 0; top: 0; width: 1.5rem; height: 1.5rem; line-height: 1.5rem; border-radius: 50%; background: {azure}; color: #ffffff; font-weight: bold; font-size: 0.85rem; text-align: center; }}
ol.recommendations .detail {{ color: {grey}; font-size: 0.9rem; }}
figure {{ margin: 0.5rem 0 1.25rem; }}
figcaption {{ font-weight: bold; margin-bottom: 0.4rem; }}
figure svg {{ display: block; max-width: 100%; height: auto; }}
figure.diagram svg {{ max-height: 90vh; }}
figure.sketch {{ max-width: 34rem; }}
figure.sketch svg {{ max-height: 40vh; }}
.page-footer {{ margin-top: 3rem; padding-top: 0.5rem; border-top: 1px solid {rule}; color: {grey}; font-size: 0.8rem; }}
@media (max-width: 40rem) {{
  body {{ font-size: 14px; padding: 0 0.75rem 1.5rem; }}
  .cover .band {{ margin: 0 -0.75rem 1.5rem; }}
  h1 {{ font-size: 1.6rem; }}
  .facts div {{ grid-template-columns: 1fr; gap: 0; padding: 0.3rem 0; }}
  table {{ min-width: 34rem; }}
}}
@page {{ size: {paper}; margin: 15mm; }}
@page landscape {{ size: {paper} landscape; }}
@media print {{
  body {{ max-width: none; padding: 0; font-size: 10pt; }}
  a {{ color: inherit; text-decoration: none; }}
  .cover .band {{ margin: 0 0 1.5rem; }}
  section {{ break-before: page; }}
  section.landscape {{ page: landscape; }}
  h2, h3, figcaption {{ break-after: avoid; }}
  .table-wrap {{ overflow: visible; }}
  thead {{ display: table-header-group; }}
  tr, figure, .figure {{ break-inside: avoid; }}
  figure.diagram svg {{ max-height: 150mm; }}
}}
"#
    )
}
