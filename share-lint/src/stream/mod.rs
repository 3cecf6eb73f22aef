//! A file whose value is an array, read and checked a piece at a time, so that its memory is
//! bounded by the largest element and the findings, not by the file: a campaign file of a
//! million payloads lints in the memory of a few.
//!
//! The reader (the calling thread) reads the file a chunk at a time and cuts it with
//! [`ArraySplitter`] at the commas that end elements, into pieces of about [`PIECE_BYTES`];
//! workers parse each piece ([`json::parse_piece`]) and run the same checks as for a whole file
//! ([`engine::check`]), computing the line, column and line text of every finding while the
//! piece is in memory ([`Places`]); a collector takes the results in document order, applies the
//! per-rule cap, and after a fatal syntax error keeps only what a whole parse would have found
//! before it — the rest of the file is then only checked for UTF-8, since a file read whole that
//! is not UTF-8 anywhere has that one finding.
//! The report is then finished like any other ([`engine::finish`]: suppressions, severities,
//! order), so every output format shows what it would show for the file read whole.
//!
//! Each piece carries [`Places::LINE_BYTES`] of the file on each side, enough to show the line
//! around a finding near its edge. An element larger than the file's `max-file-size` is
//! reported (`file-too-large`, at the element) and skipped; the reader holds at most the cap and
//! one read of it.

use crate::diagnostic::{Diagnostic, Excerpt, FileReport, Places, SourceFile};
use crate::engine::{self, Capped, MAX_FINDINGS_PER_RULE};
use crate::json::split::ArraySplitter;
use crate::json::{self, Comment, Piece, Span};
use crate::rules::file_too_large::FileTooLarge;
use crate::rules::invalid_utf8::InvalidUtf8;
use crate::rules::unused_suppression::Suppressions;
use crate::settings::Settings;
use places::{characters, is_continuation, Locate};

mod places;
use std::collections::BTreeMap;
use std::io::{self, Read};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};

/// Files of at least this many bytes whose value is an array are read in pieces; smaller ones
/// are read whole, as every other file is (such a file would make a few pieces at most).
pub(crate) const STREAM_FROM: u64 = 1 << 20;

/// A piece ends at the first end of an element past this many bytes: large enough that handing
/// it to a worker costs little, small enough that the pieces in flight take little memory.
const PIECE_BYTES: usize = 256 << 10;

/// Bytes read at a time.
const READ_BYTES: usize = 1 << 20;

/// Bytes of the file kept on each side of a piece (and one more before, to tell whether a line
/// starts there): the line around a finding, plus a character's length to cut on a boundary.
const CONTEXT: usize = Places::LINE_BYTES + 4;

const BOM: &[u8] = b"\xEF\xBB\xBF";

/// Whether `prefix`, the first bytes of a file, opens an array: `[` after a byte-order mark,
/// whitespace and comments.
pub(crate) fn opens_array(prefix: &[u8]) -> bool {
    let mut s = prefix.strip_prefix(BOM).unwrap_or(prefix);
    loop {
        // JSON's whitespace only (not a form feed, which `trim_ascii_start` would take).
        let blank = s
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            .unwrap_or(s.len());
        s = &s[blank..];
        if let Some(rest) = s.strip_prefix(b"//") {
            match memchr::memchr(b'\n', rest) {
                Some(end) => s = &rest[end..],
                None => return false,
            }
        } else if let Some(rest) = s.strip_prefix(b"/*") {
            match memchr::memmem::find(rest, b"*/") {
                Some(end) => s = &rest[end + 2..],
                None => return false,
            }
        } else {
            return s.first() == Some(&b'[');
        }
    }
}

/// How a file read in pieces is linted.
pub(crate) struct Stream<'a> {
    /// The file's name in the output.
    pub(crate) name: &'a str,
    /// Its settings.
    pub(crate) settings: &'a Settings,
    /// Workers checking pieces.
    pub(crate) threads: usize,
    /// Found by walking a directory: lint it only if its first element looks like a payload.
    pub(crate) walked: bool,
    /// The most bytes one element may take.
    pub(crate) cap: u64,
    /// A piece ends at the first end of an element past this many bytes ([`PIECE_BYTES`]).
    pub(crate) piece_bytes: usize,
}

