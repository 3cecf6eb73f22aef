// A generic type's parameters must derive `Validate` too: the derive bounds `T: Validate`,
// `T: Shape` and `T: JsonSchema` on its impls, as serde bounds `T: Deserialize`.
use share_schema::schema::SchemaGenerator;
use share_schema::{Context, Shape, Validate};

#[derive(serde::Deserialize, Validate)]
struct Page<T> {
    items: Vec<T>,
}

#[derive(serde::Deserialize)]
struct NotDerived {
    name: String,
}

fn save<T: Validate>(_: &T) {}

fn main() {
    let page: Page<NotDerived> = Page { items: Vec::new() };
    save(&page);
    let _ = SchemaGenerator::default().root_for::<Page<NotDerived>>();
    let _ = <Page<NotDerived> as Shape>::from_json(&serde_json::json!({}), &mut Context::new());
    // A method call is rustc's own error (E0599), which names `NotDerived: Validate` but shows
    // a trait's `on_unimplemented` message only for the receiver's own type.
    let _ = page.validate();
}
