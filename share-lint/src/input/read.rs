//! Reading an input under its size cap: a path named (whatever kind of file it is), a file the
//! walk found (only if it is still a regular file when opened), standard input; a regular file
//! in one `read` where the kernel allows, into memory not zeroed first.

use crate::open::{open_input, Wait};
use crate::stream::{opens_array, STREAM_FROM};
use std::fs::File;
use std::io::{self, Read};
use std::path::Path;

/// What reading an input under its cap gave.
#[derive(Debug, PartialEq, Eq)]
pub(super) enum Capped {
    /// All of it.
    Bytes(Vec<u8>),
    /// It is over the cap: its size when known (a regular file's, from `fstat`; nothing was
    /// read), or `None` when it was read up to one byte past the cap and no further (a stream,
    /// or a file that grew while it was read).
    TooLarge(Option<u64>, Vec<u8>),
}

/// A file read, or opened to be read in pieces.
#[derive(Debug)]
pub(super) enum Opened {
    Capped(Capped),
    /// The file, and its first bytes, which open an array.
    Stream(File, Vec<u8>),
}

/// Bytes read to tell whether a large file's value is an array.
const SNIFF_BYTES: u64 = 64 * 1024;

/// Reads a path named on the command line, whatever kind of file it is (a FIFO waits for its
/// writer, as `cat` does); also says whether it is a regular file.
pub(super) fn read_named(path: &Path, cap: u64, stream: bool) -> io::Result<(Opened, bool)> {
    let file = open_input(path, Wait::Yes)?;
    let meta = file.metadata()?;
    let regular = meta.is_file();
    if regular {
        return Ok((read_regular(file, meta.len(), cap, stream)?, true));
    }
    Ok((Opened::Capped(read_capped(file, cap)?), false))
}

/// Reads a file the walk found, if it is a regular file when opened: opened without waiting on
/// it and checked on the descriptor, so a FIFO or device swapped in after the walk returns
/// `None` at once instead of blocking the run.
pub(super) fn read_walked(path: &Path, cap: u64, stream: bool) -> io::Result<Option<Opened>> {
    let file = open_input(path, Wait::No)?;
    let meta = file.metadata()?;
    if !meta.is_file() {
        return Ok(None);
    }
    read_regular(file, meta.len(), cap, stream).map(Some)
}

/// Reads a regular file of `size` bytes under the cap, unless (with `stream`) it is large and
/// its value is an array, to be read in pieces.
fn read_regular(mut file: File, size: u64, cap: u64, stream: bool) -> io::Result<Opened> {
    if !stream || size < STREAM_FROM {
        return Ok(Opened::Capped(read_sized_capped(
            file,
            Vec::new(),
            size,
            cap,
        )?));
    }
    let mut prefix = Vec::new();
    (&mut file).take(SNIFF_BYTES).read_to_end(&mut prefix)?;
    if opens_array(&prefix) {
        return Ok(Opened::Stream(file, prefix));
    }
    Ok(Opened::Capped(read_sized_capped(file, prefix, size, cap)?))
}

/// Reads at most `cap + 1` bytes of `reader`, whose size is not known (a stream).
pub(super) fn read_capped(reader: impl Read, cap: u64) -> io::Result<Capped> {
    capped(reader, Vec::new(), cap)
}

/// Reads at most `cap + 1` bytes of a regular file of `size` bytes (as `fstat` said), after the
/// bytes already `read` of it; a size over the cap reads nothing.
fn read_sized_capped(
    mut file: impl ReadSpare,
    read: Vec<u8>,
    size: u64,
    cap: u64,
) -> io::Result<Capped> {
    if size > cap {
        return Ok(Capped::TooLarge(Some(size), Vec::new()));
    }
    match usize::try_from(size) {
        Ok(size) => match read_sized(&mut file, read, size)? {
            (bytes, true) => capped(io::empty(), bytes, cap),
            // Grown since `fstat`: read on, under the cap.
            (bytes, false) => capped(file, bytes, cap),
        },
        Err(_) => capped(file, read, cap),
    }
}

/// `bytes`, then what is left of `reader`, up to one byte past the cap: what is over it says so.
fn capped(reader: impl Read, mut bytes: Vec<u8>, cap: u64) -> io::Result<Capped> {
    // `take`: a stream that never ends, or a file that grows while it is read, stops at the cap.
    let rest = cap.saturating_add(1).saturating_sub(bytes.len() as u64);
    reader.take(rest).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > cap {
        return Ok(Capped::TooLarge(None, bytes));
    }
    Ok(Capped::Bytes(bytes))
}

/// A reader that reads into the spare capacity of a `Vec`, extending it by what it read.
trait ReadSpare: Read {
    /// Reads at most `bytes`' spare capacity onto its end, as [`Read::read`] reads into a
    /// slice: returns how many bytes were read, 0 at the end.
    fn read_spare(&mut self, bytes: &mut Vec<u8>) -> io::Result<usize>;
}

