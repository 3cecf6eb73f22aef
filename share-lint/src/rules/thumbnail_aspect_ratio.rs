//! SM605 `thumbnail-aspect-ratio`: a mini program thumbnail that is not in the recommended 5:4.

crate::declare_rule! {
    /// ## What it does
    /// Reads the width and height from the header of the image a mini program card's
    /// `thumbImage` decodes to, and reports an image whose aspect ratio is more than 2% away
    /// from 5:4 (so 500×400 and 250×200 pass, 120×120 does not). Images whose size cannot be
    /// read are not reported.
    ///
    /// ## Why is this bad?
    /// WeChat's docs recommend a 5:4 image for a mini program card, the shape of the card's
    /// picture area. An image of another shape is cropped or letterboxed by WeChat, which can
    /// cut off text or a logo near its edges. It is only information: the share works.
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
    ///     // a square 120×120 app icon
    ///     "thumbImage": "iVBORw0KGgoAAAANSUhEUgAAAHgAAAB4…"
    ///   }
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```jsonc
    /// {
    ///   "type": "miniProgram",
    ///   "channelType": ["wx"],
    ///   "channelObject": {
    ///     "title": "金山文档",
    ///     "webpageUrl": "https://www.kdocs.cn/",
    ///     "userName": "gh_d43f693ca31f",
    ///     // a 250×200 cover image
    ///     "thumbImage": "iVBORw0KGgoAAAANSUhEUgAAAPoAAADI…"
    ///   }
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct ThumbnailAspectRatio {
        rule: THUMBNAIL_ASPECT_RATIO,
        fix: None,
    }
}
