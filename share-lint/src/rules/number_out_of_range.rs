//! SM007 `number-out-of-range`: a number such as `1e999999` that no JavaScript engine represents.

crate::declare_rule! {
    /// ## What it does
    /// Checks that every number is within the range of a double (the largest is about
    /// 1.8e308). JSON's grammar allows any number of digits and any exponent, so `1e999999` is
    /// valid JSON.
    ///
    /// ## Why is this bad?
    /// JavaScript numbers are doubles: `JSON.parse` turns a number beyond their range into
    /// `Infinity`, and `JSON.stringify` writes `Infinity` back as `null`, so the value is lost
    /// on the first round trip; `serde_json` refuses the whole document ("number out of
    /// range"). The payload format has no numeric keys, so such a number is a wrong type as
    /// well; most often it is a generator's bug or a fuzzing input.
    ///
    /// ## Example
    /// ```jsonc
    /// {
    ///   "type": "text",
    ///   "channelType": ["wx"],
    ///   "channelObject": { "text": "你好" },
    ///   "showAIAgentEntrance": 1e999999
    /// }
    /// ```
    ///
    /// ## Use instead
    /// ```jsonc
    /// {
    ///   "type": "text",
    ///   "channelType": ["wx"],
    ///   "channelObject": { "text": "你好" },
    ///   "showAIAgentEntrance": true
    /// }
    /// ```
    ///
    /// ## Fix safety
    /// This rule has no automatic fix.
    pub struct NumberOutOfRange {
        code: crate::rules::codes::NUMBER_OUT_OF_RANGE,
        name: "number-out-of-range",
        severity: Error,
        summary: "a number that no JavaScript engine represents, such as `1e999999`",
        fix: None,
    }
}