/// Straight into the spare capacity, not zeroed first: the zeroed allocation took 3.2% of the
/// samples of a 10,000-file run (BENCHMARKS.md, issue 14's tenth session), and `std` has no
/// stable way to read into memory not yet written (`Read::read_buf` is unstable); rustix's
/// `read` into `spare_capacity` is that way, sound.
#[cfg(unix)]
impl ReadSpare for File {
    fn read_spare(&mut self, bytes: &mut Vec<u8>) -> io::Result<usize> {
        Ok(rustix::io::read(
            &*self,
            rustix::buffer::spare_capacity(bytes),
        )?)
    }
}

/// Through `read_to_end`, which fills memory not yet written without zeroing it but learns of
/// the end only from one more call that returns nothing.
#[cfg(not(unix))]
impl ReadSpare for File {
    fn read_spare(&mut self, bytes: &mut Vec<u8>) -> io::Result<usize> {
        let spare = bytes.capacity() - bytes.len();
        self.take(spare as u64).read_to_end(bytes)
    }
}

impl<R: ReadSpare + ?Sized> ReadSpare for &mut R {
    fn read_spare(&mut self, bytes: &mut Vec<u8>) -> io::Result<usize> {
        (**self).read_spare(bytes)
    }
}

/// Reads a file of `size` bytes (as `fstat` said), after the bytes already `read` of it, in as
/// few `read` calls as the kernel allows: into a buffer of `size + 1` bytes (`read_to_end`
/// without a size hint reads 8, 16, then 32 KiB at a time: a third call for most payload files,
/// 7,700 more calls on 10,000 files; BENCHMARKS.md), not zeroed first ([`ReadSpare`]).
///
/// On Unix, usually one call: a read that stops short of the buffer exactly at `size` has met the
/// end `fstat` gave, as a read of a regular file stops short only at its end; a second call,
/// returning nothing, would only say so again (10,000 calls on 10,000 files; BENCHMARKS.md,
/// issue 14's ninth session). A read that stops short before `size` (a file system that returns
/// less than asked, a file cut since) is followed by more, to the end. Also says whether the end
/// was read: a file that grew since `fstat` fills the buffer and is read on by the caller —
/// unless a file system that returns less than asked stops a read exactly at `size`: then the
/// file is read as `fstat` saw it.
fn read_sized(
    reader: &mut impl ReadSpare,
    mut bytes: Vec<u8>,
    size: usize,
) -> io::Result<(Vec<u8>, bool)> {
    bytes.reserve_exact(size.saturating_add(1).saturating_sub(bytes.len()));
    // Past `size`: grown since.
    while bytes.len() <= size {
        match reader.read_spare(&mut bytes) {
            Ok(0) => return Ok((bytes, true)),
            // Short of the buffer (`size + 1`) by one: the end `fstat` said.
            Ok(_) if bytes.len() == size => return Ok((bytes, true)),
            Ok(_) => {}
            Err(e) if e.kind() == io::ErrorKind::Interrupted => {}
            Err(e) => return Err(e),
        }
    }
    Ok((bytes, false))
}

#[cfg(all(test, unix))]
mod tests {
    use super::*;
    use std::process::Command;
    use std::time::{Duration, Instant};