impl<'a> Stream<'a> {
    /// How `name` is linted in pieces with `settings`, on `threads` workers, each element under
    /// `cap` bytes.
    pub(crate) fn new(name: &'a str, settings: &'a Settings, threads: usize, cap: u64) -> Self {
        Stream {
            name,
            settings,
            threads,
            walked: false,
            cap,
            piece_bytes: PIECE_BYTES,
        }
    }
}

/// Work for a worker.
enum Job {
    /// A piece to check.
    Piece(PieceJob),
    /// An element over the cap, skipped.
    TooLarge {
        index: usize,
        at: usize,
        line_col: (u32, u32),
        size: Option<u64>,
    },
}

/// A piece with the file around it.
struct PieceJob {
    /// The piece's bytes, with up to [`CONTEXT`] bytes of the file on each side.
    bytes: Vec<u8>,
    /// Where the piece starts in `bytes`, and its length (the `,` after it included).
    pre: usize,
    len: usize,
    /// The piece's offset in the file, and the line and column there.
    base: usize,
    line_col: (u32, u32),
    piece: Piece,
    /// Whether `bytes` starts where a line starts, and ends where the file ends.
    starts_line: bool,
    ends_file: bool,
    /// Whether the file starts with a byte-order mark.
    bom: bool,
}

/// A finding with the places it names.
struct Placed {
    d: Diagnostic,
    places: Places,
}

/// What a worker found in one job.
enum Outcome {
    Checked {
        file: Vec<Placed>,
        payload: Vec<Placed>,
        comments: Vec<(Comment, Places)>,
        fatal: bool,
        /// For the first piece of a walked file: whether it looks like a payload.
        payload_like: Option<bool>,
    },
    /// The piece is not UTF-8: the file's one finding, as for a file read whole.
    NotUtf8(Placed),
    /// The first piece of a walked file is not UTF-8, nor a payload with U+FFFD for the bad
    /// bytes: the file is left alone.
    NotPayload,
    /// Past a fatal syntax error, a piece that is UTF-8.
    Ignored,
}

/// Lints the array file `reader` reads, `prefix` (bytes already read from it) first. `None`:
/// a walked file whose first element does not look like a payload.
pub(crate) fn lint_array(
    stream: &Stream<'_>,
    prefix: Vec<u8>,
    reader: &mut dyn Read,
) -> io::Result<Option<FileReport>> {
    let threads = stream.threads.clamp(1, 64);
    let stop = AtomicBool::new(false);
    // After a fatal syntax error only UTF-8 is checked: a file read whole that is not UTF-8
    // anywhere has that one finding, whatever else is wrong with it.
    let utf8_only = AtomicBool::new(false);
    let (jobs, queue) = mpsc::sync_channel::<(usize, Job)>(threads * 2);
    let queue = Arc::new(Mutex::new(queue));
    let (results, done) = mpsc::channel::<(usize, Outcome)>();
    std::thread::scope(|scope| {
        for _ in 0..threads {
            let queue = Arc::clone(&queue);
            let results = results.clone();
            let utf8_only = &utf8_only;
            scope.spawn(move || loop {
                let job = queue.lock().unwrap_or_else(|p| p.into_inner()).recv();
                let Ok((seq, job)) = job else { break };
                let outcome = run(stream, job, utf8_only.load(Ordering::Relaxed));
                if results.send((seq, outcome)).is_err() {
                    break;
                }
            });
        }
        drop(queue);
        drop(results);
        let collector = scope.spawn(|| collect(stream, done, &stop, &utf8_only));
        let read = split(stream, prefix, reader, &jobs, &stop);
        drop(jobs);
        let report = collector
            .join()
            .unwrap_or_else(|p| std::panic::resume_unwind(p));
        read.map(|()| report)
    })
}

/// Line and column at an offset, moved forward over the bytes read.
struct Tracker {
    at: usize,
    line: u32,
    column: u32,
}

impl Tracker {
    /// Moves over `bytes`, the file's bytes from `self.at` on.
    fn advance(&mut self, bytes: &[u8]) {
        self.at += bytes.len();
        let characters = |b: &[u8]| u32::try_from(characters(b)).unwrap_or(u32::MAX);
        match memchr::memrchr(b'\n', bytes) {
            Some(last) => {
                let lines = memchr::memchr_iter(b'\n', bytes).count();
                self.line = self
                    .line
                    .saturating_add(u32::try_from(lines).unwrap_or(u32::MAX));
                self.column = 1 + characters(&bytes[last + 1..]);
            }
            None => self.column = self.column.saturating_add(characters(bytes)),
        }
    }
}

