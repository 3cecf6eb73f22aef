//! Where the script of a file is: all of a `.js`/`.ts` file, or each `<script>` block of a
//! `.vue`, `.svelte` or `.html` file, with the dialect its `lang` (or the extension) names.
//!
//! The markup is scanned, not parsed: a `<script` tag (in any case), its attributes up to the
//! `>` that is not inside quotes, and the text up to the next `</script`. That is how browsers
//! and the Vue and Svelte compilers find a script's end too: the text of a script block cannot
//! hold `</script`. A block whose `type` is not JavaScript (`text/template`,
//! `application/ld+json`) is left alone. An HTML comment around a block is not understood: such a
//! block is linted.

use oxc_span::SourceType;

/// One script: its bytes in the file, and how to parse them.
#[derive(Debug, Clone, Copy)]
pub(super) struct Block {
    /// Where its text starts in the file.
    pub start: usize,
    /// Where it ends.
    pub end: usize,
    /// JavaScript or TypeScript, with JSX or not, module or script.
    pub source_type: SourceType,
    /// Other scripts see its top-level names: a classic script of a page, or one of several
    /// `<script>` blocks of a component (which share one scope).
    pub shared_top: bool,
    /// Another block of the file names `ksoxz_sdk` itself (an import, a declaration): the name
    /// may not be the page's global here.
    pub sdk_shadowed: bool,
    /// A classic script of a page, where `<!--` and a `-->` at a line's start open line
    /// comments (as browsers read them).
    pub html_comments: bool,
}

/// The scripts of the file at `path` whose text is `text`.
pub(super) fn scripts(path: &str, text: &str) -> Vec<Block> {
    let ext = super::extension(path).unwrap_or("").to_ascii_lowercase();
    match ext.as_str() {
        "vue" | "svelte" | "html" | "htm" => markup(text, ext == "html" || ext == "htm"),
        _ => {
            let source_type = SourceType::from_extension(&ext).unwrap_or_default();
            // `.js` files of React projects hold JSX (as Babel and ESLint's presets read them).
            let source_type = if ext == "js" {
                source_type.with_jsx(true)
            } else {
                source_type
            };
            vec![Block {
                start: 0,
                end: text.len(),
                source_type,
                shared_top: false,
                sdk_shadowed: false,
                html_comments: false,
            }]
        }
    }
}

/// The `<script>` blocks of markup. In `.html`, a block without `type="module"` is a classic
/// script (strict mode and `import` decided by its text); in components, every block is a
/// module.
fn markup(text: &str, html: bool) -> Vec<Block> {
    let bytes = text.as_bytes();
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(open) = find_ascii_ci(bytes, at, b"<script") {
        let after_name = open + b"<script".len();
        // `<scripts>` or `<script-x>` is another element.
        if bytes
            .get(after_name)
            .is_some_and(|&b| !(b.is_ascii_whitespace() || b == b'>' || b == b'/'))
        {
            at = after_name;
            continue;
        }
        let Some(tag_end) = tag_end(bytes, after_name) else {
            break;
        };
        let attrs = &text[after_name..tag_end];
        let start = tag_end + 1;
        let end = find_ascii_ci(bytes, start, b"</script").unwrap_or(bytes.len());
        at = end;
        if attrs.trim_end().ends_with('/') {
            continue; // `<script src="…" />`: no text
        }
        if let Some(source_type) = block_type(attrs, html) {
            out.push(Block {
                start,
                end,
                source_type,
                shared_top: !source_type.is_module(),
                sdk_shadowed: false,
                html_comments: html && !source_type.is_module(),
            });
        }
    }
    if out.len() > 1 {
        // One scope for all: a name bound in one block is seen in the others.
        let names_sdk: Vec<bool> = out
            .iter()
            .map(|b| names_sdk(&bytes[b.start..b.end]))
            .collect();
        for (i, block) in out.iter_mut().enumerate() {
            block.shared_top = true;
            block.sdk_shadowed = names_sdk
                .iter()
                .enumerate()
                .any(|(j, &names)| j != i && names);
        }
    }
    out
}

/// Whether a script may bind the name `ksoxz_sdk` (an import, a declaration, a parameter): it
/// names it other than as a property (`window.ksoxz_sdk`) or as an object whose member it uses
/// (`ksoxz_sdk.shareMessage`, `ksoxz_sdk?.config`, `ksoxz_sdk["canIUse"]`).
fn names_sdk(text: &[u8]) -> bool {
    const NAME: &[u8] = b"ksoxz_sdk";
    memchr::memmem::find_iter(text, NAME).any(|at| {
        let before = text[..at].iter().rev().find(|b| !b.is_ascii_whitespace());
        let after = text[at + NAME.len()..]
            .iter()
            .find(|b| !b.is_ascii_whitespace());
        before != Some(&b'.') && !matches!(after, Some(b'.' | b'?' | b'['))
    })
}

/// How to parse a block with these attributes; `None` for a block that is not JavaScript.
fn block_type(attrs: &str, html: bool) -> Option<SourceType> {
    let lang = attribute(attrs, "lang").map(|l| l.to_ascii_lowercase());
    let kind = attribute(attrs, "type").map(|t| t.trim().to_ascii_lowercase());
    let module = match kind.as_deref() {
        None | Some("") => !html,
        Some("module") => true,
        Some(t) if is_javascript_mime(t) => !html,
        Some("text/typescript" | "application/typescript") => true,
        Some(_) => return None,
    };
    Some(match lang.as_deref() {
        Some("ts" | "typescript") => SourceType::ts(),
        Some("tsx") => SourceType::tsx(),
        Some("jsx") => SourceType::jsx(),
        // CoffeeScript, LiveScript, …: not JavaScript.
        Some(l) if !matches!(l, "" | "js" | "javascript" | "mjs") => return None,
        _ if kind.as_deref().is_some_and(|t| t.ends_with("typescript")) => SourceType::ts(),
        _ if module => SourceType::mjs(),
        _ => SourceType::unambiguous(),
    })
}

