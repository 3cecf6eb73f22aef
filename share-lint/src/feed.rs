//! The run's inputs on their way to the workers, in chunks: all known before the run starts, or
//! found by the walk while the first chunks are being linted.
//!
//! A chunk is the unit of hand-off: a worker takes a chunk, lints its files and sends their
//! reports to the printer at once, so the threads meet once per chunk, not once per file (a
//! meeting per file cost a quarter of a 10,000-file run; BENCHMARKS.md, "Workers render").
//! Chunks are numbered in the order they are taken, which is the order of the inputs: the
//! printer puts the reports back in order by these numbers.

use crate::input::Input;
use std::collections::VecDeque;
use std::sync::{Condvar, Mutex, MutexGuard};

/// The inputs not yet taken, shared by the walk (which adds them) and the workers.
pub(crate) struct Feed {
    state: Mutex<State>,
    changed: Condvar,
    /// The workers that take from it.
    threads: usize,
    /// The most files of a chunk.
    most: usize,
}

struct State {
    queued: VecDeque<Input>,
    /// How many inputs were added in all.
    added: usize,
    /// Whether the walk may still add inputs.
    walking: bool,
    /// How many chunks were taken.
    taken: usize,
}

impl Feed {
    /// A feed of `inputs`, all known.
    pub(crate) fn of(inputs: Vec<Input>, threads: usize, most: usize) -> Feed {
        let added = inputs.len();
        Feed::new(inputs.into(), added, false, threads, most)
    }

    /// An empty feed that the walk fills ([`add`](Self::add)) and then ends
    /// ([`end`](Self::end)).
    pub(crate) fn walking(threads: usize, most: usize) -> Feed {
        Feed::new(VecDeque::new(), 0, true, threads, most)
    }

    fn new(
        queued: VecDeque<Input>,
        added: usize,
        walking: bool,
        threads: usize,
        most: usize,
    ) -> Feed {
        Feed {
            state: Mutex::new(State {
                queued,
                added,
                walking,
                taken: 0,
            }),
            changed: Condvar::new(),
            threads: threads.max(1),
            most: most.max(1),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|p| p.into_inner())
    }

    /// Adds the inputs of `found` (the walk gives them in batches), leaving it empty.
    pub(crate) fn add(&self, found: &mut Vec<Input>) {
        if found.is_empty() {
            return;
        }
        let mut state = self.lock();
        state.added += found.len();
        state.queued.extend(found.drain(..));
        drop(state);
        self.changed.notify_all();
    }

    /// No more inputs will be added: the workers take what is left, then stop. With `abandon`,
    /// what is left is dropped (the walk failed, and the run with it).
    pub(crate) fn end(&self, abandon: bool) {
        let mut state = self.lock();
        state.walking = false;
        if abandon {
            state.queued.clear();
        }
        drop(state);
        self.changed.notify_all();
    }

    /// The next chunk and its number; `None` when every input was taken and no more will come.
    ///
    /// While the walk goes on, a chunk is [`most`](Self::new) files, taken when that many are
    /// waiting. Then, as when every input is known from the start, it is one sixteenth of a
    /// thread's share of all the inputs, between one and `most`: a small run is shared among the
    /// threads, and a large one is handed off in few chunks.
    pub(crate) fn take(&self) -> Option<(usize, Vec<Input>)> {
        let mut state = self.lock();
        loop {
            let waiting = state.queued.len();
            let size = if state.walking {
                if waiting >= self.most {
                    self.most
                } else {
                    0
                }
            } else {
                (state.added / (self.threads * 16))
                    .clamp(1, self.most)
                    .min(waiting)
            };
            if size > 0 {
                let chunk = state.queued.drain(..size).collect();
                let number = state.taken;
                state.taken += 1;
                return Some((number, chunk));
            }
            if !state.walking {
                return None;
            }
            state = self.changed.wait(state).unwrap_or_else(|p| p.into_inner());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::PathBuf;

    fn files(names: std::ops::Range<usize>) -> Vec<Input> {
        names
            .map(|i| Input::File {
                path: PathBuf::from(format!("{i:05}.json")),
                walked: true,
                config: None,
            })
            .collect()
    }

    fn names(chunk: &[Input]) -> Vec<String> {
        chunk.iter().map(Input::name).collect()
    }

    #[test]
    fn known_inputs_come_in_chunks_of_a_sixteenth_of_a_share() {
        // 1,000 files, 2 threads: chunks of 31, the last one shorter.
        let feed = Feed::of(files(0..1000), 2, 64);
        let mut seen = Vec::new();
        let mut sizes = Vec::new();
        while let Some((number, chunk)) = feed.take() {
            assert_eq!(number, sizes.len());
            sizes.push(chunk.len());
            seen.extend(names(&chunk));
        }
        assert_eq!(sizes[0], 31);
        assert_eq!(*sizes.last().unwrap(), 1000 % 31);
        assert_eq!(seen, names(&files(0..1000)));
        // Fewer files than threads: one a chunk.
        let feed = Feed::of(files(0..3), 8, 64);
        assert_eq!(feed.take().unwrap().1.len(), 1);
        // Many: at most `most`.
        let feed = Feed::of(files(0..100_000), 2, 64);
        assert_eq!(feed.take().unwrap().1.len(), 64);
    }

    #[test]
    fn walked_inputs_are_taken_in_order_while_the_walk_goes_on() {
        let feed = Feed::walking(2, 4);
        std::thread::scope(|scope| {
            let worker = scope.spawn(|| {
                let mut taken = Vec::new();
                while let Some((number, chunk)) = feed.take() {
                    taken.push((number, names(&chunk)));
                }
                taken
            });
            let mut batch = files(0..10);
            feed.add(&mut batch);
            assert!(batch.is_empty());
            feed.add(&mut files(10..11));
            feed.end(false);
            let taken = worker.join().unwrap();
            let numbers: Vec<usize> = taken.iter().map(|(n, _)| *n).collect();
            assert_eq!(numbers, (0..numbers.len()).collect::<Vec<_>>());
            let all: Vec<String> = taken.into_iter().flat_map(|(_, c)| c).collect();
            assert_eq!(all, names(&files(0..11)));
        });
    }

    #[test]
    fn a_walk_that_fails_leaves_nothing_to_take() {
        let feed = Feed::walking(2, 64);
        feed.add(&mut files(0..10));
        feed.end(true);
        assert!(feed.take().is_none());
    }
}
