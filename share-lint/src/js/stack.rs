//! How much stack parsing a script may take, and a thread that has it.
//!
//! `oxc_parser` and `oxc_semantic` recurse once per level of nesting and have no limit of their
//! own: `[[[[…` 100,000 deep overflows any default stack, which aborts the process. So each
//! script block is parsed on a thread whose stack is sized from the block's text before it is
//! parsed: an upper bound of what the deepest nesting that text can spell needs. Measured on
//! oxc 0.96 (unoptimized, the costlier build; a probe program, per level of nesting): an array or
//! parenthesis 2.1 KiB a byte (`[`), an object 3 KiB for `{a:`, a template 2.6 KiB for `` `${ ``,
//! a type argument 3.1 KiB for `A<`, a unary operator 540 B a byte (`!`), `new ` 860 B,
//! `keyof ` 490 B, `.b` 630 B, `if(a)` 370 B. The bound below charges 3 KiB for every bracket,
//! 4 KiB for every `<`, 640 B for every other punctuation byte and 256 B for every other byte,
//! which covers each of those.
//!
//! The stack is reserved, not used: the pages a normal file never reaches cost nothing. A block
//! whose bound passes `MAX_STACK`, 2 GiB (a minified bundle of several megabytes) is not parsed: one
//! finding says so. A run's workers are started with [`WORKER_STACK`] and say so
//! ([`on_worker_stack`]): a block whose bound fits there (a script of up to about 20 KiB of
//! brackets) is parsed on the worker itself, without starting a thread.

use std::cell::Cell;

/// The stack a run's workers are started with (reserved, not used).
pub const WORKER_STACK: usize = 64 << 20;

/// What a worker's own work may take of its stack before a parse starts: the run, the engine
/// and the front end's frames.
const WORKER_OWN: usize = 4 << 20;

thread_local! {
    /// The stack this thread has for a parse: 0 unless it said otherwise.
    static ROOM: Cell<usize> = const { Cell::new(0) };
}

/// Says that the current thread was started with a stack of [`WORKER_STACK`] bytes: scripts
/// whose bound fits are parsed on it.
pub fn on_worker_stack() {
    ROOM.with(|room| room.set(WORKER_STACK - WORKER_OWN));
}

/// Whether a parse that may need `need` bytes of stack fits on the current thread.
pub(super) fn fits_here(need: usize) -> bool {
    ROOM.with(|room| need <= room.get())
}

/// The largest stack a script block's parse may reserve: 2 GiB.
pub(super) const MAX_STACK: usize = 2 << 30;

/// What a thread needs besides the parse's recursion.
const BASE: usize = 2 << 20;

/// An upper bound of the stack that parsing `text` may need.
pub(super) fn bound(text: &[u8]) -> usize {
    text.iter().fold(BASE, |total, &b| {
        total.saturating_add(match b {
            b'(' | b'[' | b'{' => 3 << 10,
            b'<' => 4 << 10,
            b'!' | b'~' | b'+' | b'-' | b'=' | b'?' | b':' | b'>' | b'&' | b'|' | b'*' | b'/'
            | b'%' | b'^' | b',' | b'.' | b'`' | b'$' | b'@' | b'#' => 640,
            _ => 256,
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn brackets_cost_most() {
        assert_eq!(bound(b""), BASE);
        assert_eq!(bound(b"[[") - BASE, 6 << 10);
        assert_eq!(bound(b"!a") - BASE, 640 + 256);
        assert_eq!(bound(b"A<") - BASE, 256 + (4 << 10));
    }
}
