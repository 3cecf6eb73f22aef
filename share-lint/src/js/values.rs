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
    ArrayExpressionElement, BindingPatternKind, CallExpression, Expression, IdentifierReference,
    ObjectPropertyKind, PropertyKind, UnaryOperator, VariableDeclarator,
};
use oxc_ast::AstKind;
use oxc_semantic::{IsGlobalReference, Semantic, SymbolId};
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
    /// Other scripts see this block's top-level names (a classic script, or one of several
    /// `<script>` blocks): its top-level `const` objects may be changed there.
    shared_top: bool,
    /// Another script block of the file names `ksoxz_sdk` (it may import or declare its own).
    sdk_shadowed: bool,
    /// The spans of the code (not literals) the payload was read through: names, spreads,
    /// getters, computed keys, unknown values. A fix never edits them.
    pub(super) code: Vec<Span>,
}

impl<'s, 'a> Reader<'s, 'a> {
    pub(super) fn new(
        semantic: &'s Semantic<'a>,
        offset: usize,
        shared_top: bool,
        sdk_shadowed: bool,
    ) -> Self {
        Reader {
            semantic,
            offset,
            open: Vec::new(),
            reading: Vec::new(),
            values: 0,
            shared_top,
            sdk_shadowed,
            code: Vec::new(),
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
            self.code.push(span);
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
                        | ArrayExpressionElement::Elision(_) => {
                            self.code.push(self.span(element.span()));
                            Node {
                                span: self.span(element.span()),
                                kind: NodeKind::Unknown,
                            }
                        }
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
                            self.code.push(self.span(spread.span));
                            let spread = self.value(&spread.argument, depth + 1);
                            let open = self.open.contains(&spread.span);
                            match spread.kind {
                                NodeKind::Object(spread_members) => {
                                    if open {
                                        self.open_at(span, &mut members);
                                    }
                                    members.extend(spread_members);
                                }
                                _ => self.open_at(span, &mut members),
                            }
                            continue;
                        }
                        ObjectPropertyKind::ObjectProperty(p) => {
                            // `["title"]: …` names its key (`static_name`); `[key]: …` does not.
                            let name = p.key.static_name().map(|n| n.to_string());
                            // `__proto__: base` sets the prototype: `base`'s keys are inherited.
                            let prototype =
                                !p.computed && !p.shorthand && name.as_deref() == Some("__proto__");
                            let Some(name) = name.filter(|_| !prototype) else {
                                self.code.push(self.span(p.span));
                                self.open_at(span, &mut members);
                                continue;
                            };
                            let key_span = self.span(p.key.span());
                            if p.kind == PropertyKind::Init
                                && !p.method
                                && self.is_undefined(&p.value)
                            {
                                // `key: undefined` is no key: `JSON.stringify` and the SDK's
                                // bridge leave it out.
                                members.retain(|m| m.key != name);
                                continue;
                            }
                            let value = if p.kind == PropertyKind::Init && !p.method {
                                self.value(&p.value, depth + 1)
                            } else {
                                // A getter, setter or method: computed when read.
                                self.code.push(self.span(p.span));
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
            Expression::Identifier(id) => {
                // The name is code, whatever it holds.
                self.code.push(span);
                match self.read_const(id, depth) {
                    Some(node) => return node,
                    None => NodeKind::Unknown,
                }
            }
            _ => NodeKind::Unknown,
        };
        if kind == NodeKind::Unknown {
            self.code.push(span);
        }
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

    /// The symbol `id` names, and the variable declarator that binds it (none for a parameter,
    /// an import or a function).
    fn declarator(
        &self,
        id: &IdentifierReference<'a>,
    ) -> Option<(SymbolId, &'a VariableDeclarator<'a>)> {
        let symbol = self.symbol(id)?;
        match self.semantic.symbol_declaration(symbol).kind() {
            AstKind::VariableDeclarator(declarator) => Some((symbol, declarator)),
            _ => None,
        }
    }

    /// The initializer of the `const` that `id` names, if nothing in the file may change what it
    /// holds.
    pub(super) fn const_init(&self, id: &IdentifierReference<'a>) -> Option<&'a Expression<'a>> {
        let init = self.declared_const(id)?;
        (!self.may_change(self.symbol(id)?, init, 0)).then_some(init)
    }

    /// The initializer of the `const` that `id` names, whatever the file does with what it
    /// holds.
    fn declared_const(&self, id: &IdentifierReference<'a>) -> Option<&'a Expression<'a>> {
        let (_, declarator) = self.declarator(id)?;
        if !declarator.kind.is_const() || !declarator.id.kind.is_binding_identifier() {
            return None;
        }
        declarator.init.as_ref()
    }

    /// Whether what the `const` `symbol` holds (an object or an array: `init`) may change or be
    /// seen changed by the time of a call: unless every use of it in the file is inside the
    /// argument of an SDK `shareMessage` call or inside the initializer of another such `const`,
    /// it may — passed to a function, aliased, destructured, assigned through, read member by
    /// member (which may hand an inner object out). A `const` at the top of a classic script or
    /// of one of several `<script>` blocks (which other scripts see), or exported, may too.
    fn may_change(&self, symbol: SymbolId, init: &Expression<'a>, depth: usize) -> bool {
        if is_primitive(init) {
            return false;
        }
        let scoping = self.semantic.scoping();
        if depth > MAX_CONST_CHAIN {
            return true;
        }
        let top = scoping.symbol_scope_id(symbol) == scoping.root_scope_id();
        if top && self.shared_top || self.is_exported(symbol) {
            return true;
        }
        let nodes = self.semantic.nodes();
        scoping
            .get_resolved_reference_ids(symbol)
            .iter()
            .any(|&reference| {
                let mut id = scoping.get_reference(reference).node_id();
                let mut at = nodes.get_node(id).kind().span();
                loop {
                    let parent = nodes.parent_node(id);
                    match parent.kind() {
                        // Inside a literal: its place is checked further up.
                        AstKind::ObjectProperty(p) if p.value.span() == at && !p.computed => {}
                        AstKind::ObjectProperty(p) if p.value.span() == at => return true,
                        AstKind::ObjectExpression(_)
                        | AstKind::ArrayExpression(_)
                        | AstKind::SpreadElement(_)
                        | AstKind::ParenthesizedExpression(_)
                        | AstKind::TSAsExpression(_)
                        | AstKind::TSSatisfiesExpression(_)
                        | AstKind::TSNonNullExpression(_)
                        | AstKind::TSTypeAssertion(_) => {}
                        AstKind::Argument(_) => {
                            let AstKind::CallExpression(call) = nodes.parent_kind(parent.id())
                            else {
                                return true;
                            };
                            let first = call.arguments.first().map(GetSpan::span) == Some(at);
                            return !(first && self.is_share_call(call));
                        }
                        AstKind::VariableDeclarator(d) => {
                            let inner = match (&d.id.kind, &d.init) {
                                (BindingPatternKind::BindingIdentifier(b), Some(init))
                                    if d.kind.is_const() && init.span() == at =>
                                {
                                    b.symbol_id.get().zip(Some(init))
                                }
                                _ => None,
                            };
                            return inner.is_none_or(|(inner, init)| {
                                self.may_change(inner, init, depth + 1)
                            });
                        }
                        _ => return true,
                    }
                    at = parent.kind().span();
                    id = parent.id();
                }
            })
    }

    /// Whether `expr` is `undefined` (the global) or `void` of a literal.
    fn is_undefined(&self, expr: &Expression<'a>) -> bool {
        match expr.get_inner_expression() {
            Expression::Identifier(id) => {
                id.name == "undefined" && id.is_global_reference(self.scoping())
            }
            Expression::UnaryExpression(u) => {
                u.operator == UnaryOperator::Void && is_primitive(&u.argument)
            }
            _ => false,
        }
    }

    /// Whether `symbol` is declared in an `export`.
    fn is_exported(&self, symbol: SymbolId) -> bool {
        let nodes = self.semantic.nodes();
        let declarator = self.semantic.scoping().symbol_declaration(symbol);
        let declaration = nodes.parent_id(declarator);
        matches!(
            nodes.parent_kind(declaration),
            AstKind::ExportNamedDeclaration(_) | AstKind::ExportDefaultDeclaration(_)
        )
    }

    /// Whether `call` is the SDK's `shareMessage`.
    pub(super) fn is_share_call(&self, call: &CallExpression<'a>) -> bool {
        let Some(member) = call.callee.get_inner_expression().as_member_expression() else {
            return false;
        };
        member.static_property_name() == Some("shareMessage") && self.is_sdk(member.object(), 0)
    }

    /// Whether `expr` is the SDK object: the global `ksoxz_sdk` (or one TypeScript declares),
    /// `window.ksoxz_sdk` (`globalThis.`, `self.`), or a name bound once to one of those.
    fn is_sdk(&self, expr: &Expression<'a>, aliases: usize) -> bool {
        let scoping = self.scoping();
        match expr.get_inner_expression() {
            Expression::Identifier(id) => {
                if id.name == SDK && !self.sdk_shadowed {
                    if id.is_global_reference(scoping) {
                        return true;
                    }
                    if self.symbol(id).is_some_and(|s| self.is_ambient(s)) {
                        return true;
                    }
                }
                aliases < MAX_ALIASES
                    && self
                        .alias_init(id)
                        .is_some_and(|init| self.is_sdk(init, aliases + 1))
            }
            inner => inner.as_member_expression().is_some_and(|member| {
                member.static_property_name() == Some(SDK)
                    && matches!(
                        member.object().get_inner_expression(),
                        Expression::Identifier(global)
                            if GLOBAL_OBJECTS.contains(&global.name.as_str())
                                && global.is_global_reference(scoping)
                    )
            }),
        }
    }

    /// Whether `symbol` is declared by TypeScript only (`declare const ksoxz_sdk: …`): the
    /// global the page provides, under a type.
    fn is_ambient(&self, symbol: SymbolId) -> bool {
        let nodes = self.semantic.nodes();
        let declarator = self.semantic.scoping().symbol_declaration(symbol);
        matches!(
            nodes.parent_kind(declarator),
            AstKind::VariableDeclaration(d) if d.declare
        )
    }

    /// The initializer of a name bound once (a `const`, or a `let`/`var` never assigned again),
    /// whatever the file does with what it holds: for an alias of the SDK object.
    fn alias_init(&self, id: &IdentifierReference<'a>) -> Option<&'a Expression<'a>> {
        let (symbol, declarator) = self.declarator(id)?;
        let scoping = self.semantic.scoping();
        let assigned = scoping
            .get_resolved_references(symbol)
            .any(oxc_semantic::Reference::is_write);
        if !declarator.id.kind.is_binding_identifier() || assigned {
            return None;
        }
        declarator.init.as_ref()
    }
}

/// The SDK's global name.
const SDK: &str = "ksoxz_sdk";

/// The globals that hold the page's globals, through which the SDK is also reached.
const GLOBAL_OBJECTS: &[&str] = &["window", "globalThis", "self"];

/// How many aliases are followed to the SDK object.
const MAX_ALIASES: usize = 8;

/// How many `const`s, one in the initializer of the next, are followed to tell whether one may
/// change.
const MAX_CONST_CHAIN: usize = 16;

/// Whether `expr` is a value no code can change: a string, number, boolean or `null`.
fn is_primitive(expr: &Expression<'_>) -> bool {
    matches!(
        expr.get_inner_expression(),
        Expression::StringLiteral(_)
            | Expression::NumericLiteral(_)
            | Expression::BooleanLiteral(_)
            | Expression::NullLiteral(_)
            | Expression::TemplateLiteral(_)
            | Expression::UnaryExpression(_)
    )
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
