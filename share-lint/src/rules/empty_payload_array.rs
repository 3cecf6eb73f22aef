//! SM108 `empty-payload-array`: a payload file that is an empty array, with nothing to check.

crate::declare_rule! {
    /// ## What it does
    /// Checks that a payload file holding an array of payloads holds at least one.
    ///
    /// ## Why is this bad?
    /// A payload file holds a params object, a call argument `{"params": {...}}`, or an array
    /// of either. An empty array passes every check because there is nothing to check: most
    /// often a generator wrote no payloads, or the payloads were moved and the file left behind,
    /// and a green lint run would hide that.
    ///
    /// ## Example
    /// ```jsonc
    /// []
    /// ```
    ///
    /// ## Use instead
    /// ```jsonc
    /// [
    ///   { "type": "text", "channelType": ["wx"], "channelObject": { "text": "你好" } }
    /// ]
    /// ```
    ///
    /// Or delete the file.
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct EmptyPayloadArray {
        rule: EMPTY_PAYLOAD_ARRAY,
        fix: None,
    }
}
