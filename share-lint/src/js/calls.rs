//! Which calls are the SDK's `shareMessage`, and their payloads.
//!
//! A call is linted when its callee is `shareMessage` (`.shareMessage`, `["shareMessage"]`,
//! `?.shareMessage`) of the SDK object: the global `ksoxz_sdk`, `window.ksoxz_sdk` (or
//! `globalThis.`, `self.`), or a `const` holding one of those (`const sdk = window.ksoxz_sdk`).
//! A `shareMessage` of anything else (`this.shareMessage`, `imClient.shareMessage`, a local
//! variable named `ksoxz_sdk`) is not the SDK's. The payload is the `params` of the first
//! argument: an object literal inline or in a `const` (see [`super::values`]), written
//! `params: …` or `{ params }`.

use oxc_allocator::Allocator;
use oxc_ast::ast::{CallExpression, Expression, ObjectPropertyKind};
use oxc_ast::AstKind;
use oxc_parser::Parser;
use oxc_semantic::SemanticBuilder;

use super::blocks::Block;
use super::values::Reader;
use super::{Extracted, Payload, ScriptError};
use crate::json::{Comment, Member, Node, NodeKind, Span};

/// Adds the payloads of one script block of `text` to `out`; a block that does not parse adds
/// its first syntax error instead.
pub(super) fn extract_block(text: &str, block: &Block, out: &mut Extracted) {
    // One arena per thread, emptied for each parse (oxc's advice: its memory is reused rather
    // than given back and asked for again per file; no difference measured on the benchmark).
    thread_local! {
        static ARENA: std::cell::RefCell<Allocator> = std::cell::RefCell::new(Allocator::default());
    }
    ARENA.with(|arena| {
        let Ok(mut allocator) = arena.try_borrow_mut() else {
            // Not reentered in practice; a fresh arena if it ever is.
            return extract_with(text, block, &Allocator::default(), out);
        };
        allocator.reset();
        extract_with(text, block, &allocator, out);
    });
}

fn extract_with(text: &str, block: &Block, allocator: &Allocator, out: &mut Extracted) {
    let src = &text[block.start..block.end];
    let commented;
    let src = if block.html_comments && (src.contains("<!--") || src.contains("-->")) {
        commented = html_comments(src);
        &commented
    } else {
        src
    };
    let parsed = Parser::new(allocator, src, block.source_type).parse();
    if parsed.is_flow_language {
        // Flow is not TypeScript: oxc does not parse it, and share-lint does not lint it.
        return;
    }
    if parsed.panicked || !parsed.errors.is_empty() {
        out.errors.push(syntax_error(block, src, &parsed.errors));
        return;
    }
    let program = &parsed.program;
    for c in &program.comments {
        let span = Span::new(
            block.start + c.span.start as usize,
            block.start + c.span.end as usize,
        );
        let line_comment = c.is_line();
        // Between the markers: `//` and the line's end, or `/*` and `*/`.
        let inner = &text[span.start + 2..span.end - if line_comment { 0 } else { 2 }];
        out.comments.push(Comment {
            span,
            text: inner.trim().to_owned(),
            line_comment,
        });
    }
    let semantic = SemanticBuilder::new().build(program).semantic;
    for node in semantic.nodes().iter() {
        let AstKind::CallExpression(call) = node.kind() else {
            continue;
        };
        let mut reader = Reader::new(&semantic, block.start, block.shared_top, block.sdk_shadowed);
        if !reader.is_share_call(call) {
            continue;
        }
        let Some(params) = params_of(&reader, call) else {
            continue;
        };
        let mut node = reader.value(params, 0);
        if node.kind == NodeKind::Unknown {
            continue;
        }
        if let NodeKind::Object(members) = &mut node.kind {
            // An open payload without a `type` may get one from its spread: which one is not
            // known.
            if reader.open.contains(&node.span) && !members.iter().any(|m| m.key == "type") {
                let at = Span::new(node.span.start, node.span.start + 1);
                members.push(Member {
                    key: "type".to_owned(),
                    key_span: at,
                    value: Node {
                        span: at,
                        kind: NodeKind::Unknown,
                    },
                });
            }
        }
        out.payloads.push(Payload {
            node,
            open: std::mem::take(&mut reader.open),
            code: std::mem::take(&mut reader.code),
            call: reader.span(call.span),
        });
    }
}

/// A classic script with the line comments browsers also read (`<!--` anywhere, `-->` at the
/// start of a line) turned into `//` comments of the same length, so that spans stay put.
fn html_comments(src: &str) -> String {
    let mut out = String::with_capacity(src.len());
    for line in src.split_inclusive('\n') {
        let body = line.trim_start();
        let indent = &line[..line.len() - body.len()];
        if let Some(rest) = body.strip_prefix("-->") {
            out.push_str(indent);
            out.push_str("///");
            out.push_str(rest);
        } else {
            out.push_str(&line.replace("<!--", "////"));
        }
    }
    out
}

/// The first syntax error of a block, placed in the file.
fn syntax_error(
    block: &Block,
    src: &str,
    errors: &[oxc_diagnostics::OxcDiagnostic],
) -> ScriptError {
    let Some(first) = errors.first() else {
        return ScriptError {
            span: Span::new(block.start, block.start),
            message: "the script could not be parsed".to_owned(),
        };
    };
    let (start, len) = first
        .labels
        .as_ref()
        .and_then(|labels| labels.first())
        .map_or((0, 0), |l| (l.offset(), l.len()));
    let start = start.min(src.len());
    let end = (start + len).min(src.len());
    ScriptError {
        span: Span::new(block.start + start, block.start + end),
        message: first.message.to_string(),
    }
}

/// The `params` of a call's first argument, if the argument is an object that names them (inline
/// or in a `const`) and nothing after them may replace them.
fn params_of<'a>(
    reader: &Reader<'_, 'a>,
    call: &'a CallExpression<'a>,
) -> Option<&'a Expression<'a>> {
    let mut argument = call
        .arguments
        .first()?
        .as_expression()?
        .get_inner_expression();
    if let Expression::Identifier(id) = argument {
        argument = reader.const_init(id)?.get_inner_expression();
    }
    let Expression::ObjectExpression(object) = argument else {
        return None;
    };
    let mut params = None;
    for property in &object.properties {
        match property {
            // `["params"]` names it too (`static_name`); `[key]` does not.
            ObjectPropertyKind::ObjectProperty(p) if p.key.is_specific_static_name("params") => {
                params =
                    (p.kind == oxc_ast::ast::PropertyKind::Init && !p.method).then_some(&p.value);
            }
            ObjectPropertyKind::ObjectProperty(p) if p.key.static_name().is_some() => {}
            // A spread or a computed key may replace them.
            _ => params = None,
        }
    }
    params
}
