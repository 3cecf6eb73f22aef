//! SM001 `invalid-json`: a file that is not valid JSON — or JSONC, where comments and trailing
//! commas are allowed.

use crate::diagnostic::Diagnostic;
use crate::json::Parsed;

crate::declare_rule! {
    /// ## What it does
    /// Parses the file. `.json` files are strict JSON (RFC 8259): a comment or a trailing comma
    /// is reported, and the rest of the file is still checked. `.jsonc` files — and `.json`
    /// files too with `json-comments = true` in the `[files]` table of `share-lint.toml` —
    /// allow `//` and `/* */` comments and trailing commas. Any other syntax error (a missing
    /// comma, a single-quoted string, an unquoted key, an unclosed bracket) stops the parse: it
    /// is reported and nothing else in the file is checked.
    ///
    /// Two limits stop the parse the same way, so that no file under the size cap can exhaust
    /// the stack or the memory: nesting deeper than 128 arrays and objects, and more JSON values
    /// than one per ten bytes of `max-file-size` (1,048,576 under the default 10 MiB — real
    /// payloads spend far more than ten bytes a value; a file of `[0,0,…]` spends two). A large
    /// array file read a piece at a time counts the values of each element apart.
    ///
    /// ## Why is this bad?
    /// Whatever loads the payload — `JSON.parse`, `response.json()`, a server's JSON library —
    /// throws on invalid JSON, and the share never happens. Two habits produce it: the vendor
    /// page "shareMessage（第三方 app）" puts `//` comments inside its WebPage and MiniProgram
    /// examples, which are fine in a `.jsonc` file and a syntax error in a `.json` one; and
    /// its sample code is a JavaScript object literal (`type: 'webPage'`), which is not JSON
    /// at all.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   type: 'webPage',
    ///   content: {
    ///     title: '金山软件欢迎你加入',
    ///     url: 'https://www.kingsoft.com/',
    ///   }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "content": {
    ///     "title": "金山软件欢迎你加入",
    ///     "url": "https://www.kingsoft.com/"
    ///   }
    /// }
    /// ```
    ///
    /// To keep comments, name the file `.jsonc`, or set `json-comments = true` (in `[files]`)
    /// if whatever reads your `.json` files strips them.
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct InvalidJson {
        rule: INVALID_JSON,
        fix: None,
        suppressible: false,
    }
}

impl InvalidJson {
    /// The parser's syntax errors; in strict JSON, a comment or a trailing comma gets a hint.
    pub(crate) fn check(parsed: &Parsed, jsonc: bool) -> impl Iterator<Item = Diagnostic> + '_ {
        parsed.errors.iter().map(move |e| {
            let d = Diagnostic::new(Self::RULE.rule, e.span, e.message.clone());
            if !jsonc && (e.message.contains("comment") || e.message.contains("trailing comma")) {
                d.with_help(
                    "rename the file to .jsonc, or set `json-comments = true` in share-lint.toml",
                )
            } else {
                d
            }
        })
    }
}