/// The MIME types HTML runs as classic JavaScript.
fn is_javascript_mime(t: &str) -> bool {
    matches!(
        t,
        "text/javascript"
            | "application/javascript"
            | "application/ecmascript"
            | "application/x-javascript"
            | "text/ecmascript"
            | "text/jsx"
            | "text/babel"
    )
}

/// The value of attribute `name` in a tag's attribute text: `name="v"`, `name='v'` or
/// `name=v`; an attribute without a value gives `""`.
fn attribute<'t>(attrs: &'t str, name: &str) -> Option<&'t str> {
    let bytes = attrs.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        while i < bytes.len() && (bytes[i].is_ascii_whitespace() || bytes[i] == b'/') {
            i += 1;
        }
        let key_start = i;
        while i < bytes.len() && !(bytes[i].is_ascii_whitespace() || bytes[i] == b'=') {
            i += 1;
        }
        let key = &attrs[key_start..i];
        while i < bytes.len() && bytes[i].is_ascii_whitespace() {
            i += 1;
        }
        let value = if bytes.get(i) == Some(&b'=') {
            i += 1;
            while i < bytes.len() && bytes[i].is_ascii_whitespace() {
                i += 1;
            }
            match bytes.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = memchr::memchr(q, &bytes[i + 1..]).map_or(bytes.len(), |e| i + 1 + e);
                    let value = &attrs[i + 1..end];
                    i = end + 1;
                    value
                }
                _ => {
                    let start = i;
                    while i < bytes.len() && !bytes[i].is_ascii_whitespace() {
                        i += 1;
                    }
                    &attrs[start..i]
                }
            }
        } else {
            ""
        };
        if key.eq_ignore_ascii_case(name) {
            return Some(value);
        }
        if key.is_empty() {
            i += 1;
        }
    }
    None
}

/// The index of the `>` that ends a tag whose attributes start at `from`, skipping quoted
/// attribute values.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    for (i, &b) in bytes.iter().enumerate().skip(from) {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return Some(i),
            _ => {}
        }
    }
    None
}

/// The first index at or after `from` where `needle` (lowercase ASCII) starts, in any case.
fn find_ascii_ci(haystack: &[u8], from: usize, needle: &[u8]) -> Option<usize> {
    let first = [needle[0], needle[0].to_ascii_uppercase()];
    let mut at = from;
    while at < haystack.len() {
        let i = at + memchr::memchr2(first[0], first[1], haystack.get(at..)?)?;
        if haystack
            .get(i..i + needle.len())
            .is_some_and(|w| w.eq_ignore_ascii_case(needle))
        {
            return Some(i);
        }
        at = i + 1;
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn texts<'t>(path: &str, text: &'t str) -> Vec<&'t str> {
        scripts(path, text)
            .iter()
            .map(|b| &text[b.start..b.end])
            .collect()
    }

    #[test]
    fn a_component_has_each_block() {
        let vue = "<template><p>hi</p></template>\n<script setup lang=\"ts\">let a = 1</script>\n\
                   <SCRIPT>let b = 2</SCRIPT>";
        assert_eq!(texts("a.vue", vue), ["let a = 1", "let b = 2"]);
        let blocks = scripts("a.vue", vue);
        assert!(blocks[0].source_type.is_typescript());
        assert!(blocks[1].source_type.is_module());
    }

    #[test]
    fn other_languages_are_skipped_and_blocks_share_a_scope() {
        let vue = "<script lang=\"coffee\">x = 1</script><script>import { ksoxz_sdk } from './m'\
                   </script><script setup>ksoxz_sdk.shareMessage()</script>";
        let blocks = scripts("a.vue", vue);
        assert_eq!(blocks.len(), 2);
        assert!(blocks.iter().all(|b| b.shared_top));
        assert!(!blocks[0].sdk_shadowed && blocks[1].sdk_shadowed);
        let one = scripts(
            "a.vue",
            "<script setup>window.ksoxz_sdk.shareMessage()</script>",
        );
        assert!(!one[0].shared_top && !one[0].sdk_shadowed);
    }

    #[test]
    fn quotes_hide_a_closing_bracket_and_other_types_are_skipped() {
        let html = "<script data-x='a>b' type=\"module\">go()</script>\
                    <script type=\"text/template\"><p></p></script>\
                    <script src=\"x.js\"/><scripts>no</scripts><script>last";
        assert_eq!(texts("a.html", html), ["go()", "last"]);
        let blocks = scripts("a.html", html);
        assert!(blocks[0].source_type.is_module());
        assert!(!blocks[1].source_type.is_module());
    }

    #[test]
    fn attributes_are_read_as_browsers_read_them() {
        assert_eq!(attribute(" setup lang=ts", "lang"), Some("ts"));
        assert_eq!(attribute(" LANG = 'tsx' ", "lang"), Some("tsx"));
        assert_eq!(attribute(" setup", "setup"), Some(""));
        assert_eq!(attribute(" type=\"module", "type"), Some("module"));
        assert_eq!(attribute(" = x", "lang"), None);
    }
}
