//! The JSON Pointer of the value being checked, built in place as [`Context`](crate::Context)
//! steps in and out: up to 64 bytes without an allocation.
//!
//! `validate()` of a valid value builds and drops one pointer per call; as a `String` it was a
//! `malloc` and a `free` every time, the largest single cost of a small type's `validate()`
//! (callgrind, BENCHMARKS.md "The path built in place"). Pointers longer than 64 bytes spill to
//! the heap (see [`Pointer`] for the choice of `arrayvec`).

use arrayvec::ArrayString;

/// Bytes kept in place before the pointer moves to the heap: room for every pointer of the
/// payload model (`/channelObject/thumbImage` is 25).
const INLINE: usize = 64;

/// A JSON Pointer under construction: in place while it fits, then on the heap.
///
/// `arrayvec`'s `ArrayString` rather than `smallvec`'s `SmallVec<[u8; 64]>`: its
/// `extend_from_slice` (an insert at the end, with `memmove`) made `validate()` of a small valid
/// type 20 % slower than the `String` it replaced (callgrind: 2,222 instructions against 1,857),
/// and bytes would need a UTF-8 check each time a violation reads the pointer (`unsafe` is
/// forbidden here); an `ArrayString` is a `str` already and its push, inlined, is a copy of a
/// known length.
#[derive(Clone)]
pub(crate) enum Pointer {
    Inline(ArrayString<INLINE>),
    Heap(String),
}

impl Default for Pointer {
    fn default() -> Self {
        Pointer::Inline(ArrayString::new())
    }
}

/// `/0` to `/9`: the index of most items, pushed as one short `str`.
const SMALL_INDEXES: [&str; 10] = ["/0", "/1", "/2", "/3", "/4", "/5", "/6", "/7", "/8", "/9"];

impl Pointer {
    /// A pointer starting as `prefix`.
    pub(crate) fn from_str(prefix: &str) -> Self {
        let mut p = Pointer::default();
        p.push_str(prefix);
        p
    }

    /// The pointer as text.
    pub(crate) fn as_str(&self) -> &str {
        match self {
            Pointer::Inline(s) => s,
            Pointer::Heap(s) => s,
        }
    }

    /// Its length in bytes, to [`truncate`](Self::truncate) back to.
    #[inline]
    pub(crate) fn len(&self) -> usize {
        match self {
            Pointer::Inline(s) => s.len(),
            Pointer::Heap(s) => s.len(),
        }
    }

    /// Back to an earlier length (at a boundary it had before).
    #[inline]
    pub(crate) fn truncate(&mut self, len: usize) {
        match self {
            Pointer::Inline(s) => s.truncate(len),
            Pointer::Heap(s) => s.truncate(len),
        }
    }

    /// Appends `text` as it is (already escaped).
    #[inline]
    pub(crate) fn push_str(&mut self, text: &str) {
        match self {
            Pointer::Inline(s) => {
                if s.try_push_str(text).is_err() {
                    self.spill(text);
                }
            }
            Pointer::Heap(s) => s.push_str(text),
        }
    }

    /// Moves to the heap, with `text` after what is there.
    #[cold]
    fn spill(&mut self, text: &str) {
        let mut heap = String::with_capacity(2 * (self.len() + text.len()));
        heap.push_str(self.as_str());
        heap.push_str(text);
        *self = Pointer::Heap(heap);
    }

    /// Appends `/` and `key`, escaped (`~` as `~0`, `/` as `~1`).
    pub(crate) fn push_key(&mut self, key: &str) {
        self.push_str("/");
        if !key.bytes().any(|b| b == b'~' || b == b'/') {
            self.push_str(key);
            return;
        }
        for piece in key.split_inclusive(['~', '/']) {
            match piece.as_bytes().last() {
                Some(b'~') => {
                    self.push_str(&piece[..piece.len() - 1]);
                    self.push_str("~0");
                }
                Some(b'/') => {
                    self.push_str(&piece[..piece.len() - 1]);
                    self.push_str("~1");
                }
                _ => self.push_str(piece),
            }
        }
    }

    /// Appends `/` and `index`.
    #[inline]
    pub(crate) fn push_index(&mut self, index: usize) {
        match SMALL_INDEXES.get(index) {
            // Most items: two bytes, copied without a call once inlined.
            Some(segment) => self.push_str(segment),
            None => {
                use std::fmt::Write as _;
                // Writing to a pointer cannot fail.
                let _ = write!(self, "/{index}");
            }
        }
    }
}

impl std::fmt::Write for Pointer {
    fn write_str(&mut self, text: &str) -> std::fmt::Result {
        self.push_str(text);
        Ok(())
    }
}

impl std::fmt::Debug for Pointer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Debug::fmt(self.as_str(), f)
    }
}

#[cfg(test)]
mod tests {
    use super::Pointer;

    #[test]
    fn keys_are_escaped_and_indexes_written_in_full() {
        let mut p = Pointer::default();
        p.push_key("a/b~c");
        p.push_index(7);
        p.push_index(1234567);
        p.push_index(usize::MAX);
        p.push_key("");
        p.push_key("标题");
        assert_eq!(
            p.as_str(),
            format!("/a~1b~0c/7/1234567/{}//标题", usize::MAX)
        );
    }

    #[test]
    fn long_pointers_spill_and_truncate_back() {
        let mut p = Pointer::from_str("/x");
        let mark = p.len();
        for i in 0..100 {
            p.push_key("channelObject");
            p.push_index(i);
        }
        assert!(p.as_str().len() > 64);
        p.truncate(mark);
        assert_eq!(p.as_str(), "/x");
    }
}
