//! The macros' output: the typed value (deserialized from JSON text that was checked at compile
//! time, with the same code), or one `compile_error!` per error-severity finding.

use crate::check::{check, Expect, Finding};
use crate::tokens::Source;
use proc_macro2::{Span, TokenStream};
use quote::quote;
use std::path::PathBuf;

/// `payload!({ ... })`.
pub fn payload(input: TokenStream) -> syn::Result<TokenStream> {
    let source = Source::from_tokens(input)?;
    match check(&source.text, true, Expect::Params) {
        Ok(value) => Ok(typed(
            &value,
            quote!(::share_macros::__private::share_schema::ShareMessage),
        )),
        Err(findings) => {
            Err(combine(findings.iter().map(|f| {
                syn::Error::new(source.span_at(f.span.start), &f.message)
            })))
        }
    }
}

/// `include_payload!("path/relative/to/CARGO_MANIFEST_DIR.json")`.
pub fn include_payload(input: TokenStream) -> syn::Result<TokenStream> {
    let lit: syn::LitStr = syn::parse2(input)?;
    let relative = lit.value();
    let dir = std::env::var_os("CARGO_MANIFEST_DIR")
        .map(PathBuf::from)
        .unwrap_or_default();
    let path = dir.join(&relative);
    let text = std::fs::read_to_string(&path)
        .map_err(|e| syn::Error::new(lit.span(), format!("cannot read {}: {e}", path.display())))?;
    let jsonc = relative.ends_with(".jsonc");
    let value = match check(&text, jsonc, Expect::File) {
        Ok(value) => value,
        Err(findings) => return Err(located(&lit, &relative, &text, &findings)),
    };
    let display = path.display().to_string();
    // Rebuild when the file changes.
    let track = quote!(
        const _: &[u8] = ::core::include_bytes!(#display);
    );
    let params =
        |item: &serde_json::Value| item.get("params").cloned().unwrap_or_else(|| item.clone());
    let expr = match &value {
        serde_json::Value::Array(items) => {
            let items: Vec<serde_json::Value> = items.iter().map(params).collect();
            typed(
                &serde_json::Value::Array(items),
                quote!(::std::vec::Vec<::share_macros::__private::share_schema::ShareMessage>),
            )
        }
        item => typed(
            &params(item),
            quote!(::share_macros::__private::share_schema::ShareMessage),
        ),
    };
    Ok(quote!({ #track #expr }))
}

fn typed(value: &serde_json::Value, ty: TokenStream) -> TokenStream {
    let json = value.to_string();
    quote!(::share_macros::__private::share_schema::__private::validated::<#ty>(#json))
}

/// Errors about a file: each names the file, line and column, at the macro's path literal.
fn located(lit: &syn::LitStr, relative: &str, text: &str, findings: &[Finding]) -> syn::Error {
    let index = share_json::LineIndex::new(text);
    combine(findings.iter().map(|f| {
        let (line, column) = index.line_col(f.span.start);
        let (first, rest) = f
            .message
            .split_once('\n')
            .map_or((f.message.as_str(), ""), |(a, b)| (a, b));
        let message = format!(
            "{first}\n  --> {relative}:{line}:{column}\n  | {}\n{rest}",
            index.line_text(text, line).trim()
        );
        syn::Error::new(lit.span(), message.trim_end())
    }))
}

fn combine(errors: impl IntoIterator<Item = syn::Error>) -> syn::Error {
    let mut errors = errors.into_iter();
    let mut all = errors
        .next()
        .unwrap_or_else(|| syn::Error::new(Span::call_site(), "the payload is not valid"));
    for e in errors {
        all.combine(e);
    }
    all
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(relative: &str) -> Vec<String> {
        let err = include_payload(quote!(#relative)).expect_err("a bad example does not compile");
        err.into_iter().map(|e| e.to_string()).collect()
    }

    #[test]
    fn bad_examples_fail_with_file_line_and_column() {
        let moments = errors("../examples/bad/mini-program-to-moments.json");
        assert_eq!(moments.len(), 1, "{moments:?}");
        assert!(
            moments[0].starts_with("[SM301] mini-program-to-moments:"),
            "{moments:?}"
        );
        assert!(
            moments[0].contains("--> ../examples/bad/mini-program-to-moments.json:3:18"),
            "{moments:?}"
        );

        let typos = errors("../examples/bad/typos.jsonc");
        let codes: Vec<&str> = typos.iter().map(|e| &e[1..6]).collect();
        assert_eq!(codes, ["SM101", "SM103", "SM103", "SM501"], "{typos:?}");
        assert!(typos[1].contains("did you mean `title`?"), "{typos:?}");

        let mixed = errors("../examples/bad/sample-code-with-channel-type.json");
        assert!(
            mixed
                .iter()
                .any(|e| e.starts_with("[SM105] mixed-share-variants")),
            "{mixed:?}"
        );

        let data_uri = errors("../examples/bad/data-uri-thumbnail.json");
        assert!(
            data_uri[0].starts_with("[SM601] invalid-thumbnail"),
            "{data_uri:?}"
        );
        // The http: URL beside it is a warning: it does not fail the build.
        assert!(
            !data_uri.iter().any(|e| e.contains("SM502")),
            "{data_uri:?}"
        );
    }

    #[test]
    fn unreadable_file_is_an_error_not_a_panic() {
        let e = include_payload(quote!("no/such/file.json"))
            .unwrap_err()
            .to_string();
        assert!(e.starts_with("cannot read "), "{e}");
        assert!(include_payload(quote!(42)).is_err());
    }

    #[test]
    fn payload_tokens_map_back_to_their_spans() {
        let source =
            Source::from_tokens(quote!({ "type": "text", "n": -1.5e3, "ok": [true, null] }))
                .unwrap();
        let value: serde_json::Value = serde_json::from_str(&source.text).unwrap();
        assert_eq!(
            value,
            serde_json::json!({"type": "text", "n": -1.5e3, "ok": [true, null]})
        );
    }
}
