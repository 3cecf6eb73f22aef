// `webpageUrl` is required: it is the constructor's argument.
use share_schema::builder::Share;

fn main() {
    let _ = Share::web_page().title("季度报告").to_chat().build();
}
