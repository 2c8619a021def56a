#!/usr/bin/env python3
"""The same N-1 as `linkwright resilience`, written with NetworkX: the yardstick of issue #13.

Rerun the comparison (release binary, a generated design; `pip install networkx`):

    cargo build --release --no-default-features
    target/release/linkwright generate --sites 10000 --seed 1 -o /tmp/gen-10000.json
    /usr/bin/time -f '%e s %M KB' target/release/linkwright resilience /tmp/gen-10000.json >/dev/null
    /usr/bin/time -f '%e s %M KB' python3 benches/networkx_n1.py /tmp/gen-10000.json

and, to check that both find the same failures (links and nodes only; linkwright also fails
shared-risk groups such as providers and metros, which this script does not model):

    target/release/linkwright resilience --format json /tmp/gen-10000.json > /tmp/r.json
    python3 benches/networkx_n1.py /tmp/gen-10000.json --compare /tmp/r.json

Input: the design file itself (the JSON that `generate` and Save write), so no export step.

What it does, per demand (site -> cloud region), as linkwright's N-1 does:
- the local graph: the site, the transit vertices (colocation facilities, fabric routers)
  reachable from it through transit vertices, and the region; every link among them is an
  undirected edge with its capacity (parallel links add up);
- a Direct Connect connection into a region behind a Direct Connect gateway ends at the gateway,
  which for this demand *is* its region (traffic never transits a gateway); an ExpressRoute
  circuit into an Azure region with a gateway ends at the gateway, joined to the region by one
  edge of the SKU's throughput (the ceiling);
- intact max-flow (`networkx.maximum_flow_value`), then one max-flow for each single link and
  single node failure in the local graph (not the site or region themselves: those are
  inherent). An ExpressRoute circuit with both BGP sessions is two connections, so its single
  failure removes nothing and is not run (as in linkwright).

Not modelled (the generated designs use none of them): ExpressRoute Metro circuits, SiteLink,
Transit Gateway peering, VPN gateway ceilings and the private-before-VPN route preference
(which does not change the max-flow value), shared-risk groups (edge routers, AWS devices,
MSEE pairs, buildings, metros, providers, fabric zones, risk groups). The script reruns every
failure (no caching of equal failures, no skipping of failures that miss the intact flow),
which is what a straightforward script does; linkwright does both.

Prints the demand count, the sum of intact capacities, the number of (demand, failure) pairs
that cut capacity and of single points of failure, and the time of loading and of the analysis.
"""

import argparse
import json
import sys
import time
from collections import defaultdict

import networkx as nx

ER_GATEWAY_MBPS = {
    "standard": 1_000,
    "er_gw1_az": 1_000,
    "high_performance": 2_000,
    "er_gw2_az": 2_000,
    "ultra_performance": 10_000,
    "er_gw3_az": 10_000,
}
VPN_TUNNEL_MBPS = 1_250
VPN_LARGE_TUNNEL_MBPS = 5_000


def kind_of(element):
    (name, body), = element["kind"].items()
    return name, body


def link_capacity(kind, body):
    if kind == "direct_connect_connection":
        return body["capacity_mbps"] * max(body.get("lag_members", 1), 1)
    if kind == "site_to_site_vpn":
        per = VPN_LARGE_TUNNEL_MBPS if body.get("large_tunnels") else VPN_TUNNEL_MBPS
        tunnels = body.get("tunnels", 2)
        usable = tunnels if body.get("on_transit_gateway") else 1
        return min(per * min(usable, tunnels), body["bandwidth_mbps"])
    return body["bandwidth_mbps"]


def er_gateway_mbps(gateway):
    sku = gateway["sku"]
    if sku == "er_gw_scale":
        units = gateway.get("scale_units")
        return None if units is None else 1_000 * min(max(units, 1), 40)
    return ER_GATEWAY_MBPS.get(sku)


def load(path):
    with open(path, encoding="utf-8") as f:
        return json.load(f)["design"]


