// The in-app share has no WeChat channel, and its builder cannot turn into an external share.
use share_schema::builder::Share;
use share_schema::ExternalShare;

fn main() {
    let _ = Share::in_app_text("你好").to_chat();
    let _: ExternalShare = Share::in_app_markdown("**hi**").build().unwrap();
}
