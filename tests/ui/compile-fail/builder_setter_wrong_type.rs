// A setter's argument of the wrong type is reported at the setter's signature in the builder's
// source, not inside the macro that writes the setters.
use share_schema::builder::Share;

fn main() {
    let _ = Share::web_page("https://example.com/report").title(2024).to_chat().build();
    let _ = Share::in_app_text("你好").show_ai_agent_entrance("yes").build();
}
