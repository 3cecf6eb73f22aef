use share_macros::payload;
use share_schema::{ShareMessage, Validate};

fn main() {
    let built: ShareMessage = payload!({
        "type": "miniProgram",
        "channelType": ["wx"],
        // Comments and a trailing comma, as in the vendor's samples.
        "channelObject": {
            "title": "报名小程序",
            "webpageUrl": "http://example.com/signup", // http: a warning, not an error
            "userName": "gh_0123456789ab",
            "path": "pages/signup/index?from=share",
            "withShareTicket": true,
        },
    });
    let parsed: ShareMessage = serde_json::from_str(r#"{"type": "miniProgram", "channelType": ["wx"],
        "channelObject": {"title": "报名小程序", "webpageUrl": "http://example.com/signup",
        "userName": "gh_0123456789ab", "path": "pages/signup/index?from=share", "withShareTicket": true}}"#).unwrap();
    assert_eq!(built, parsed);
    assert!(built.validate().is_ok());
    assert!(!built.report().is_empty(), "the warnings are still there at run time");

    let negative = payload!({ "type": "text", "channelType": ["wx"], "channelObject": { "text": "-1 1.5e3" } });
    assert!(negative.validate().is_ok());
}
