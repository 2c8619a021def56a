//! Snap guides: a node being dragged lines up with another node's centre when it comes within a
//! few screen points of its x or y, and a guide line shows what it lined up with. Only nodes in
//! view are looked at (what the user can see it line up with), so the work follows the view.

use crate::gui::scene::Scene;
use eframe::egui::Pos2;

/// Within this many screen points of another node's centre line, a dragged node snaps to it.
pub const SNAP_POINTS: f32 = 6.0;

/// Where a dragged node goes this frame.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Snapped {
    /// Canvas position: lined up, else on the grid (when snapping to it), else where the
    /// pointer put it.
    pub at: Pos2,
    /// The node it lined up with on each axis (x: same centre x, a vertical guide; y: same
    /// centre y, a horizontal one).
    pub with: [Option<u32>; 2],
}

/// Line `dragged`, pointed at `raw` (canvas), up with the nearest of `nodes` on each axis.
pub fn align(
    scene: &Scene,
    nodes: &[u32],
    dragged: u32,
    raw: Pos2,
    zoom: f32,
    grid: Option<f32>,
) -> Snapped {
    let reach = SNAP_POINTS / zoom.max(1e-6);
    let nearest = |axis: usize| -> Option<u32> {
        nodes
            .iter()
            .copied()
            .filter(|&n| n != dragged)
            .filter_map(|n| {
                let p = scene.pos[n as usize];
                let off = (p[axis] - raw[axis]).abs();
                (off <= reach).then(|| (off, p.distance(raw), n))
            })
            .min_by(|a, b| a.0.total_cmp(&b.0).then(a.1.total_cmp(&b.1)))
            .map(|(_, _, n)| n)
    };
    let with = [nearest(0), nearest(1)];
    let on_grid = |v: f32| grid.map_or(v, |g| (v / g).round() * g);
    let coord =
        |axis: usize| with[axis].map_or(on_grid(raw[axis]), |n| scene.pos[n as usize][axis]);
    Snapped {
        at: Pos2::new(coord(0), coord(1)),
        with,
    }
}
