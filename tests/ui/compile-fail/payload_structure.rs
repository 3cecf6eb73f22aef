use share_macros::payload;

fn main() {
    // Every structural mistake at once, each at its own token.
    let _ = payload!({
        "type": "webPage",
        "channelType": "wx",
        "channelObject": {
            "titel": "月度总结",
            "url": "https://example.com/summary"
        }
    });
}
