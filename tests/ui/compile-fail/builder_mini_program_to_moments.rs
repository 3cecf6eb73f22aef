// WeChat shares mini programs to chats only: the mini program builder has no `to_moments()`.
use share_schema::builder::Share;

fn main() {
    let _ = Share::mini_program("gh_0123456789ab", "https://example.com/fallback")
        .title("报名")
        .to_chat()
        .to_moments()
        .build();
}
