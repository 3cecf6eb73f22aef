//! Differential test: generated payloads (valid, at the limits, and broken in each way the rules
//! know) are judged three ways —
//!
//! 1. `Shape::from_json` on the JSON value (what the linter runs),
//! 2. `serde_json::from_value` + `validate()` on the typed value (what a Rust program runs),
//! 3. the `jsonschema` crate on the emitted schema (what an editor or another tool runs).
//!
//! 1 and 2 must report the same violations. The schema must never reject a payload the
//! validator accepts (it is a sound relaxation), and must agree exactly wherever the payload uses
//! only rules the schema expresses exactly (everything but UTF-8 byte lengths of non-ASCII text,
//! decoded thumbnail sizes within base64's padding slack, and image sniffing).

use proptest::prelude::*;
use proptest::test_runner::{Config, TestRunner};
use serde_json::{json, Map, Value};
use share_schema::{Context, PayloadFile, Severity, Shape, Validate};
use std::sync::OnceLock;

/// Base64 of a well-formed PNG of `size` bytes (at least 57) whose header says `width`×`height`:
/// signature, IHDR, one IDAT chunk holding filler (the structure check walks chunks and CRCs; it
/// decodes no pixels) and IEND.
fn png(width: u32, height: u32, size: usize) -> String {
    fn chunk(out: &mut Vec<u8>, kind: &[u8], data: &[u8]) {
        out.extend_from_slice(&(data.len() as u32).to_be_bytes());
        let start = out.len();
        out.extend_from_slice(kind);
        out.extend_from_slice(data);
        let crc = crc32fast::hash(&out[start..]);
        out.extend_from_slice(&crc.to_be_bytes());
    }
    let mut bytes = b"\x89PNG\r\n\x1a\n".to_vec();
    let mut ihdr = width.to_be_bytes().to_vec();
    ihdr.extend_from_slice(&height.to_be_bytes());
    ihdr.extend_from_slice(&[8, 2, 0, 0, 0]);
    chunk(&mut bytes, b"IHDR", &ihdr);
    let filler = vec![0x5a; size.max(57) - 57];
    chunk(&mut bytes, b"IDAT", &filler);
    chunk(&mut bytes, b"IEND", &[]);
    assert_eq!(bytes.len(), size.max(57));
    base64(&bytes)
}

fn base64(bytes: &[u8]) -> String {
    const ALPHABET: &[u8; 64] = b"ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
    let mut out = String::with_capacity(bytes.len().div_ceil(3) * 4);
    for chunk in bytes.chunks(3) {
        let n = chunk
            .iter()
            .enumerate()
            .fold(0u32, |n, (i, b)| n | u32::from(*b) << (16 - 8 * i));
        for i in 0..4 {
            if i <= chunk.len() {
                out.push(ALPHABET[(n >> (18 - 6 * i) & 63) as usize] as char);
            } else {
                out.push('=');
            }
        }
    }
    out
}

/// A thumbnail value and whether the schema judges it exactly like the validator.
#[derive(Clone, Debug)]
struct Thumb {
    value: String,
    exact: bool,
}

fn thumbs() -> &'static [Thumb] {
    static THUMBS: OnceLock<Vec<Thumb>> = OnceLock::new();
    THUMBS.get_or_init(|| {
        vec![
            Thumb {
                value: png(250, 200, 2_000),
                exact: true,
            },
            Thumb {
                value: png(121, 120, 20_000),
                exact: true,
            },
            // Over 32 KiB (a warning only) and at exactly 64 KiB: valid for a web page.
            Thumb {
                value: png(100, 80, 40_000),
                exact: true,
            },
            Thumb {
                value: png(100, 80, 65_536),
                exact: true,
            },
            // Over 64 KiB by far: both reject a web page thumbnail; fine for a mini program.
            Thumb {
                value: png(100, 80, 70_000),
                exact: true,
            },
            // Over 128 KiB: both reject everywhere.
            Thumb {
                value: png(100, 80, 140_000),
                exact: true,
            },
            // 65,537 bytes: base64's length (87,384) is within the schema's slack.
            Thumb {
                value: png(100, 80, 65_537),
                exact: false,
            },
            Thumb {
                value: format!("data:image/png;base64,{}", png(10, 8, 100)),
                exact: true,
            },
            Thumb {
                value: "https://example.com/a.png".into(),
                exact: true,
            },
            Thumb {
                value: "not base64!".into(),
                exact: true,
            },
            Thumb {
                value: "abc".into(),
                exact: true,
            },
            // Valid base64 of bytes that are no image: only the validator sniffs.
            Thumb {
                value: base64(b"just some text, no image"),
                exact: false,
            },
        ]
    })
}

