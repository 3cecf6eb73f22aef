// `channelType` cannot be empty: `build()` needs `.to_chat()` or `.to_moments()` first.
use share_schema::builder::Share;

fn main() {
    let _ = Share::web_page("https://example.com/report")
        .title("季度报告")
        .build();
}