    /// A regular file read by its size, then grown before the read: read whole (the read of one
    /// byte more than `fstat`'s size says there is more).
    #[test]
    fn a_regular_file_grown_since_its_size_is_read_on() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.json");
        std::fs::write(&path, vec![b'x'; 20_000]).unwrap();
        let file = File::open(&path).unwrap();
        let size = file.metadata().unwrap().len();
        std::fs::write(&path, vec![b'y'; 50_000]).unwrap();
        assert_eq!(
            read_sized_capped(file, Vec::new(), size, 1 << 20).unwrap(),
            Capped::Bytes(vec![b'y'; 50_000])
        );
        // And as `fstat` said, in one call, what has not changed.
        let file = File::open(&path).unwrap();
        let mut file = Counted { file, calls: 0 };
        let read = read_sized_capped(&mut file, Vec::new(), 50_000, 1 << 20).unwrap();
        assert_eq!((read, file.calls), (Capped::Bytes(vec![b'y'; 50_000]), 1));
        // After bytes already read (the sniff of a large file).
        let mut file = File::open(&path).unwrap();
        let mut prefix = vec![0; 1_000];
        file.read_exact(&mut prefix).unwrap();
        assert_eq!(
            read_sized_capped(file, prefix, 50_000, 1 << 20).unwrap(),
            Capped::Bytes(vec![b'y'; 50_000])
        );
    }

    /// A file whose reads into spare capacity are counted.
    struct Counted {
        file: File,
        calls: usize,
    }

    impl Read for Counted {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.file.read(buf)
        }
    }

    impl ReadSpare for Counted {
        fn read_spare(&mut self, bytes: &mut Vec<u8>) -> io::Result<usize> {
            self.calls += 1;
            self.file.read_spare(bytes)
        }
    }

    #[test]
    fn the_walks_reader_skips_a_fifo_at_once() {
        let dir = tempfile::tempdir().unwrap();
        let fifo = dir.path().join("x.json");
        assert!(Command::new("mkfifo")
            .arg(&fifo)
            .status()
            .unwrap()
            .success());
        // No writer ever comes: a reader that waited would never return.
        let start = Instant::now();
        assert_eq!(read_walked(&fifo, 100, true).unwrap().map(capped), None);
        assert!(start.elapsed() < Duration::from_secs(5));
        // A device too: `/dev/zero` would otherwise be read up to the cap.
        assert_eq!(
            read_walked(Path::new("/dev/zero"), 100, true)
                .unwrap()
                .map(capped),
            None
        );

        let file = dir.path().join("a.json");
        std::fs::write(&file, "{}").unwrap();
        assert_eq!(
            read_walked(&file, 100, true).unwrap().map(capped),
            Some(Capped::Bytes(b"{}".to_vec()))
        );
        assert_eq!(
            read_walked(&file, 1, true).unwrap().map(capped),
            Some(Capped::TooLarge(Some(2), Vec::new()))
        );
    }

    /// A reader of `data` that gives at most `step` bytes a call, and counts its calls.
    struct Trickle<'a> {
        data: &'a [u8],
        step: usize,
        calls: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
            self.calls += 1;
            let n = buf.len().min(self.step).min(self.data.len());
            buf[..n].copy_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    impl ReadSpare for Trickle<'_> {
        fn read_spare(&mut self, bytes: &mut Vec<u8>) -> io::Result<usize> {
            self.calls += 1;
            let spare = bytes.capacity() - bytes.len();
            let n = spare.min(self.step).min(self.data.len());
            bytes.extend_from_slice(&self.data[..n]);
            self.data = &self.data[n..];
            Ok(n)
        }
    }

    #[test]
    fn a_file_of_known_size_is_read_in_one_call_and_a_changed_one_whole_under_the_cap() {
        let read = |data: &[u8], step: usize, size: u64, cap: u64| {
            let mut reader = Trickle {
                data,
                step,
                calls: 0,
            };
            let capped = read_sized_capped(&mut reader, Vec::new(), size, cap).unwrap();
            (capped, reader.calls)
        };
        let data = vec![b'x'; 20_000];
        // As `fstat` said: the whole file in one call, which stops at the size said.
        assert_eq!(
            read(&data, usize::MAX, 20_000, 1 << 20),
            (Capped::Bytes(data.clone()), 1)
        );
        // Short reads are read on, up to the size said: no call after it.
        assert_eq!(
            read(&data, 7_000, 20_000, 1 << 20),
            (Capped::Bytes(data.clone()), 3)
        );
        // Grown since, on a file system whose reads stop exactly at the size said: as `fstat`
        // saw it.
        assert_eq!(
            read(&data, 10_000, 10_000, 1 << 20),
            (Capped::Bytes(data[..10_000].to_vec()), 1)
        );
        // An empty file: the one call that returns nothing.
        assert_eq!(
            read(&[], usize::MAX, 0, 1 << 20),
            (Capped::Bytes(Vec::new()), 1)
        );
        // Shrunk since: what is there.
        assert_eq!(
            read(&data, usize::MAX, 30_000, 1 << 20).0,
            Capped::Bytes(data.clone())
        );
        // Grown since: all of it under the cap, one byte past the cap over it.
        assert_eq!(
            read(&data, 1_000, 10, 1 << 20).0,
            Capped::Bytes(data.clone())
        );
        assert_eq!(
            read(&data, 1_000, 10, 15_000).0,
            Capped::TooLarge(None, data[..15_001].to_vec())
        );
    }

    /// What was read of a file that is not read in pieces.
    fn capped(opened: Opened) -> Capped {
        match opened {
            Opened::Capped(capped) => capped,
            Opened::Stream(..) => panic!("read in pieces"),
        }
    }

    #[test]
    fn a_named_stream_stops_one_byte_past_the_cap() {
        let (opened, regular) = read_named(Path::new("/dev/zero"), 1000, true).unwrap();
        assert_eq!(
            (capped(opened), regular),
            (Capped::TooLarge(None, vec![0; 1001]), false)
        );
        // The cap itself is allowed.
        let capped = read_capped(&[b'x'; 10][..], 10).unwrap();
        assert_eq!(capped, Capped::Bytes(vec![b'x'; 10]));
        let capped = read_capped(&[b'x'; 11][..], 10).unwrap();
        assert_eq!(capped, Capped::TooLarge(None, vec![b'x'; 11]));
        // A regular file that grew after its `fstat`.
        let grown = Trickle {
            data: &[b'x'; 11],
            step: usize::MAX,
            calls: 0,
        };
        let capped = read_sized_capped(grown, Vec::new(), 5, 10).unwrap();
        assert_eq!(capped, Capped::TooLarge(None, vec![b'x'; 11]));
    }
}