/// The reader: reads the file, cuts it into pieces and hands them out in order.
fn split(
    stream: &Stream<'_>,
    prefix: Vec<u8>,
    reader: &mut dyn Read,
    jobs: &mpsc::SyncSender<(usize, Job)>,
    stop: &AtomicBool,
) -> io::Result<()> {
    let cap = usize::try_from(stream.cap).unwrap_or(usize::MAX);
    let mut w = Window {
        buf: prefix,
        base: 0,
        eof: false,
        bom: false,
        tracker: Tracker {
            at: 0,
            line: 1,
            column: 1,
        },
    };
    while w.buf.len() < BOM.len() && !w.eof {
        w.eof = fill(reader, &mut w.buf)?;
    }
    w.bom = w.buf.starts_with(BOM);
    let mut splitter = ArraySplitter::new();
    // Offsets in the file: scanned up to; where the piece being gathered starts; where the
    // element being scanned starts (the `,` before it, or the file's start).
    let (mut scanned, mut piece_start, mut element_start) = (0usize, 0usize, 0usize);
    // Elements ended so far, and before the piece being gathered.
    let (mut ended, mut first_index) = (0usize, 0usize);
    let mut first = true;
    let skip = if w.bom { BOM.len() } else { 0 };
    w.tracker.at = skip;
    let mut seq = 0usize;
    let mut send = |job: Job| -> bool {
        let sent = jobs.send((seq, job)).is_ok();
        seq += 1;
        sent
    };
    loop {
        if stop.load(Ordering::Relaxed) {
            return Ok(());
        }
        let end = w.base + w.buf.len();
        // Scan only bytes with the context after them in `buf`, so a piece can be cut anywhere.
        let limit = if w.eof {
            end
        } else {
            end.saturating_sub(CONTEXT)
        };
        if scanned < limit {
            match splitter.scan(&w.buf[scanned - w.base..limit - w.base]) {
                Some(comma) => {
                    let comma = scanned + comma;
                    scanned = comma + 1;
                    if comma - element_start > cap {
                        // An element over the cap that ended within this read: the piece
                        // before it, then the element, reported and left out.
                        let gathered = Piece {
                            first,
                            last: false,
                            first_index,
                        };
                        let from = if ended == 0 { skip } else { element_start + 1 };
                        let (before, at, line_col) =
                            w.refuse(piece_start, element_start, from, comma, gathered);
                        if before.is_some_and(|job| !send(Job::Piece(job))) {
                            return Ok(());
                        }
                        w.tracker.advance(&w.buf[at - w.base..comma - w.base]);
                        let size = Some((comma - element_start) as u64);
                        let job = Job::TooLarge {
                            index: ended,
                            at,
                            line_col,
                            size,
                        };
                        if !send(job) {
                            return Ok(());
                        }
                        ended += 1;
                        element_start = comma;
                        (piece_start, first_index, first) = (comma, ended, false);
                        continue;
                    }
                    ended += 1;
                    element_start = comma;
                    if comma - piece_start >= stream.piece_bytes {
                        let piece = Piece {
                            first,
                            last: false,
                            first_index,
                        };
                        let job = w.piece(piece_start, comma + 1, piece);
                        if !send(Job::Piece(job)) {
                            return Ok(());
                        }
                        (piece_start, first_index, first) = (comma, ended, false);
                    }
                    continue;
                }
                None => scanned = limit,
            }
            if scanned - element_start > cap && splitter.closed() {
                // Past the array's `]` (or a stray `}` or `]` the splitter took for it): only
                // trivia may follow, so the parser is shown up to the cap of it, and says what
                // comes there if anything does, as a whole parse would; nothing more is read.
                let piece = Piece {
                    first,
                    last: true,
                    first_index,
                };
                // Cut on a character boundary: the text is UTF-8 up to there.
                let mut end = element_start + cap;
                while end > element_start && is_continuation(w.buf[end - w.base]) {
                    end -= 1;
                }
                let job = w.piece(piece_start, end, piece);
                send(Job::Piece(job));
                return Ok(());
            }
            if scanned - element_start > cap {
                // An element over the cap: the piece before it, then the element, skipped.
                let gathered = Piece {
                    first,
                    last: false,
                    first_index,
                };
                let from = if ended == 0 { skip } else { element_start + 1 };
                let (before, at, line_col) =
                    w.refuse(piece_start, element_start, from, scanned, gathered);
                if before.is_some_and(|job| !send(Job::Piece(job))) {
                    return Ok(());
                }
                let closed = splitter.closed();
                // Skip to the element's end, keeping count of lines.
                let mut next = None;
                let mut at_scan = scanned;
                w.tracker.advance(&w.buf[at - w.base..at_scan - w.base]);
                w.buf.drain(..at_scan - w.base);
                w.base = at_scan;
                while !closed && !w.eof && next.is_none() {
                    if stop.load(Ordering::Relaxed) {
                        return Ok(());
                    }
                    if at_scan == w.base + w.buf.len() {
                        w.buf.clear();
                        w.base = at_scan;
                        w.eof = fill(reader, &mut w.buf)?;
                        continue;
                    }
                    next = splitter
                        .scan(&w.buf[at_scan - w.base..])
                        .map(|comma| at_scan + comma);
                    let to = next.unwrap_or(w.base + w.buf.len());
                    w.tracker.advance(&w.buf[at_scan - w.base..to - w.base]);
                    at_scan = to;
                }
                let size = next.map(|comma| (comma - element_start) as u64);
                let job = Job::TooLarge {
                    index: ended,
                    at,
                    line_col,
                    size,
                };
                if !send(job) {
                    return Ok(());
                }
                let Some(comma) = next else {
                    // The file ends inside the element, or after the array closed in it.
                    return Ok(());
                };
                ended += 1;
                (scanned, piece_start, element_start) = (comma + 1, comma, comma);
                (first_index, first) = (ended, false);
                continue;
            }
        }
        if w.eof {
            let piece = Piece {
                first,
                last: true,
                first_index,
            };
            let job = w.piece(piece_start, end, piece);
            send(Job::Piece(job));
            return Ok(());
        }
        // Keep the piece being gathered and the context before it; read more.
        let keep = piece_start.saturating_sub(CONTEXT + 1).max(w.base);
        w.buf.drain(..keep - w.base);
        w.base = keep;
        w.eof = fill(reader, &mut w.buf)?;
    }
}

