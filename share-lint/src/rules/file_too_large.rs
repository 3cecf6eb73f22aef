//! SM006 `file-too-large`: a file larger than the configured `max-file-size`, which is not read.

use crate::diagnostic::Diagnostic;
use crate::json::Span;

crate::declare_rule! {
    /// ## What it does
    /// Reports an input larger than the size cap — `max-file-size` in the `[files]` table of
    /// `share-lint.toml`, 10 MiB by default — instead of reading it: a file read whole, or one
    /// element of a large array. Nothing else in a file read whole is checked.
    ///
    /// A file of 1 MiB or more whose value is an array (a campaign file of many payloads) is read
    /// one element at a time, so it may be of any size: the cap applies to each element, and an
    /// element over it is reported where it starts and skipped, while the elements after it are
    /// checked (after the array's `]`, at most the cap's worth of text is read). Other files,
    /// standard input, pipes, and files that `--fix` or `--diff` rewrite are read whole, up to
    /// the cap.
    ///
    /// ## Why is this bad?
    /// Even a payload at every WeChat limit is small: a 128 KiB mini program thumbnail is about
    /// 175 KB of base64, and the text fields add at most a few dozen kilobytes. A file far
    /// larger is not a share payload — a data dump or a build artefact caught by a glob — or a
    /// payload that no client should be sent. Reading it would slow every run; skipping it
    /// silently would let it pass unchecked.
    ///
    /// ## Example
    /// ```jsonc
    /// // share-lint.toml: [files] max-file-size = "1MB"
    /// // payloads/all-cards.json: 6 MB, one card whose description holds a whole export
    /// { "type": "webPage", "channelType": ["wx"], "channelObject": { "description": "…" } }
    /// ```
    ///
    /// ## Use instead
    /// Split the file, exclude it from the paths linted, or raise `max-file-size` if the
    /// file really is a payload:
    ///
    /// ```jsonc
    /// // payloads/join-us.json
    /// { "type": "webPage", "channelType": ["wx"], "channelObject": { "…": "…" } }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct FileTooLarge {
        rule: FILE_TOO_LARGE,
        fix: None,
        suppressible: false,
    }
}

impl FileTooLarge {
    /// The finding for a file of `size` bytes over the cap: nothing of it was read.
    pub(crate) fn diagnostic(size: u64, cap: u64) -> Diagnostic {
        Diagnostic::new(
            Self::RULE.rule,
            Span::new(0, 0),
            format!(
                "the file is {} bytes; files over {} bytes are not read",
                thousands(size),
                thousands(cap)
            ),
        )
        .with_help("raise `max-file-size` in share-lint.toml if this file really is a payload")
    }

    /// The finding for the element at `index` of a top-level array, starting at `at`, of `size`
    /// bytes (`None`: not read to its end) over the cap: it was skipped.
    pub(crate) fn element_diagnostic(
        index: usize,
        at: usize,
        size: Option<u64>,
        cap: u64,
    ) -> Diagnostic {
        let size = match size {
            Some(size) => format!("{} bytes", thousands(size)),
            None => format!("over {} bytes", thousands(cap)),
        };
        Diagnostic::new(
            Self::RULE.rule,
            Span::new(at, at),
            format!(
                "element {index} of the array is {size}; elements over {} bytes are not read",
                thousands(cap)
            ),
        )
        .with_help("raise `max-file-size` in share-lint.toml if this element really is a payload")
    }

    /// The finding for an input read up to one byte past the cap (standard input, a pipe, a
    /// device): its size is not known, and no more of it was read.
    pub(crate) fn stream_diagnostic(cap: u64) -> Diagnostic {
        Diagnostic::new(
            Self::RULE.rule,
            Span::new(0, 0),
            format!(
                "the input is over {} bytes, the most that is read",
                thousands(cap)
            ),
        )
        .with_help("raise `max-file-size` in share-lint.toml if this input really is a payload")
    }
}

fn thousands(n: u64) -> share_schema::rules::Thousands {
    share_schema::rules::thousands(usize::try_from(n).unwrap_or(usize::MAX))
}
