//! The tokens of `payload!({ ... })` as JSON text, remembering which token each byte came from,
//! so a finding at a byte of the text is reported at the token the user wrote. Comments are not
//! tokens (the Rust lexer drops them), so a payload may carry them like a `.jsonc` file.

use proc_macro2::{Delimiter, Span, TokenStream, TokenTree};

/// JSON text built from tokens.
pub struct Source {
    /// The JSON text.
    pub text: String,
    /// `(offset, span)`: the token whose text starts at `offset` in `text`.
    marks: Vec<(usize, Span)>,
}

impl Source {
    /// Converts the tokens of a JSON value; anything that is not JSON is an error at its token.
    pub fn from_tokens(tokens: TokenStream) -> syn::Result<Source> {
        let mut source = Source {
            text: String::new(),
            marks: Vec::new(),
        };
        for tt in tokens {
            source.emit(tt)?;
        }
        if source.text.is_empty() {
            return Err(syn::Error::new(
                Span::call_site(),
                "expected a JSON object: `payload!({ \"type\": ... })`",
            ));
        }
        Ok(source)
    }

    /// The token that the byte at `offset` of the text came from.
    pub fn span_at(&self, offset: usize) -> Span {
        let i = self.marks.partition_point(|(start, _)| *start <= offset);
        self.marks
            .get(i.saturating_sub(1))
            .map_or_else(Span::call_site, |(_, span)| *span)
    }

    fn mark(&mut self, span: Span, text: &str) {
        self.marks.push((self.text.len(), span));
        self.text.push_str(text);
    }

    fn emit(&mut self, tt: TokenTree) -> syn::Result<()> {
        match tt {
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    Delimiter::Brace => ("{", "}"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::None => {
                        // An invisible group (from a macro_rules! expansion): its contents.
                        for inner in group.stream() {
                            self.emit(inner)?;
                        }
                        return Ok(());
                    }
                    Delimiter::Parenthesis => {
                        return Err(syn::Error::new(
                            group.span(),
                            "JSON has no parentheses: expected `{ ... }` or `[ ... ]`",
                        ))
                    }
                };
                // The whole group stands for the value (an object is reported by its braces).
                self.mark(group.span(), open);
                for inner in group.stream() {
                    self.emit(inner)?;
                }
                self.mark(group.span_close(), close);
            }
            TokenTree::Ident(ident) => {
                let name = ident.to_string();
                match name.as_str() {
                    "true" | "false" | "null" => self.mark(ident.span(), &name),
                    _ => {
                        return Err(syn::Error::new(
                            ident.span(),
                            format!("expected a JSON value; `{name}` is not one (strings need double quotes)"),
                        ))
                    }
                }
            }
            TokenTree::Punct(punct) => match punct.as_char() {
                ':' | ',' => self.mark(punct.span(), &punct.as_char().to_string()),
                // A sign belongs to the number after it: no separator.
                '-' => {
                    self.mark(punct.span(), "-");
                    return Ok(());
                }
                c => {
                    return Err(syn::Error::new(
                        punct.span(),
                        format!("unexpected `{c}` in JSON"),
                    ))
                }
            },
            TokenTree::Literal(literal) => {
                let span = literal.span();
                let text = match syn::Lit::new(literal) {
                    syn::Lit::Str(s) => serde_json::to_string(&s.value()).unwrap_or_default(),
                    syn::Lit::Int(i) if i.suffix().is_empty() => i.base10_digits().to_owned(),
                    syn::Lit::Float(f) if f.suffix().is_empty() => f.base10_digits().to_owned(),
                    syn::Lit::Int(_) | syn::Lit::Float(_) => {
                        return Err(syn::Error::new(span, "JSON numbers have no type suffix"))
                    }
                    _ => return Err(syn::Error::new(
                        span,
                        "expected a JSON string (double quotes), number, `true`, `false` or `null`",
                    )),
                };
                self.mark(span, &text);
            }
        }
        // Keep tokens apart, as in the source: `1` `2` must not become `12`.
        self.text.push(' ');
        Ok(())
    }
}