/// Reads up to [`READ_BYTES`] more into `buf`; `true` at the end of the file.
fn fill(reader: &mut dyn Read, buf: &mut Vec<u8>) -> io::Result<bool> {
    let n = reader.take(READ_BYTES as u64).read_to_end(buf)?;
    Ok(n == 0)
}

/// The file as it is being read: the bytes kept, from `base`, and the line and column reached.
struct Window {
    buf: Vec<u8>,
    /// The file offset of `buf[0]`.
    base: usize,
    /// The whole file has been read.
    eof: bool,
    /// The file starts with a byte-order mark.
    bom: bool,
    tracker: Tracker,
}

impl Window {
    /// Refuses the element after `element_start` (the `,` before it), which starts at the first
    /// byte past `from` that is not whitespace (before `limit`): the piece gathered since
    /// `piece_start` before it, if any, as `gathered` says it, then where the element starts and
    /// its line and column there (the tracker stops there).
    fn refuse(
        &mut self,
        piece_start: usize,
        element_start: usize,
        from: usize,
        limit: usize,
        gathered: Piece,
    ) -> (Option<PieceJob>, usize, (u32, u32)) {
        let before = (element_start > piece_start)
            .then(|| self.piece(piece_start, element_start + 1, gathered));
        let at = self.first_non_blank(from, limit);
        self.tracker
            .advance(&self.buf[self.tracker.at - self.base..at - self.base]);
        (before, at, (self.tracker.line, self.tracker.column))
    }

    /// The offset of the first byte at `from` or after it that is not JSON whitespace, at most
    /// `limit`: where an element starts.
    fn first_non_blank(&self, from: usize, limit: usize) -> usize {
        let bytes = &self.buf[from - self.base..limit - self.base];
        from + bytes
            .iter()
            .position(|b| !matches!(b, b' ' | b'\t' | b'\n' | b'\r'))
            .unwrap_or(bytes.len())
    }

