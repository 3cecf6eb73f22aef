use share_macros::payload;

fn main() {
    let _ = payload!({
        "type": "miniProgram",
        "channelType": ["wx", "wx_moments"],
        "channelObject": {
            "title": "报名小程序",
            "webpageUrl": "https://example.com/signup",
            "userName": "gh_0123456789ab"
        }
    });
}
