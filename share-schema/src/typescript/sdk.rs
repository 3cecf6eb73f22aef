//! The SDK's side of the declarations: `shareMessage(options)` with `params`, `onSuccess` and
//! `onError({errno, msg})` (the documented errnos of `sdk_error.rs`), on the global
//! `window.ksoxz_sdk`, non-optional as the vendor's samples call it.

use crate::sdk_error::KNOWN;

/// The SDK's declarations, for payloads of the type named `message`.
pub(super) fn declarations(message: &str) -> String {
    let mut errnos = String::new();
    for (kind, errno) in KNOWN {
        errnos.push_str(&format!("  /** {} */\n  | {errno}\n", kind.description()));
    }
    format!(
        "\
/** The error numbers `shareMessage` documents (`onError`'s `errno`); others may come. */
export type ShareErrno =
{errnos};

/** What `onError` receives. */
export interface ShareError {{
  /** The error number: one of {known} documented ones, or another. */
  errno: ShareErrno | (number & {{}});
  /** The SDK's message. */
  msg: string;
}}

/** The argument of `ksoxz_sdk.shareMessage`. */
export interface ShareMessageOptions {{
  /** What to share. */
  params: {message};
  /** Called once the share is done. */
  onSuccess?: () => void;
  /** Called when it fails, or the user cancels (`1041001`). */
  onError?: (err: ShareError) => void;
}}

/** The WPS协作 JS-SDK, as far as sharing goes. */
export interface KsoxzSdk {{
  /** Shares text, a web page or a mini program to WeChat, or into a WPS协作 chat. */
  shareMessage(options: ShareMessageOptions): void;
}}

declare global {{
  interface Window {{
    /** The WPS协作 JS-SDK (injected by the client). */
    ksoxz_sdk: KsoxzSdk;
  }}
  /** The WPS协作 JS-SDK (injected by the client). */
  var ksoxz_sdk: KsoxzSdk;
}}
",
        known = KNOWN.len()
    )
}
