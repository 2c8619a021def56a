//! One list of indices per key, stored in one array: the adjacency of the network, the links
//! at each node, the failure domains of each link. Large designs have tens of thousands of
//! keys with one or two entries each, which separate vectors would allocate one by one.

/// `items[offsets[k]..offsets[k + 1]]` are key `k`'s entries.
pub struct Lists {
    offsets: Vec<u32>,
    items: Vec<u32>,
}

impl Lists {
    /// For keys `0..keys`, the indices of the `groups` that name each key, in group order (a
    /// group naming a key twice is listed twice).
    pub fn invert<G>(keys: usize, groups: impl Iterator<Item = G> + Clone) -> Lists
    where
        G: IntoIterator<Item = usize>,
    {
        let mut offsets = vec![0u32; keys + 1];
        for group in groups.clone() {
            for k in group {
                offsets[k + 1] += 1;
            }
        }
        for k in 0..keys {
            offsets[k + 1] += offsets[k];
        }
        let mut fill = offsets.clone();
        let mut items = vec![0u32; offsets[keys] as usize];
        for (g, group) in groups.enumerate() {
            for k in group {
                items[fill[k] as usize] = g as u32;
                fill[k] += 1;
            }
        }
        Lists { offsets, items }
    }

    /// Key `key`'s entries.
    pub fn of(&self, key: usize) -> &[u32] {
        &self.items[self.offsets[key] as usize..self.offsets[key + 1] as usize]
    }

    /// Every entry, key by key.
    pub fn all(&self) -> &[u32] {
        &self.items
    }

    /// Where key `key`'s entries sit in [`Lists::all`].
    pub fn range(&self, key: usize) -> std::ops::Range<usize> {
        self.offsets[key] as usize..self.offsets[key + 1] as usize
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn each_key_lists_the_groups_that_name_it_in_order() {
        let groups = [vec![0, 2], vec![2], vec![], vec![1, 1]];
        let lists = super::Lists::invert(4, groups.iter().map(|g| g.iter().copied()));
        assert_eq!(lists.of(0), &[0]);
        assert_eq!(lists.of(1), &[3, 3]);
        assert_eq!(lists.of(2), &[0, 1]);
        assert!(lists.of(3).is_empty());
        assert_eq!(lists.all(), &[0, 3, 3, 0, 1]);
        assert_eq!(lists.range(2), 3..5);
    }
}