fn urls() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("https://www.kingsoft.com/".to_owned()),
        Just("https://example.com:8443/a/b?c=d#e".to_owned()),
        Just("HTTPS://例子.中国/路径".to_owned()),
        Just("http://example.com".to_owned()),
        Just("https://[::1]:80/x".to_owned()),
        Just("https://user:pass@example.com/".to_owned()),
        Just("ftp://example.com/".to_owned()),
        Just("https://exa mple.com/".to_owned()),
        Just("www.example.com".to_owned()),
        Just("https://".to_owned()),
        Just(String::new()),
        (1usize..1100).prop_map(|n| format!("https://e.com/{}", "a".repeat(n))),
        Just(format!("https://e.com/{}", "a".repeat(10_300))),
    ]
}

/// ASCII or CJK text of a length around a limit; CJK over the limit in bytes but not in
/// characters is where the schema (which counts characters) is a relaxation.
fn text_around(limit: usize) -> impl Strategy<Value = (String, bool)> {
    prop_oneof![
        (0usize..=limit + 2).prop_map(|n| ("a".repeat(n), true)),
        prop_oneof![Just(limit - 1), Just(limit), Just(limit + 1)]
            .prop_map(|n| ("a".repeat(n), true)),
        (0usize..=limit / 3 + 2).prop_map(move |n| ("中".repeat(n), 3 * n <= limit || n > limit)),
    ]
}

fn channels() -> impl Strategy<Value = (Value, bool)> {
    prop_oneof![
        4 => Just((json!(["wx"]), true)),
        2 => Just((json!(["wx_moments"]), true)),
        2 => Just((json!(["wx", "wx_moments"]), true)),
        1 => Just((json!(["wx", "wx"]), true)),
        1 => Just((json!([]), true)),
        1 => Just((json!("wx"), true)),
        1 => Just((json!(["qq"]), true)),
        1 => Just((json!(["wx", 1]), true)),
    ]
}

fn optional<T: std::fmt::Debug + Clone>(
    s: impl Strategy<Value = T>,
) -> impl Strategy<Value = Option<T>> {
    prop_oneof![1 => Just(None), 3 => s.prop_map(Some)]
}

/// One external-share payload and whether the schema is expected to judge it exactly.
fn external() -> impl Strategy<Value = (Value, bool)> {
    let thumb_index = 0..thumbs().len();
    (
        prop_oneof![
            Just("text"),
            Just("webPage"),
            Just("miniProgram"),
            Just("image")
        ],
        channels(),
        optional(text_around(512)),
        optional(text_around(1024)),
        text_around(10_240),
        urls(),
        optional(thumb_index),
        prop_oneof![Just("gh_0123456789ab"), Just("小程序原始ID"), Just("")],
        optional(any::<bool>()),
        prop_oneof![8 => Just(None), 1 => Just(Some("url")), 1 => Just(Some("extra"))],
        prop_oneof![8 => Just(false), 1 => Just(true)],
    )
        .prop_map(
            |(
                ty,
                (channel_type, exact_ch),
                title,
                description,
                text,
                url,
                thumb,
                user,
                ticket,
                extra,
                drop_url,
            )| {
                let mut exact = exact_ch;
                let mut object = Map::new();
                match ty {
                    "text" => {
                        exact &= text.1;
                        object.insert("text".into(), json!(text.0));
                    }
                    _ => {
                        if let Some((t, e)) = title {
                            exact &= e;
                            object.insert("title".into(), json!(t));
                        }
                        if let Some((d, e)) = description {
                            exact &= e;
                            object.insert("description".into(), json!(d));
                        }
                        if !drop_url {
                            object.insert("webpageUrl".into(), json!(url));
                        }
                        if let Some(i) = thumb {
                            let t = &thumbs()[i];
                            exact &= t.exact;
                            object.insert("thumbImage".into(), json!(t.value));
                        }
                        if ty == "miniProgram" {
                            object.insert("userName".into(), json!(user));
                            if let Some(b) = ticket {
                                object.insert("withShareTicket".into(), json!(b));
                            }
                            object.insert("path".into(), json!("pages/index/index?x=1"));
                        }
                    }
                }
                if let Some(key) = extra {
                    object.insert(key.into(), json!("https://example.com"));
                }
                let mut payload =
                    json!({ "type": ty, "channelType": channel_type, "channelObject": object });
                if let Some(b) = ticket {
                    payload["showAIAgentEntrance"] = json!(b);
                }
                (payload, exact)
            },
        )
}

