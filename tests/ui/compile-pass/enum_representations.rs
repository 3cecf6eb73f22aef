// serde's four enum representations, each with unit, newtype and struct variants.
use share_schema::{Context, ShapeOwned, Validate};

#[derive(serde::Deserialize, Validate)]
struct Circle {
    #[share(max_chars = 8)]
    label: String,
}

#[derive(serde::Deserialize, Validate)]
#[serde(rename_all = "snake_case")]
enum External {
    Empty,
    Circle(Circle),
    Rect {
        #[share(non_empty)]
        label: String,
    },
}

#[derive(serde::Deserialize, Validate)]
#[serde(tag = "kind")]
enum Internal {
    Empty,
    Circle(Circle),
    Rect {
        #[share(non_empty)]
        label: String,
    },
}

#[derive(serde::Deserialize, Validate)]
#[serde(tag = "t", content = "c", rename_all = "kebab-case")]
enum Adjacent {
    Empty,
    Circle(Circle),
    RoundRect {
        #[share(non_empty)]
        label: String,
    },
}

#[derive(serde::Deserialize, Validate)]
#[serde(untagged)]
enum Untagged {
    Empty,
    Circle(Circle),
    Rect {
        #[share(non_empty)]
        rect_label: String,
    },
}

fn accepts<T: ShapeOwned>(json: serde_json::Value) {
    let mut cx = Context::new();
    let built = T::from_json(&json, &mut cx);
    assert!(
        built.is_some() && cx.is_empty(),
        "{json}: {:?}",
        cx.violations()
    );
}

fn main() {
    use serde_json::json;
    accepts::<External>(json!("empty"));
    accepts::<External>(json!({"circle": {"label": "c"}}));
    accepts::<External>(json!({"rect": {"label": "r"}}));
    accepts::<Internal>(json!({"kind": "Empty"}));
    accepts::<Internal>(json!({"kind": "Circle", "label": "c"}));
    accepts::<Internal>(json!({"kind": "Rect", "label": "r"}));
    accepts::<Adjacent>(json!({"t": "empty"}));
    accepts::<Adjacent>(json!({"t": "circle", "c": {"label": "c"}}));
    accepts::<Adjacent>(json!({"t": "round-rect", "c": {"label": "r"}}));
    accepts::<Untagged>(json!(null));
    accepts::<Untagged>(json!({"label": "c"}));
    accepts::<Untagged>(json!({"rect_label": "r"}));
    assert!(Untagged::Rect {
        rect_label: String::new()
    }
    .validate()
    .is_err());
}
