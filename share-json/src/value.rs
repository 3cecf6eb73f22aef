//! The syntax tree: values that know their spans, and objects that keep every member.
//!
//! Where a key repeats, everything that reads the tree as data (`get`, `pointer`, `to_value`)
//! takes the *last* member, as `JSON.parse` does; the earlier ones stay visible to the linter.

use serde_json::{Map, Value};

use super::number::to_number;
use super::Span;

/// A JSON value and where it is.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    /// The whole value: quotes of a string, brackets of an array or object included.
    pub span: Span,
    /// What the value is.
    pub kind: NodeKind,
}

/// The kinds of JSON value.
#[derive(Debug, Clone, PartialEq)]
pub enum NodeKind {
    /// `null`.
    Null,
    /// `true` or `false`.
    Bool(bool),
    /// A number, as written (`1.50`, `1e999`); see [`Node::to_value`] for its value.
    Number(String),
    /// A string, escapes decoded.
    String(String),
    /// An array's elements.
    Array(Vec<Node>),
    /// An object's members in source order, repeated keys included.
    Object(Vec<Member>),
    /// A value the source computes when it runs, which a linter cannot know: a variable, a call,
    /// a template with expressions, a spread element (`...rest`) in an array. The JSON parser
    /// never produces it; the JS/TS front end of `share-lint` does. A rule that depends on it
    /// must not fire.
    Unknown,
}

/// One `"key": value` of an object.
#[derive(Debug, Clone, PartialEq)]
pub struct Member {
    /// The decoded key.
    pub key: String,
    /// The key as written, quotes included.
    pub key_span: Span,
    /// The value.
    pub value: Node,
}

impl Node {
    /// The `serde_json::Value` that `serde_json::from_str` (and `JSON.parse`) would give: for a
    /// repeated key, the last value at the place of the first key.
    ///
    /// An [`Unknown`](NodeKind::Unknown) value becomes `null`.
    ///
    /// A number too large for an `f64` (`1e999`, listed in
    /// [`Parsed::unrepresentable_numbers`](super::Parsed::unrepresentable_numbers)) becomes
    /// `null`, where `serde_json` would reject the document.
    pub fn to_value(&self) -> Value {
        match &self.kind {
            NodeKind::Null | NodeKind::Unknown => Value::Null,
            NodeKind::Bool(b) => Value::Bool(*b),
            NodeKind::Number(raw) => to_number(raw).map_or(Value::Null, Value::Number),
            NodeKind::String(s) => Value::String(s.clone()),
            NodeKind::Array(items) => Value::Array(items.iter().map(Node::to_value).collect()),
            NodeKind::Object(members) => {
                let mut map = Map::with_capacity(members.len());
                for member in members {
                    // With `preserve_order`, inserting a key again keeps its first place.
                    map.insert(member.key.clone(), member.value.to_value());
                }
                Value::Object(map)
            }
        }
    }

    /// [`to_value`](Self::to_value), moving the strings out instead of copying them: the tree
    /// keeps its shape, keys and spans (enough to locate findings), but its string values and
    /// numbers as written are left empty. For a linter that needs the value once and the spans afterwards, this saves
    /// copying every string (a payload is mostly one long base64 string).
    pub fn take_value(&mut self) -> Value {
        match &mut self.kind {
            NodeKind::Null | NodeKind::Unknown => Value::Null,
            NodeKind::Bool(b) => Value::Bool(*b),
            // The number as written is not needed after (its span is): freed as it goes, so
            // the tree and the value do not both hold a million numbers.
            NodeKind::Number(raw) => {
                to_number(&std::mem::take(raw)).map_or(Value::Null, Value::Number)
            }
            NodeKind::String(s) => Value::String(std::mem::take(s)),
            NodeKind::Array(items) => {
                Value::Array(items.iter_mut().map(Node::take_value).collect())
            }
            NodeKind::Object(members) => {
                let mut map = Map::with_capacity(members.len());
                for member in members {
                    map.insert(member.key.clone(), member.value.take_value());
                }
                Value::Object(map)
            }
        }
    }

    /// The JSON type's name, for messages: `null`, `boolean`, `number`, `string`, `array` or
    /// `object` (`unknown` for a value the source computes).
    pub fn type_name(&self) -> &'static str {
        match self.kind {
            NodeKind::Null => "null",
            NodeKind::Bool(_) => "boolean",
            NodeKind::Number(_) => "number",
            NodeKind::String(_) => "string",
            NodeKind::Array(_) => "array",
            NodeKind::Object(_) => "object",
            NodeKind::Unknown => "unknown",
        }
    }

    /// The decoded text, if this is a string.
    pub fn as_str(&self) -> Option<&str> {
        match &self.kind {
            NodeKind::String(s) => Some(s),
            _ => None,
        }
    }

    /// The value, if this is `true` or `false`.
    pub fn as_bool(&self) -> Option<bool> {
        match self.kind {
            NodeKind::Bool(b) => Some(b),
            _ => None,
        }
    }

    /// The elements, if this is an array.
    pub fn as_array(&self) -> Option<&[Node]> {
        match &self.kind {
            NodeKind::Array(items) => Some(items),
            _ => None,
        }
    }

    /// All members in source order, repeated keys included, if this is an object.
    pub fn as_object(&self) -> Option<&[Member]> {
        match &self.kind {
            NodeKind::Object(members) => Some(members),
            _ => None,
        }
    }

    /// The member that counts for `key` (the last one with that key), if this is an object.
    pub fn member(&self, key: &str) -> Option<&Member> {
        self.as_object()?.iter().rev().find(|m| m.key == key)
    }

    /// The value that counts for `key` (the last one with that key), if this is an object.
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.member(key).map(|m| &m.value)
    }
}

#[cfg(test)]
mod tests {
    use super::super::{parse, Node, ParseOptions};

    #[test]
    fn the_last_duplicate_wins_at_the_first_place() {
        let src = r#"{"a": 1, "b": 2, "a": 3}"#;
        let root = parse(src, &ParseOptions::json()).root.unwrap();
        let value = root.to_value();
        assert_eq!(value, serde_json::json!({"a": 3, "b": 2}));
        let keys: Vec<&String> = value.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["a", "b"]);
        assert_eq!(root.get("a").unwrap().to_value(), 3);
        assert_eq!(root.as_object().unwrap().len(), 3);
    }

    #[test]
    fn accessors_answer_only_for_their_kind() {
        let src = r#"[null, true, 1, "s", [], {}]"#;
        let root = parse(src, &ParseOptions::json()).root.unwrap();
        let items = root.as_array().unwrap();
        let names: Vec<&str> = items.iter().map(Node::type_name).collect();
        assert_eq!(
            names,
            ["null", "boolean", "number", "string", "array", "object"]
        );
        assert_eq!(items[1].as_bool(), Some(true));
        assert_eq!(items[3].as_str(), Some("s"));
        assert_eq!(items[3].as_bool(), None);
        assert!(items[4].as_array().unwrap().is_empty());
        assert!(items[5].as_object().unwrap().is_empty());
        assert!(items[4].get("a").is_none());
        assert!(root.as_object().is_none());
    }
}
