// The WeChat JS-SDK's parameters in payload!: one error naming the API, not one per key.
use share_macros::payload;

fn main() {
    let _ = payload!({
        "title": "金山软件欢迎你加入",
        "desc": "一起来创造无限可能",
        "link": "https://www.kingsoft.com/",
        "imgUrl": "https://www.kingsoft.com/logo.png",
    });
}
