//! SM603 `thumbnail-over-legacy-limit`: a web page thumbnail over the 32 KiB that WeChat's docs
//! and older SDKs allow.

crate::declare_rule! {
    /// ## What it does
    /// Checks that a web page card's `thumbImage` decodes to at most 32,768 bytes. Over 65,536
    /// bytes, `thumbnail-too-large` reports an error as well.
    ///
    /// ## Why is this bad?
    /// WeChat's share docs still say a thumbnail must not exceed 32 KB, and older Android
    /// OpenSDKs check 32,768 bytes; current SDKs check 65,536. A thumbnail between the two
    /// works for users whose WeChat (and the SDK built into their WPS协作 client) is recent, and
    /// fails for the others.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "webPage",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "金山软件欢迎你加入",
    ///     "webpageUrl": "https://www.kingsoft.com/",
    ///     // a 40 KB PNG
    ///     "thumbImage": "iVBORw0KGgoAAAANSUhEUgAAAIIAAABo…"
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
    ///     // the same picture as a 12 KB JPEG
    ///     "thumbImage": "/9j/4AAQSkZJRgABAQAAAQABAAD…"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct ThumbnailOverLegacyLimit {
        rule: THUMBNAIL_OVER_LEGACY_LIMIT,
        fix: None,
    }
}
