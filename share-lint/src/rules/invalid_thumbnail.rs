//! SM601 `invalid-thumbnail`: a `thumbImage` that is not bare base64 of an image — a `data:`
//! prefix, a URL, another dialect of base64 (line breaks, URL-safe, unpadded), broken base64,
//! bytes that are no image, or an image file cut short or damaged.

use crate::diagnostic::{Applicability, Edit, Fix};
use crate::fix::raw_prefix_len;
use crate::json::text::clip;
use crate::json::Span;
use crate::rules::FixInput;

crate::declare_rule! {
    /// ## What it does
    /// Checks that `thumbImage` (web page and mini program cards) is bare, padded, standard
    /// base64 of a whole, well-formed PNG, JPEG, GIF, WebP or BMP file, and reports the first of
    /// these reasons that applies: it starts with a `data:image/...;base64,` prefix; it is an
    /// http(s) URL; it is empty; it is base64 of another dialect — broken into lines (MIME
    /// writes a line break every 76 characters, the `base64` command too, and many tools end
    /// with one), written in the URL-safe alphabet (`-` and `_`), or without its `=` padding —
    /// each said as such; it is not valid base64 in any dialect (a character outside the
    /// alphabet, a length that cannot be padded); it decodes to bytes that are not one of those
    /// image formats; or it is one of them but cut short or damaged. The file's structure is
    /// walked without decoding a pixel: PNG chunks and their CRCs from `IHDR` to `IEND`, JPEG
    /// markers from SOI through a frame header and the scan to EOI, GIF blocks to the trailer,
    /// the WebP RIFF size and its `VP8 `/`VP8L`/`VP8X` chunk, the BMP file size and DIB header.
    /// A magic number alone (the 8-byte PNG signature, `FF D8 FF`) is not an image.
    ///
    /// ## Why is this bad?
    /// The vendor page "shareMessage（第三方 app）" says `thumbImage` is base64 image data and,
    /// in a note in both card examples, that the `data:image/png;base64,` prefix that front-end
    /// tools add must be removed (需要在为image参数赋值时去掉图片格式信息). The client decodes
    /// the text into the bytes WeChat shows as the card's thumbnail: a prefix, a URL or broken
    /// base64 does not decode, and WeChat shows a card without its image or refuses it (a mini
    /// program card needs its thumbnail on Android). Android's decoder skips line breaks and
    /// reads the URL-safe alphabet, but iOS's (`NSData initWithBase64EncodedString:`) rejects
    /// them: a thumbnail that works on one phone and not on another. An image cut short by a
    /// copy that stopped early, or damaged on its way, shows nothing or half a picture.
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
    /// (`\/`, `\u00e9`, even a lone `\ud800`) included, and no comment moves. When the reason
    /// is another dialect of base64, it rewrites the string as one line of padded standard
    /// base64 (line breaks and spaces removed, `-` and `_` mapped to `+` and `/`, `=` added):
    /// the same bytes, as Android already reads them. The other reasons (not base64, not an
    /// image, a broken image) have no automatic fix: the image must be exported again.
    pub struct InvalidThumbnail {
        rule: INVALID_THUMBNAIL,
        fix: Safe,
        fixer: Self::fix,
    }
}

impl InvalidThumbnail {
    /// Removes a `data:...;base64,` prefix, or writes another dialect of base64 as the SDK's.
    fn fix(input: &FixInput<'_>) -> Option<Fix> {
        match input.violation.param("reason").and_then(|r| r.as_str())? {
            "data-uri" => Self::remove_prefix(input),
            "line-breaks" | "url-safe" | "unpadded" => Self::normalize(input),
            _ => None,
        }
    }

    /// The whole string written again as one line of padded standard base64 of the same bytes.
    fn normalize(input: &FixInput<'_>) -> Option<Fix> {
        let serde_json::Value::String(s) = input.value else {
            return None;
        };
        let standard = share_schema::rules::image::normalize_base64(s)?;
        // The base64 alphabet needs no JSON escape. Not `format!`, whose buffer starts at a
        // guess of a few bytes and is grown to the thumbnail, then grown again (copied whole)
        // for the closing quote: 2.14 M against 1.76 M instructions for this fix on 1,000 files
        // (BENCHMARKS.md, "Where a file's time goes").
        let mut replacement = String::with_capacity(standard.len() + 2);
        replacement.push('"');
        replacement.push_str(&standard);
        replacement.push('"');
        Some(Fix {
            message: "Write it as one line of padded standard base64".to_owned(),
            applicability: Applicability::Safe,
            edits: vec![Edit {
                span: input.node.span,
                replacement,
            }],
        })
    }

    /// Deletes a `data:...;base64,` prefix as written.
    fn remove_prefix(input: &FixInput<'_>) -> Option<Fix> {
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
