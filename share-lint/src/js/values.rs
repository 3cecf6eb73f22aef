//! Expressions as values: what the source spells out is known (string, number, boolean and
//! `null` literals, arrays and objects of them, templates without expressions, a `const` that
//! holds one, the members of a known object spread into another: `{...base, title}`), wrapped in `as const`, `satisfies T`, `as T`, `!` or parentheses or not; everything
//! else — a variable that may change, a call, a template with expressions, a spread, a
//! conditional — is [`NodeKind::Unknown`].
//!
//! A `const` is read through only while nothing in the file may change what it holds: a property
//! assigned, updated or deleted through it (`params.title = t`), a method called on it or on
//! something in it (`channels.push(c)`), or `Object.assign(params, …)`/`Object.defineProperty`
//! makes it unknown. Code in other modules that imports it is not seen.

use oxc_ast::ast::{
    ArrayExpressionElement, Expression, IdentifierReference, ObjectPropertyKind, PropertyKind,
    UnaryOperator,
};
use oxc_ast::AstKind;
use oxc_semantic::{Semantic, SymbolId};
use oxc_span::GetSpan;

use crate::json::{Member, Node, NodeKind, Span, DEFAULT_MAX_DEPTH, DEFAULT_MAX_VALUES};

/// Reads expressions of one script block as values.
pub(super) struct Reader<'s, 'a> {
    semantic: &'s Semantic<'a>,
    /// Where the block starts in the file: added to every span.
    offset: usize,
    /// The objects read so far that may hold keys they do not spell out.
    pub(super) open: Vec<Span>,
    /// The `const`s being read through, innermost last: a cycle reads as unknown.
    reading: Vec<SymbolId>,
    /// Values built so far for this payload: a `const` read in many places is read each time,
    /// so this bounds a payload built of nested aliases (`const b = [a, a, a]`).
    values: usize,
}

impl<'s, 'a> Reader<'s, 'a> {
    pub(super) fn new(semantic: &'s Semantic<'a>, offset: usize) -> Self {
        Reader {
            semantic,
            offset,
            open: Vec::new(),
            reading: Vec::new(),
            values: 0,
        }
    }