fn in_app() -> impl Strategy<Value = (Value, bool)> {
    (
        prop_oneof![
            Just("text"),
            Just("markdown"),
            Just("webPage"),
            Just("miniProgram")
        ],
        prop_oneof![Just(""), Just("hello"), Just("# 标题")],
        urls(),
        optional(urls()),
        prop_oneof![4 => Just(None), 1 => Just(Some("webpageUrl")), 1 => Just(Some("thumbImage"))],
        prop_oneof![6 => Just(false), 1 => Just(true)],
    )
        .prop_map(|(ty, text, url, image, extra, add_channel)| {
            let content = match ty {
                "webPage" | "miniProgram" => {
                    let mut c = json!({ "url": url, "title": text, "text": "描述" });
                    if let Some(i) = image {
                        c["image"] = json!(i);
                    }
                    c
                }
                _ => json!({ "text": text }),
            };
            let mut payload = json!({ "type": ty, "content": content });
            if let Some(key) = extra {
                payload["content"][key] = json!("x");
            }
            if add_channel {
                payload["channelType"] = json!(["wx"]);
            }
            (payload, true)
        })
}

fn payload_file() -> impl Strategy<Value = (Value, bool)> {
    let item = prop_oneof![3 => external(), 2 => in_app()];
    prop_oneof![
        6 => item.clone(),
        2 => item.clone().prop_map(|(p, e)| (json!({ "params": p }), e)),
        1 => item.clone().prop_map(|(p, e)| (json!({ "$schema": "./share-message.schema.json", "params": p }), e)),
        2 => prop::collection::vec(item, 0..3).prop_map(|items| {
            let exact = items.iter().all(|(_, e)| *e);
            (Value::Array(items.into_iter().map(|(p, _)| p).collect()), exact)
        }),
    ]
}

fn schema_validator() -> &'static jsonschema::Validator {
    static V: OnceLock<jsonschema::Validator> = OnceLock::new();
    V.get_or_init(|| {
        jsonschema::validator_for(&share_schema::json_schema()).expect("the schema compiles")
    })
}

fn errors_of(violations: &[share_schema::Violation]) -> Vec<String> {
    let mut out: Vec<String> = violations
        .iter()
        .filter(|v| v.severity() == Severity::Error)
        .map(|v| format!("{} {}", v.code(), v.path()))
        .collect();
    out.sort();
    out
}

#[test]
fn validator_and_schema_agree() {
    let mut runner = TestRunner::new(Config {
        cases: 768,
        failure_persistence: None,
        ..Config::default()
    });
    let judged = std::cell::RefCell::new([0usize; 4]); // [both accept, both reject, only the schema accepts, exact cases]
    runner
        .run(&payload_file(), |(payload, exact)| {
            // 1. Shape on JSON.
            let mut cx = Context::new();
            let built = PayloadFile::from_json(&payload, &mut cx);
            let shape_errors = errors_of(cx.violations());
            let rust_ok = built.is_some() && shape_errors.is_empty();

            // 2. serde + validate() agrees with 1.
            let typed = serde_json::from_value::<PayloadFile>(payload.clone());
            let structural = cx
                .violations()
                .iter()
                .any(|v| v.severity() == Severity::Error && v.rule().structural);
            prop_assert_eq!(
                typed.is_ok(),
                built.is_some() && !structural,
                "deserialize vs from_json on {}",
                payload
            );
            if let Ok(file) = &typed {
                prop_assert_eq!(
                    &errors_of(file.report().as_slice()),
                    &shape_errors,
                    "validate() vs from_json on {}",
                    payload
                );
                prop_assert_eq!(file, built.as_ref().expect("built"));
            }

            // 3. The schema is sound, and exact where the payload allows.
            let schema_ok = schema_validator().is_valid(&payload);
            prop_assert!(
                !rust_ok || schema_ok,
                "the schema rejects a payload the validator accepts: {}",
                payload
            );
            if exact {
                judged.borrow_mut()[3] += 1;
                prop_assert_eq!(
                    schema_ok,
                    rust_ok,
                    "schema vs validator on an exact payload: {} (validator: {:?})",
                    payload,
                    shape_errors
                );
            }
            match (rust_ok, schema_ok) {
                (true, true) => judged.borrow_mut()[0] += 1,
                (false, false) => judged.borrow_mut()[1] += 1,
                _ => judged.borrow_mut()[2] += 1,
            }
            Ok(())
        })
        .unwrap();
    // The generator must exercise both verdicts, and mostly exactly.
    let judged = judged.into_inner();
    assert!(
        judged[0] > 50,
        "too few valid payloads generated: {judged:?}"
    );
    assert!(
        judged[1] > 200,
        "too few invalid payloads generated: {judged:?}"
    );
    assert!(
        judged[3] > 500,
        "too few exact payloads generated: {judged:?}"
    );
}