    /// The job for the piece `start..end` of the file.
    fn piece(&mut self, start: usize, end: usize, piece: Piece) -> PieceJob {
        let (buf, base, tracker) = (&self.buf, self.base, &mut self.tracker);
        if tracker.at < start {
            tracker.advance(&buf[tracker.at - base..start - base]);
        }
        let line_col = (tracker.line, tracker.column);
        if !piece.last {
            // To the `,` the next piece starts at: the bytes before it may be dropped now. (From
            // where the tracker is: past the byte-order mark, which takes no column, on line 1.)
            tracker.advance(&buf[tracker.at - base..end - 1 - base]);
        }
        let file_end = base + buf.len();
        let mut from = start.saturating_sub(CONTEXT).max(base);
        // On a character boundary.
        while from < start && is_continuation(buf[from - base]) {
            from += 1;
        }
        let mut to = (end + CONTEXT).min(file_end);
        while to > end && to < file_end && is_continuation(buf[to - base]) {
            to -= 1;
        }
        let starts_line = from == 0 || (from > base && buf[from - 1 - base] == b'\n');
        PieceJob {
            bytes: buf[from - base..to - base].to_vec(),
            pre: start - from,
            len: end - start,
            base: start,
            line_col,
            piece,
            starts_line,
            ends_file: self.eof && to == file_end,
            bom: self.bom,
        }
    }
}

/// A worker's work on one job; with `utf8_only`, only whether a piece is UTF-8.
fn run(stream: &Stream<'_>, job: Job, utf8_only: bool) -> Outcome {
    match job {
        Job::Piece(job) if utf8_only => {
            let bytes = &job.bytes[job.pre..job.pre + job.len];
            match crate::utf8::str(bytes) {
                Ok(_) => Outcome::Ignored,
                Err(at) => not_utf8(stream, &job, at),
            }
        }
        Job::TooLarge {
            index,
            at,
            line_col,
            size,
        } => {
            let d = FileTooLarge::element_diagnostic(index, at, size, stream.cap);
            let mut places = Places::default();
            places.insert(at, line_col);
            places.insert_line(
                at,
                Excerpt {
                    text: String::new(),
                    start: at,
                    cut: true,
                },
            );
            Outcome::Checked {
                file: vec![Placed { d, places }],
                payload: Vec::new(),
                comments: Vec::new(),
                fatal: false,
                payload_like: None,
            }
        }
        Job::Piece(job) => check_piece(stream, &job),
    }
}

fn check_piece(stream: &Stream<'_>, job: &PieceJob) -> Outcome {
    let bytes = &job.bytes[job.pre..job.pre + job.len];
    let text = match crate::utf8::str(bytes) {
        Ok(text) => text,
        Err(at) => return not_utf8(stream, job, at),
    };
    let settings = stream.settings;
    let mut parsed = json::parse_piece(
        text,
        job.piece,
        &engine::parse_options(stream.name, settings),
    );
    let payload_like =
        (stream.walked && job.piece.first).then(|| engine::looks_like_payload(&parsed, text));
    let comments: Vec<Comment> = parsed
        .comments
        .iter()
        .filter(|c| Suppressions::is_suppression(c))
        .cloned()
        .collect();
    let limit = MAX_FINDINGS_PER_RULE + comments.len();
    let found = engine::check(
        stream.name,
        text,
        &mut parsed,
        settings,
        limit,
        Some(job.piece),
    );
    let mut offsets = Vec::new();
    for d in found.file.iter().chain(&found.payload) {
        offsets.extend([d.span.start, d.span.end]);
        let edits = d.fix.iter().flat_map(|f| &f.edits);
        offsets.extend(edits.flat_map(|e| [e.span.start, e.span.end]));
    }
    offsets.extend(comments.iter().flat_map(|c| [c.span.start, c.span.end]));
    let locate = Locate::new(job, text.as_bytes(), offsets);
    let place = |d: Diagnostic| locate.place(d);
    Outcome::Checked {
        file: found.file.into_iter().map(place).collect(),
        payload: found.payload.into_iter().map(place).collect(),
        comments: comments
            .into_iter()
            .map(|mut c| {
                let mut places = Places::default();
                locate.span(c.span, &mut places);
                locate.line(c.span.start, &mut places);
                c.span = locate.shift(c.span);
                (c, places)
            })
            .collect(),
        fatal: parsed.root.is_none(),
        payload_like,
    }
}