    /// The scopes of the block.
    pub(super) fn scoping(&self) -> &'s oxc_semantic::Scoping {
        self.semantic.scoping()
    }

    /// The span of `s` in the file.
    pub(super) fn span(&self, s: oxc_span::Span) -> Span {
        Span::new(self.offset + s.start as usize, self.offset + s.end as usize)
    }

    /// The value of `expr`, with the spans of the literals that spell it out.
    pub(super) fn value(&mut self, expr: &'a Expression<'a>, depth: usize) -> Node {
        let expr = expr.get_inner_expression();
        let span = self.span(expr.span());
        let unknown = Node {
            span,
            kind: NodeKind::Unknown,
        };
        self.values += 1;
        if depth >= DEFAULT_MAX_DEPTH || self.values > DEFAULT_MAX_VALUES {
            return unknown;
        }
        let kind = match expr {
            Expression::StringLiteral(s) => NodeKind::String(s.value.to_string()),
            Expression::NumericLiteral(n) => number(n.value).unwrap_or(NodeKind::Unknown),
            Expression::BooleanLiteral(b) => NodeKind::Bool(b.value),
            Expression::NullLiteral(_) => NodeKind::Null,
            Expression::TemplateLiteral(t) => t
                .single_quasi()
                .map_or(NodeKind::Unknown, |s| NodeKind::String(s.to_string())),
            Expression::UnaryExpression(u) => match (u.operator, &u.argument) {
                (UnaryOperator::UnaryNegation, Expression::NumericLiteral(n)) => {
                    number(-n.value).unwrap_or(NodeKind::Unknown)
                }
                (UnaryOperator::UnaryPlus, Expression::NumericLiteral(n)) => {
                    number(n.value).unwrap_or(NodeKind::Unknown)
                }
                _ => NodeKind::Unknown,
            },
            Expression::ArrayExpression(array) => {
                let mut items = Vec::with_capacity(array.elements.len());
                for element in &array.elements {
                    items.push(match element {
                        // `...rest` and holes: unknown elements (a spread may be empty, or many).
                        ArrayExpressionElement::SpreadElement(_)
                        | ArrayExpressionElement::Elision(_) => Node {
                            span: self.span(element.span()),
                            kind: NodeKind::Unknown,
                        },
                        _ => match element.as_expression() {
                            Some(e) => self.value(e, depth + 1),
                            None => Node {
                                span: self.span(element.span()),
                                kind: NodeKind::Unknown,
                            },
                        },
                    });
                }
                NodeKind::Array(items)
            }
            Expression::ObjectExpression(object) => {
                let mut members: Vec<Member> = Vec::with_capacity(object.properties.len());
                for property in &object.properties {
                    let (key, key_span, value) = match property {
                        ObjectPropertyKind::SpreadProperty(spread) => {
                            // `...base` of a known object adds its members; of anything else,
                            // any key.
                            let spread = self.value(&spread.argument, depth + 1);
                            let open = self.open.contains(&spread.span);
                            match spread.kind {
                                NodeKind::Object(spread_members) => {
                                    members.extend(spread_members);
                                    if open {
                                        self.open_at(span, &mut []);
                                    }
                                }
                                _ => self.open_at(span, &mut members),
                            }
                            continue;
                        }
                        ObjectPropertyKind::ObjectProperty(p) => {
                            // `["title"]: …` names its key (`static_name`); `[key]: …` does not.
                            let Some(name) = p.key.static_name().map(|n| n.to_string()) else {
                                self.open_at(span, &mut members);
                                continue;
                            };
                            let key_span = self.span(p.key.span());
                            let value = if p.kind == PropertyKind::Init && !p.method {
                                self.value(&p.value, depth + 1)
                            } else {
                                // A getter, setter or method: computed when read.
                                Node {
                                    span: self.span(p.span),
                                    kind: NodeKind::Unknown,
                                }
                            };
                            (name, key_span, value)
                        }
                    };
                    members.push(Member {
                        key,
                        key_span,
                        value,
                    });
                }
                NodeKind::Object(members)
            }
            Expression::Identifier(id) => match self.read_const(id, depth) {
                Some(node) => return node,
                None => NodeKind::Unknown,
            },
            _ => NodeKind::Unknown,
        };
        Node { span, kind }
    }

    /// A spread or a computed key in the object at `object`, after `members`: it may add any
    /// key, and may replace any key before it, whose values become unknown.
    fn open_at(&mut self, object: Span, members: &mut [Member]) {
        if !self.open.contains(&object) {
            self.open.push(object);
        }
        for m in members {
            m.value.kind = NodeKind::Unknown;
        }
    }

    /// The value of the `const` that `id` names, read through (see the module docs); `None`
    /// when it names anything else, or a `const` that may change.
    fn read_const(&mut self, id: &IdentifierReference<'a>, depth: usize) -> Option<Node> {
        let init = self.const_init(id)?;
        let symbol = self.symbol(id)?;
        if self.reading.contains(&symbol) {
            return None;
        }
        self.reading.push(symbol);
        let node = self.value(init, depth + 1);
        self.reading.pop();
        Some(node)
    }

    fn symbol(&self, id: &IdentifierReference<'a>) -> Option<SymbolId> {
        let reference = id.reference_id.get()?;
        self.semantic.scoping().get_reference(reference).symbol_id()
    }

    /// The initializer of the `const` that `id` names, if nothing in the file may change what it
    /// holds.
    pub(super) fn const_init(&self, id: &IdentifierReference<'a>) -> Option<&'a Expression<'a>> {
        let init = self.declared_const(id)?;
        (!self.may_change(self.symbol(id)?)).then_some(init)
    }

    /// The initializer of the `const` that `id` names, whatever the file does with what it
    /// holds: for an alias of the SDK object, whose methods are called.
    pub(super) fn declared_const(
        &self,
        id: &IdentifierReference<'a>,
    ) -> Option<&'a Expression<'a>> {
        let symbol = self.symbol(id)?;
        let AstKind::VariableDeclarator(declarator) =
            self.semantic.symbol_declaration(symbol).kind()
        else {
            return None;
        };
        if !declarator.kind.is_const() || !declarator.id.kind.is_binding_identifier() {
            return None;
        }
        declarator.init.as_ref()
    }

    /// Whether some use of `symbol` in the file may change what it holds: a property assigned,
    /// updated or deleted through it, a method called on it or on something in it, or
    /// `Object.*(it, …)`.
    fn may_change(&self, symbol: SymbolId) -> bool {
        let scoping = self.semantic.scoping();
        let nodes = self.semantic.nodes();
        scoping
            .get_resolved_reference_ids(symbol)
            .iter()
            .any(|&reference| {
                let mut id = scoping.get_reference(reference).node_id();
                let mut at = nodes.get_node(id).kind().span();
                let mut through_member = false;
                loop {
                    let parent = nodes.parent_node(id);
                    match parent.kind() {
                        AstKind::StaticMemberExpression(m) if m.object.span() == at => {
                            through_member = true;
                        }
                        AstKind::ComputedMemberExpression(m) if m.object.span() == at => {
                            through_member = true;
                        }
                        AstKind::ParenthesizedExpression(_)
                        | AstKind::TSAsExpression(_)
                        | AstKind::TSSatisfiesExpression(_)
                        | AstKind::TSNonNullExpression(_)
                        | AstKind::TSTypeAssertion(_)
                        | AstKind::ChainExpression(_) => {}
                        AstKind::AssignmentExpression(a) => {
                            return through_member && a.left.span() == at;
                        }
                        AstKind::UpdateExpression(_) => return through_member,
                        AstKind::UnaryExpression(u) => {
                            return through_member && u.operator == UnaryOperator::Delete;
                        }
                        AstKind::CallExpression(c) => {
                            return through_member && c.callee.span() == at;
                        }
                        AstKind::Argument(_) => {
                            let AstKind::CallExpression(call) = nodes.parent_kind(parent.id())
                            else {
                                return false;
                            };
                            let first = call.arguments.first().map(GetSpan::span) == Some(at);
                            let object_fn = call
                                .callee
                                .get_inner_expression()
                                .as_member_expression()
                                .is_some_and(|m| {
                                    matches!(m.object(), Expression::Identifier(o) if o.name == "Object")
                                });
                            return first && object_fn;
                        }
                        _ => return false,
                    }
                    at = parent.kind().span();
                    id = parent.id();
                }
            })
    }
}

/// A number as JSON writes it; `None` for NaN and the infinities, which JSON has not.
fn number(value: f64) -> Option<NodeKind> {
    if !value.is_finite() {
        return None;
    }
    // Integers as integers (`3`, not `3.0`), within the range an `f64` holds exactly.
    let text = if value.fract() == 0.0 && value.abs() < 9_007_199_254_740_992.0 {
        #[allow(clippy::cast_possible_truncation)] // integral and in range: exact
        let int = value as i64;
        if int == 0 && value.is_sign_negative() {
            "-0".to_owned()
        } else {
            int.to_string()
        }
    } else if value.abs() >= 1e21 || value.abs() < 1e-6 {
        format!("{value:e}")
    } else {
        value.to_string()
    };
    Some(NodeKind::Number(text))
}
