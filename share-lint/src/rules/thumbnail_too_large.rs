//! SM602 `thumbnail-too-large`: a thumbnail over WeChat's hard limit — 64 KiB for a web page
//! card, 128 KiB for a mini program card, decoded.

crate::declare_rule! {
    /// ## What it does
    /// Checks the size of the image `thumbImage` decodes to (the image file's bytes, not its
    /// pixels): at most 65,536 bytes for a web page card and 131,072 bytes for a mini program
    /// card. The size is computed from the base64 text without decoding it.
    ///
    /// ## Why is this bad?
    /// The WeChat OpenSDK rejects a larger thumbnail before the share starts: the current
    /// Android SDK's limit is 65,536 bytes for a message thumbnail (32,768 in older SDKs and in
    /// the docs) and 131,072 bytes for a mini program card (its constant for mini program
    /// thumbnails; WeChat's docs say 128 KB). The vendor page's payload carries the thumbnail
    /// as base64, so the text in the file is a third larger than the limit it must meet.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "miniProgram",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "金山文档",
    ///     "webpageUrl": "https://www.kdocs.cn/",
    ///     "userName": "gh_d43f693ca31f",
    ///     // a 1000×800 photo: 180 KB of PNG, 240 KB of base64
    ///     "thumbImage": "iVBORw0KGgoAAAANSUhEUgAAA+gAAAMg…"
    ///   }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// Scale the image down (a mini program card shows it at about 250×200) or save it as JPEG:
    ///
    /// ```jsonc
    /// {
    ///   "type": "miniProgram",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "金山文档",
    ///     "webpageUrl": "https://www.kdocs.cn/",
    ///     "userName": "gh_d43f693ca31f",
    ///     // 500×400 JPEG: 40 KB
    ///     "thumbImage": "/9j/4AAQSkZJRgABAQAAAQABAAD…"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct ThumbnailTooLarge {
        rule: THUMBNAIL_TOO_LARGE,
        fix: None,
    }
}
