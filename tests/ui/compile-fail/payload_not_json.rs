use share_macros::payload;

fn main() {
    let _ = payload!({ "type": text });
    let _ = payload!({ "type": "text", "channelType": ["wx"], "channelObject": { "text": ('a') } });
    let _ = payload!({ "type": "text", "type": "text", "channelType": ["wx"], "channelObject": { "text": "x" } });
}
