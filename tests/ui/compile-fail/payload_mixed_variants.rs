use share_macros::payload;

fn main() {
    // The seed page's sample code (an in-app share) given a channelType.
    let _ = payload!({
        "type": "webPage",
        "channelType": ["wx"],
        "content": { "title": "金山软件欢迎你加入", "url": "https://www.kingsoft.com/" }
    });
}
