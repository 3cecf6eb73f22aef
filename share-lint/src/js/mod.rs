//! The JS/TS front end: the `ksoxz_sdk.shareMessage(...)` calls of a JavaScript or TypeScript
//! file, or of the `<script>` blocks of a `.vue`, `.svelte` or `.html` file, each call's `params`
//! turned into what the JSON parser produces — a [`Node`] tree with the source's own byte spans —
//! with [`NodeKind::Unknown`](crate::json::NodeKind::Unknown) where the source computes a value
//! when it runs. The engine lints those trees as it lints a payload file; the rules never know
//! which language a payload came from (DOMAIN.md §3, "where payloads live").
//!
//! - `blocks.rs`: where the script is — the whole file, or the `<script>` blocks of markup.
//! - `calls.rs`: which calls are the SDK's (`ksoxz_sdk.shareMessage`, `window.ksoxz_sdk…`, a
//!   `const` alias, optional chaining), and their `params`.
//! - `values.rs`: expressions as values: literals known, everything else unknown.
//!
//! - [`stack`]: each block is parsed on a thread with the stack its text may need.
//!
//! Parsed with `oxc_parser` (the fastest JS/TS parser in Rust), scopes resolved with
//! `oxc_semantic`. A file is parsed only if its bytes hold `shareMessage`.

mod blocks;
mod calls;
pub mod stack;
mod values;

use crate::json::{Comment, Node, Span};

/// The file extensions whose files are scripts: linted for their `shareMessage` calls.
pub const SCRIPT_EXTENSIONS: &[&str] = &[
    "js", "mjs", "cjs", "jsx", "ts", "mts", "cts", "tsx", "vue", "svelte", "html", "htm",
];

/// The name a call must have for a file to be parsed at all.
const CALL_NAME: &[u8] = b"shareMessage";

/// Whether `path` names a script (by its extension, in any case), linted by this front end.
pub fn is_script(path: &str) -> bool {
    extension(path).is_some_and(|ext| {
        SCRIPT_EXTENSIONS
            .iter()
            .any(|known| known.eq_ignore_ascii_case(ext))
    })
}

/// Whether `text` may hold a call at all: the cheap byte search that decides whether a script
/// is parsed. `shareMessage` must stand as a name of its own (`.shareMessage(`,
/// `["shareMessage"]`), not inside a longer one (`shareMessageButton`, `onShareMessage`).
pub fn may_call(text: &[u8]) -> bool {
    let name = |b: u8| b.is_ascii_alphanumeric() || b == b'_' || b == b'$' || b >= 0x80;
    memchr::memmem::find_iter(text, CALL_NAME).any(|at| {
        let before = at.checked_sub(1).map(|i| text[i]);
        let after = text.get(at + CALL_NAME.len()).copied();
        !before.is_some_and(name) && !after.is_some_and(name)
    })
}

fn extension(path: &str) -> Option<&str> {
    // From the end, in one byte loop: the last `.` of the name, unless a separator comes first
    // (`rsplit` on the separators, then on `.`, cost 200 instructions a call, two calls a file;
    // BENCHMARKS.md, issue 14's tenth session).
    let at = path
        .bytes()
        .rposition(|b| matches!(b, b'.' | b'/' | b'\\'))?;
    (path.as_bytes()[at] == b'.').then(|| &path[at + 1..])
}

/// One call's payload: its `params` as a tree, and the objects in it that may hold keys the
/// source does not spell out.
#[derive(Debug)]
pub struct Payload {
    /// The `params` value, with the source's spans.
    pub node: Node,
    /// The spans of the objects that hold a spread (`...base`) or a computed key (`[k]: v`):
    /// they may have any other key, so what depends on a key being absent does not fire there.
    pub open: Vec<Span>,
    /// The spans of the code the payload was read through (names, spreads, getters, computed
    /// keys, unknown values): a fix never edits them.
    pub code: Vec<Span>,
    /// The call's span: a fix edits only the literals written inside it (a `const` outside may
    /// serve other code too).
    pub call: Span,
}

/// A syntax error in a script.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ScriptError {
    /// Where it is in the file.
    pub span: Span,
    /// The parser's message.
    pub message: String,
}

/// What the front end found in one file.
#[derive(Debug, Default)]
pub struct Extracted {
    /// The payloads of its `shareMessage` calls, in source order.
    pub payloads: Vec<Payload>,
    /// Its comments (of every script block), for suppressions.
    pub comments: Vec<Comment>,
    /// Its syntax errors: at most one per script block, whose calls are then not read.
    pub errors: Vec<ScriptError>,
}

/// The `shareMessage` calls of the script at `path` (the extension picks JavaScript,
/// TypeScript, JSX or markup), with spans into `text`. Never panics.
pub fn extract(path: &str, text: &str) -> Extracted {
    let mut out = Extracted::default();
    for block in blocks::scripts(path, text) {
        let src = &text.as_bytes()[block.start..block.end];
        if !may_call(src) {
            continue;
        }
        let need = stack::bound(src);
        let refuse = |message: String| ScriptError {
            span: Span::new(block.start, block.start),
            message,
        };
        if need > stack::MAX_STACK {
            out.errors.push(refuse(format!(
                "this script is too large to parse safely ({} bytes): share-lint parses scripts \
                 whose nesting may need up to {} MiB of stack",
                src.len(),
                stack::MAX_STACK >> 20
            )));
            continue;
        }
        if stack::fits_here(need) {
            calls::extract_block(text, &block, &mut out);
            continue;
        }
        let parsed = std::thread::scope(|scope| {
            std::thread::Builder::new()
                .name("share-lint-js".to_owned())
                .stack_size(need)
                .spawn_scoped(scope, || {
                    let mut found = Extracted::default();
                    calls::extract_block(text, &block, &mut found);
                    found
                })
                .map(|thread| thread.join())
        });
        match parsed {
            Ok(Ok(found)) => {
                out.payloads.extend(found.payloads);
                out.comments.extend(found.comments);
                out.errors.extend(found.errors);
            }
            Ok(Err(panic)) => std::panic::resume_unwind(panic),
            Err(e) => out.errors.push(refuse(format!(
                "could not start a thread to parse this script: {e}"
            ))),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    proptest::proptest! {
        /// The byte loop finds the extension splitting on the separators, then on `.`, finds.
        #[test]
        fn the_extension_is_after_the_names_last_dot(path in "[a./\\\\é]{0,8}") {
            let name = path.rsplit(['/', '\\']).next().unwrap_or(&path);
            let split = name.rsplit_once('.').map(|(_, ext)| ext);
            proptest::prop_assert_eq!(super::extension(&path), split);
        }
    }
}
