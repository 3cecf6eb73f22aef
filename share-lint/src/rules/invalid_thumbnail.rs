//! SM601 `invalid-thumbnail`: a `thumbImage` that is not bare base64 of an image — a `data:`
//! prefix, a URL, broken base64, or bytes that are no image.

use crate::diagnostic::{Applicability, Edit, Fix};
use crate::fix::raw_prefix_len;
use crate::json::text::clip;
use crate::json::Span;
use crate::rules::FixInput;

crate::declare_rule! {
    /// ## What it does
    /// Checks that `thumbImage` (web page and mini program cards) is bare, padded, standard
    /// base64 of a PNG, JPEG, GIF, WebP or BMP file, and reports the first of these reasons
    /// that applies: it starts with a `data:image/...;base64,` prefix; it is an http(s) URL;
    /// it is empty; it is not valid base64 (a character outside the alphabet, line breaks,
    /// URL-safe `-` and `_`, a length that is not a multiple of 4); it decodes to bytes that
    /// are not one of those image formats.
    ///
    /// ## Why is this bad?
    /// The vendor page "shareMessage（第三方 app）" says `thumbImage` is base64 image data and,
    /// in a note in both card examples, that the `data:image/png;base64,` prefix that front-end
    /// tools add must be removed (需要在为image参数赋值时去掉图片格式信息). The client decodes
    /// the text into the bytes WeChat shows as the card's thumbnail: a prefix, a URL or broken
    /// base64 does not decode, and WeChat shows a card without its image or refuses it (a mini
    /// program card needs its thumbnail on Android).
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "金山软件欢迎你加入",
    ///     "webpageUrl": "https://www.kingsoft.com/",
    ///     "thumbImage": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAHgAAABg…"
    ///   }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "金山软件欢迎你加入",
    ///     "webpageUrl": "https://www.kingsoft.com/",
    ///     "thumbImage": "iVBORw0KGgoAAAANSUhEUgAAAHgAAABg…"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// The fix is safe: when the reason is a `data:...;base64,` prefix, it removes the prefix,
    /// leaving the base64 data unchanged — exactly what the vendor page asks for. It deletes the
    /// prefix as written and nothing else: the rest of the string keeps its bytes, escapes
    /// (`\/`, `\u00e9`, even a lone `\ud800`) included, and no comment moves. The other reasons
    /// have no automatic fix.
    pub struct InvalidThumbnail {
        rule: INVALID_THUMBNAIL,
        fix: Safe,
        fixer: Self::fix,
    }
}

impl InvalidThumbnail {
    /// Removes a `data:...;base64,` prefix (the only reason with a fix).
    fn fix(input: &FixInput<'_>) -> Option<Fix> {
        if input.violation.param("reason").and_then(|r| r.as_str()) != Some("data-uri") {
            return None;
        }
        let serde_json::Value::String(s) = input.value else {
            return None;
        };
        let stripped = share_schema::rules::image::strip_data_uri(s)?;
        let prefix = &s[..s.len() - stripped.len()];
        // Delete the prefix's bytes as written rather than write the string again: what follows
        // it stays byte for byte, escapes included.
        let inside = input.node.span.start + 1;
        let raw = input
            .text
            .get(inside..input.node.span.end.checked_sub(1)?)?;
        let len = raw_prefix_len(raw, prefix)?;
        Some(Fix {
            message: format!("Remove the `{}` prefix", clip(prefix, 40)),
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span: Span::new(inside, inside + len),
                replacement: String::new(),
            }],
        })
    }
}