class Net:
    """The design as vertices and links; links keep their ids for failures."""

    def __init__(self, design):
        self.kind = {}
        self.transit = set()
        self.dx_gateway = {}  # AWS region id -> gateway vertex
        self.gateway_regions = defaultdict(set)  # gateway vertex -> AWS region ids
        self.er_gateway = {}  # Azure region id -> (gateway vertex, Mbps)
        for n in design["nodes"]:
            kind, body = kind_of(n)
            self.kind[n["id"]] = kind
            if kind in ("colocation_facility", "fabric_router"):
                self.transit.add(n["id"])
            elif kind == "aws_region":
                gw = (body.get("dx_gateway") or "").strip().lower()
                if gw and body.get("attachment") != "virtual_private_gateway":
                    v = ("dxgw", gw)
                    self.dx_gateway[n["id"]] = v
                    self.gateway_regions[v].add(n["id"])
            elif kind == "azure_region" and body.get("gateway"):
                mbps = er_gateway_mbps(body["gateway"])
                if mbps is not None:
                    self.er_gateway[n["id"]] = (("ergw", n["id"]), mbps)
        # Links at each vertex: (link id, other end, capacity, fails alone).
        self.at = defaultdict(list)
        for link in design["links"]:
            kind, body = kind_of(link)
            a, b = link["a"], link["b"]
            if a not in self.kind or b not in self.kind:
                continue
            if body.get("metro_secondary_facility"):
                continue  # not modelled (see the header)

            def end(x):
                if kind == "direct_connect_connection" and x in self.dx_gateway:
                    return self.dx_gateway[x]
                if kind == "express_route_circuit" and x in self.er_gateway:
                    return self.er_gateway[x][0]
                return x

            a, b = end(a), end(b)
            cap = link_capacity(kind, body)
            fails = not (kind == "express_route_circuit" and body.get("redundant_bgp"))
            self.at[a].append((link["id"], b, cap, fails))
            self.at[b].append((link["id"], a, cap, fails))

    def local(self, site, region):
        """The demand's local graph: vertices and links (id, u, v, capacity, fails alone)."""
        sink = {region}
        for gw in [self.dx_gateway.get(region)]:
            if gw is not None:
                sink.add(gw)
        seen = {site}
        order = [site]
        i = 0
        while i < len(order):
            v = order[i]
            i += 1
            if v != site and v not in self.transit:
                continue
            for _, w, _, _ in self.at[v]:
                if w in self.transit and w not in seen and w not in sink:
                    seen.add(w)
                    order.append(w)
        gateway = self.er_gateway.get(region)
        vertices = set(order) | {region}
        if gateway is not None:
            vertices.add(gateway[0])
        links = []
        done = set()
        for v in list(vertices) + list(sink - vertices):
            for link_id, w, cap, fails in self.at[v]:
                if link_id in done:
                    continue
                u, w = ("region" if v in sink else v), ("region" if w in sink else w)
                if w not in vertices and w != "region":
                    continue
                done.add(link_id)
                links.append((link_id, u, w, cap, fails))
        if gateway is not None:
            links.append((None, gateway[0], "region", gateway[1], False))
        return vertices, links


def max_flow(links, site, removed_link=None, removed_node=None):
    g = nx.DiGraph()
    for link_id, u, v, cap, _ in links:
        if link_id is not None and link_id == removed_link:
            continue
        if removed_node is not None and removed_node in (u, v):
            continue
        for x, y in ((u, v), (v, u)):
            if g.has_edge(x, y):
                g[x][y]["capacity"] += cap
            else:
                g.add_edge(x, y, capacity=cap)
    if site not in g or "region" not in g:
        return 0
    return nx.maximum_flow_value(g, site, "region")


def analyse(design):
    net = Net(design)
    results = {}
    for demand in design["demands"]:
        site, region = demand["site"], demand["region"]
        if net.kind.get(site) != "on_prem_site" or net.kind.get(region) not in (
            "azure_region",
            "aws_region",
        ):
            continue
        _, links = net.local(site, region)
        intact = max_flow(links, site)
        failures = {}
        if intact > 0:
            for link_id, _, _, _, fails in links:
                if link_id is not None and fails:
                    r = max_flow(links, site, removed_link=link_id)
                    if r < intact:
                        failures["link:" + link_id] = r
            nodes = {x for _, u, v, _, _ in links for x in (u, v)}
            for v in nodes:
                if v in (site, "region") or not isinstance(v, str):
                    continue
                r = max_flow(links, site, removed_node=v)
                if r < intact:
                    failures["node:" + v] = r
        results[demand["id"]] = (intact, failures)
    return results


def compare(results, path):
    """Check the results against `linkwright resilience --format json` (link and node domains)."""
    with open(path, encoding="utf-8") as f:
        ours = json.load(f)
    kinds = {d["id"]: d["kind"] for d in ours["domains"]}
    mismatches = 0
    for d in ours["demands"]:
        intact, failures = results.get(d["demand"], (0, {}))
        theirs = {}
        for s in d["single_failures"]:
            (domain,) = s["domains"]
            if kinds[domain] in ("link", "node"):
                theirs[domain] = s["residual_mbps"]
        if intact != d["intact_mbps"] or theirs != failures:
            mismatches += 1
            if mismatches <= 5:
                print(
                    f"mismatch {d['demand']}: networkx {intact} {failures}, "
                    f"linkwright {d['intact_mbps']} {theirs}",
                    file=sys.stderr,
                )
    print(f"compared {len(ours['demands'])} demands: {mismatches} mismatch(es)")
    return mismatches


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("design")
    parser.add_argument("--compare", metavar="RESILIENCE_JSON")
    args = parser.parse_args()
    t0 = time.perf_counter()
    design = load(args.design)
    t1 = time.perf_counter()
    results = analyse(design)
    t2 = time.perf_counter()
    cut = sum(len(f) for _, f in results.values())
    spofs = sum(1 for _, f in results.values() for r in f.values() if r == 0)
    print(f"demands: {len(results)}")
    print(f"sum of intact capacity: {sum(i for i, _ in results.values())} Mbps")
    print(f"single link/node failures that cut capacity: {cut}, single points of failure: {spofs}")
    print(f"load {t1 - t0:.2f} s, N-1 {t2 - t1:.2f} s")
    if args.compare:
        sys.exit(1 if compare(results, args.compare) else 0)


if __name__ == "__main__":
    main()
