//! Array rules: an item that must not appear (`wx_moments` beside a mini program) and items that
//! must be unique; plus their schema.
//!
//! ```
//! use share_schema::rules::items;
//!
//! let channels = vec!["wx".to_owned(), "wx_moments".to_owned(), "wx".to_owned()];
//! let failure = items::not_contains(&channels, "wx_moments").unwrap_err();
//! assert_eq!(failure.message, "contains `wx_moments`, which is not allowed here");
//! let failure = items::unique(&channels).unwrap_err();
//! assert_eq!(failure.message, "lists `wx` twice (items 0 and 2)");
//! ```

use super::{Failure, JsonName};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::hash::Hash;

/// Fails when an item's JSON name is `forbidden`; reports the first such item.
pub fn not_contains<T: JsonName>(items: &[T], forbidden: &str) -> Result<(), Failure> {
    match items.iter().position(|item| item.json_name() == forbidden) {
        None => Ok(()),
        Some(index) => Err(Failure::new(format!(
            "contains `{forbidden}`, which is not allowed here"
        ))
        .with_param("actual", forbidden)
        .with_param("index", index)),
    }
}

/// The schema of [`not_contains`]: `{"not": {"contains": {"const": forbidden}}}`.
pub fn not_contains_schema(forbidden: &str) -> Value {
    // Exact, for items that serialize to their JSON name (strings and unit enum variants).
    json!({ "not": { "contains": { "const": forbidden } } })
}

/// Fails when two items are equal; reports the first repeated item and where it was first.
pub fn unique<T: Eq + Hash + JsonName>(items: &[T]) -> Result<(), Failure> {
    let repeated = |first: usize, index: usize| {
        let item = &items[index];
        Err(Failure::new(format!(
            "lists `{}` twice (items {first} and {index})",
            item.json_name()
        ))
        .with_param("actual", item.json_name())
        .with_param("index", index)
        .with_param("first", first))
    };
    // Short lists (every real `channelType`): compare pairs, no allocation.
    if items.len() <= 16 {
        for index in 1..items.len() {
            if let Some(first) = items[..index].iter().position(|x| *x == items[index]) {
                return repeated(first, index);
            }
        }
        return Ok(());
    }
    // Long lists come from hostile input: linear time, with a randomly seeded hash.
    let mut seen: HashMap<&T, usize> = HashMap::with_capacity(items.len());
    for (index, item) in items.iter().enumerate() {
        if let Some(&first) = seen.get(item) {
            return repeated(first, index);
        }
        seen.insert(item, index);
    }
    Ok(())
}

/// The schema of [`unique`]: `{"uniqueItems": true}`.
pub fn unique_schema() -> Value {
    // Exact, for items whose Rust equality is their JSON equality (strings, unit enum variants).
    json!({ "uniqueItems": true })
}

/// Collections `min_items` and `max_items` count: lists, arrays and sets.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a list: `min_items` and `max_items` apply to lists, arrays and sets",
    label = "an item-count rule is applied to this field"
)]
pub trait HasItems {
    /// How many items there are.
    fn item_count(&self) -> usize;
}

impl<T> HasItems for [T] {
    fn item_count(&self) -> usize {
        self.len()
    }
}

impl<T, const N: usize> HasItems for [T; N] {
    fn item_count(&self) -> usize {
        N
    }
}

impl<T> HasItems for Vec<T> {
    fn item_count(&self) -> usize {
        self.len()
    }
}

impl<T> HasItems for Box<[T]> {
    fn item_count(&self) -> usize {
        self.len()
    }
}

impl<T> HasItems for std::collections::VecDeque<T> {
    fn item_count(&self) -> usize {
        self.len()
    }
}

impl<T, S> HasItems for std::collections::HashSet<T, S> {
    fn item_count(&self) -> usize {
        self.len()
    }
}

impl<T> HasItems for std::collections::BTreeSet<T> {
    fn item_count(&self) -> usize {
        self.len()
    }
}

