//! SM006 `file-too-large`: a file larger than the configured `max-file-size`, which is not read.

crate::declare_rule! {
    /// ## What it does
    /// Reports a file larger than the size cap — `max-file-size` in the `[files]` table of
    /// `share-lint.toml`, 10 MiB by default — instead of reading it. Nothing else in the file is
    /// checked.
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
    /// // payloads/all-cards.json: 6 MB, every card ever shared, thumbnails included
    /// [
    ///   { "type": "webPage", "channelType": ["wx"], "channelObject": { "…": "…" } }
    /// ]
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
        code: crate::rules::codes::FILE_TOO_LARGE,
        name: "file-too-large",
        severity: Error,
        summary: "a file larger than `max-file-size`, which is not read",
        fix: None,
    }
}
