use share_macros::payload;

fn main() {
    let _ = payload!({
        "type": "webPage",
        "channelType": ["wx"],
        "channelObject": {
            "title": "季度报告",
            "webpageUrl": "https://example.com/report",
            "thumbImage": "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg=="
        }
    });
}