impl<T: HasItems + ?Sized> HasItems for &T {
    fn item_count(&self) -> usize {
        (**self).item_count()
    }
}

fn is_are(n: usize) -> &'static str {
    if n == 1 {
        "is"
    } else {
        "are"
    }
}

fn items(n: usize) -> String {
    format!("{n} item{}", if n == 1 { "" } else { "s" })
}

/// Fails when `list` holds fewer than `min` items.
///
/// ```
/// use share_schema::rules::items;
///
/// let failure = items::min_items(&vec!["wx"], 2).unwrap_err();
/// assert_eq!(failure.message, "holds 1 item; at least 2 are required");
/// ```
pub fn min_items<L: HasItems + ?Sized>(list: &L, min: usize) -> Result<(), Failure> {
    let n = list.item_count();
    if n >= min {
        return Ok(());
    }
    Err(Failure::new(format!(
        "holds {}; at least {min} {} required",
        items(n),
        is_are(min)
    ))
    .with_param("actual", n)
    .with_param("min", min))
}

/// Fails when `list` holds more than `max` items.
pub fn max_items<L: HasItems + ?Sized>(list: &L, max: usize) -> Result<(), Failure> {
    let n = list.item_count();
    if n <= max {
        return Ok(());
    }
    Err(Failure::new(format!(
        "holds {}; at most {max} {} allowed",
        items(n),
        is_are(max)
    ))
    .with_param("actual", n)
    .with_param("max", max))
}

/// The schema of [`min_items`]: exact.
pub fn min_items_schema(min: usize) -> Value {
    json!({ "minItems": min })
}

/// The schema of [`max_items`]: exact.
pub fn max_items_schema(max: usize) -> Value {
    json!({ "maxItems": max })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
    enum Channel {
        Wx,
        WxMoments,
    }

    impl JsonName for Channel {
        fn json_name(&self) -> &str {
            match self {
                Channel::Wx => "wx",
                Channel::WxMoments => "wx_moments",
            }
        }
    }

    #[test]
    fn not_contains_reports_first_index() {
        use Channel::*;
        assert!(not_contains::<Channel>(&[], "wx_moments").is_ok());
        assert!(not_contains(&[Wx, Wx], "wx_moments").is_ok());
        let f = not_contains(&[Wx, WxMoments, WxMoments], "wx_moments").unwrap_err();
        assert_eq!(
            f.message,
            "contains `wx_moments`, which is not allowed here"
        );
        assert!(f.params.contains(&("index", json!(1))));
        let strings = vec!["微信".to_owned()];
        assert!(not_contains(&strings, "微信").is_err());
        assert!(not_contains(&strings, "").is_ok());
    }

    #[test]
    fn unique_reports_first_repeat() {
        use Channel::*;
        assert!(unique::<Channel>(&[]).is_ok());
        assert!(unique(&[Wx, WxMoments]).is_ok());
        let f = unique(&[Wx, WxMoments, Wx, WxMoments]).unwrap_err();
        assert_eq!(f.message, "lists `wx` twice (items 0 and 2)");
        assert!(f.params.contains(&("index", json!(2))));
        assert!(f.params.contains(&("first", json!(0))));
        let f = unique(&[WxMoments, Wx, WxMoments]).unwrap_err();
        assert_eq!(f.message, "lists `wx_moments` twice (items 0 and 2)");
    }

    #[test]
    fn unique_is_linear_on_large_inputs() {
        let mut items: Vec<String> = (0..200_000).map(|i| i.to_string()).collect();
        assert!(unique(&items).is_ok());
        items.push("199999".to_owned());
        let f = unique(&items).unwrap_err();
        assert_eq!(f.message, "lists `199999` twice (items 199999 and 200000)");
    }

    #[test]
    fn schemas() {
        assert_eq!(
            not_contains_schema("wx_moments"),
            json!({"not": {"contains": {"const": "wx_moments"}}})
        );
        assert_eq!(unique_schema(), json!({"uniqueItems": true}));
    }
}