/// A piece that is not UTF-8 from `at` (in the piece) on: the finding a whole read gives, at the
/// U+FFFD that stands for the bad byte.
///
/// A walked file whose first piece is not UTF-8 is judged by that piece with U+FFFD in place of
/// the bad bytes (a file read whole is judged by all of it).
fn not_utf8(stream: &Stream<'_>, job: &PieceJob, at: usize) -> Outcome {
    let bytes = &job.bytes[job.pre..job.pre + job.len];
    let byte = bytes[at];
    let lossy = String::from_utf8_lossy(bytes);
    if stream.walked && job.piece.first {
        let opts = engine::parse_options(stream.name, stream.settings);
        let parsed = json::parse_piece(&lossy, job.piece, &opts);
        if parsed.root.is_none() || !engine::looks_like_payload(&parsed, &lossy) {
            return Outcome::NotPayload;
        }
    }
    let span = Span::new(at, (at + 3).min(lossy.len()));
    // The bytes before `at` are UTF-8: the lossy text keeps their offsets up to it.
    let locate = Locate::new(job, lossy.as_bytes(), vec![span.start, span.end]);
    // Named by its offset in the file, placed by its offset in the piece.
    let mut d = InvalidUtf8::at(Span::new(job.base + span.start, job.base + span.end), byte);
    d.span = span;
    Outcome::NotUtf8(locate.place(d))
}

/// The collector: takes each job's outcome in document order.
fn collect(
    stream: &Stream<'_>,
    done: mpsc::Receiver<(usize, Outcome)>,
    stop: &AtomicBool,
    utf8_only: &AtomicBool,
) -> Option<FileReport> {
    let mut pending: BTreeMap<usize, Outcome> = BTreeMap::new();
    let mut next = 0;
    let mut file = Capped::new(MAX_FINDINGS_PER_RULE);
    let mut payload = Capped::new(MAX_FINDINGS_PER_RULE);
    let mut comments: Vec<Comment> = Vec::new();
    let mut places = Places::default();
    let mut fatal = false;
    let mut not_utf8: Option<Placed> = None;
    // A walked file whose first element does not look like a payload is left alone, unless it
    // does not parse: a broken payload is still a payload (as for a file read whole).
    let mut payload_like = true;
    'results: for (seq, outcome) in done {
        if stop.load(Ordering::Relaxed) {
            // Drain the workers' results; nothing more is read.
            continue;
        }
        pending.insert(seq, outcome);
        while let Some(outcome) = pending.remove(&next) {
            next += 1;
            match outcome {
                Outcome::NotPayload => {
                    stop.store(true, Ordering::Relaxed);
                    return None;
                }
                Outcome::NotUtf8(placed) => {
                    not_utf8 = Some(placed);
                    stop.store(true, Ordering::Relaxed);
                    continue 'results;
                }
                // Past a fatal error, only a piece that is not UTF-8 changes the report.
                Outcome::Ignored => {}
                Outcome::Checked { .. } if fatal => {}
                Outcome::Checked {
                    file: found_file,
                    payload: found_payload,
                    comments: found_comments,
                    fatal: piece_fatal,
                    payload_like: first_payload_like,
                } => {
                    payload_like &= first_payload_like != Some(false);
                    for (comment, at) in found_comments {
                        comments.push(comment);
                        places.extend(at);
                    }
                    let limit = MAX_FINDINGS_PER_RULE + comments.len();
                    file.raise(limit);
                    payload.raise(limit);
                    for Placed { d, places: at } in found_file {
                        if file.push(d) {
                            places.extend(at);
                        }
                    }
                    for Placed { d, places: at } in found_payload {
                        if payload.push(d) {
                            places.extend(at);
                        }
                    }
                    if piece_fatal {
                        // The rest is read only to find a byte that is not UTF-8.
                        fatal = true;
                        utf8_only.store(true, Ordering::Relaxed);
                    }
                }
            }
        }
    }
    let source = |places| SourceFile::in_pieces(stream.name, places);
    if !payload_like && !fatal {
        return None;
    }
    if let Some(Placed { d, places }) = not_utf8 {
        return Some(engine::finish(
            source(places),
            vec![d],
            stream.settings,
            &[],
        ));
    }
    let mut found = file.into_vec();
    if !fatal {
        found.extend(payload.into_vec());
    }
    Some(engine::finish(
        source(places),
        found,
        stream.settings,
        &comments,
    ))
}

#[cfg(test)]
mod tests;
