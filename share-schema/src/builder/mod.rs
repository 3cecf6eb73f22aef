//! A typed builder for `shareMessage` params, whose types leave out the payloads the vendor
//! forbids, and whose `build()` checks the rest with the model's own validators.
//!
//! ```
//! use share_schema::builder::Share;
//!
//! # fn main() -> Result<(), share_schema::Report> {
//! let card = Share::web_page("https://example.com/report")
//!     .title("季度报告")
//!     .description("2024 年第三季度")
//!     .to_chat()
//!     .to_moments()
//!     .build()?;
//! assert_eq!(
//!     serde_json::to_value(&card).unwrap(),
//!     serde_json::json!({
//!         "type": "webPage",
//!         "channelType": ["wx", "wx_moments"],
//!         "channelObject": {"title": "季度报告", "description": "2024 年第三季度",
//!                           "webpageUrl": "https://example.com/report"}
//!     })
//! );
//! # Ok(())
//! # }
//! ```
//!
//! What the types rule out — each of these is a compile error:
//!
//! | rule | how |
//! |---|---|
//! | a mini program cannot go to Moments | [`MiniProgramShare`] has no `to_moments()` method |
//! | `channelType` is not empty | [`build()`](WebPageShare::build) needs the [`Channels`] state, reached only through `to_chat()` / `to_moments()` |
//! | no channel twice | `to_chat()` and `to_moments()` set a flag; `channelType` lists `wx` then `wx_moments` |
//! | required keys (`text`, `webpageUrl`, `userName`, in-app `url` and `title`) | constructor arguments of [`Share`] |
//! | no mixed variants | external builders build an [`ExternalShare`](crate::ExternalShare), in-app builders an [`InAppShare`](crate::InAppShare); neither has the other's methods |
//!
//! What the types cannot carry — byte lengths, empty strings, URL syntax, thumbnail bytes — is
//! checked when the value is built: `build()` constructs the model value and runs
//! [`Validate::validate`] on it, so the rules, codes, messages and JSON Pointer paths are exactly
//! those of deserializing the same JSON and validating it. `build()` fails only on
//! error-severity violations; `build_with_report()` also returns the warnings and infos.

// The builders live by the kind of share they build, so a reader finds one by its file name:
// `external.rs` (to WeChat, with channels) and `in_app.rs` (into WPS协作's chats, without). What
// they all use — `Share`, the typestates, `checked`, `setters!` — stays here.
mod external;
mod in_app;
#[cfg(test)]
mod tests;

pub use external::{MiniProgramShare, TextShare, WebPageShare};
pub use in_app::{InAppMarkdownShare, InAppTextShare, InAppWebPageShare};

use crate::{Channel, InAppText, InAppWebPage, MiniProgram, Report, Text, Validate, WebPage};
use std::marker::PhantomData;

/// The entry point: one constructor per kind of share, taking the keys the kind requires.
///
/// External shares (to WeChat) need a channel before they can be built; in-app shares (into
/// WPS协作's own chats) have none.
///
/// ```
/// use share_schema::builder::Share;
///
/// # fn main() -> Result<(), share_schema::Report> {
/// let to_wechat = Share::text("你好").to_chat().build()?;
/// let in_app = Share::in_app_text("你好").build()?;
/// # let _ = (to_wechat, in_app);
/// # Ok(())
/// # }
/// ```
#[derive(Debug)]
pub enum Share {}

impl Share {
    /// A text share to WeChat (`"type": "text"`): `text` is the whole message.
    ///
    /// ```
    /// use share_schema::builder::Share;
    /// use share_schema::{Channel, ExternalShare};
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::text("你好").to_chat().build()?;
    /// assert!(matches!(msg, ExternalShare::Text { channel_type, .. } if channel_type == [Channel::Wx]));
    /// # Ok(())
    /// # }
    /// ```
    pub fn text(text: impl Into<String>) -> TextShare<NoChannel> {
        TextShare {
            channel_object: Text { text: text.into() },
            to: Destinations::default(),
            show_ai_agent_entrance: None,
            state: PhantomData,
        }
    }

    /// A web page card to WeChat (`"type": "webPage"`) that opens `webpage_url`.
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::web_page("https://example.com/report").title("季度报告").to_chat().build()?;
    /// # let _ = msg;
    /// # Ok(())
    /// # }
    /// ```
    pub fn web_page(webpage_url: impl Into<String>) -> WebPageShare<NoChannel> {
        WebPageShare {
            channel_object: WebPage {
                webpage_url: webpage_url.into(),
                ..WebPage::default()
            },
            to: Destinations::default(),
            show_ai_agent_entrance: None,
            state: PhantomData,
        }
    }

    /// A WeChat mini program card (`"type": "miniProgram"`): `user_name` is the mini program's
    /// original ID (`gh_` and 12 hex digits), `webpage_url` the page old clients and iPad open
    /// instead.
    ///
    /// Swapping the two arguments is caught by `build()`: `gh_…` is not a URL.
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::mini_program("gh_0123456789ab", "https://example.com/fallback")
    ///     .title("报名")
    ///     .to_chat()
    ///     .build()?;
    /// # let _ = msg;
    /// assert!(Share::mini_program("https://example.com/fallback", "gh_0123456789ab")
    ///     .to_chat()
    ///     .build()
    ///     .is_err());
    /// # Ok(())
    /// # }
    /// ```
    pub fn mini_program(
        user_name: impl Into<String>,
        webpage_url: impl Into<String>,
    ) -> MiniProgramShare<NoChannel> {
        MiniProgramShare {
            channel_object: MiniProgram {
                user_name: user_name.into(),
                webpage_url: webpage_url.into(),
                ..MiniProgram::default()
            },
            show_ai_agent_entrance: None,
            state: PhantomData,
        }
    }

    /// An in-app text share (`"type": "text"`, `content.text`) into a WPS协作 chat.
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::in_app_text("会议改到 3 点").build()?;
    /// # let _ = msg;
    /// # Ok(())
    /// # }
    /// ```
    pub fn in_app_text(text: impl Into<String>) -> InAppTextShare {
        InAppTextShare {
            content: InAppText { text: text.into() },
            show_ai_agent_entrance: None,
        }
    }

    /// An in-app markdown share (`"type": "markdown"`, `content.text`) into a WPS协作 chat.
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::in_app_markdown("**会议**改到 3 点").build()?;
    /// # let _ = msg;
    /// # Ok(())
    /// # }
    /// ```
    pub fn in_app_markdown(markdown: impl Into<String>) -> InAppMarkdownShare {
        InAppMarkdownShare {
            content: InAppText {
                text: markdown.into(),
            },
            show_ai_agent_entrance: None,
        }
    }

    /// An in-app collaboration card (`"type": "webPage"`) that opens `url`, titled `title`.
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::in_app_web_page("https://www.kingsoft.com/", "金山软件欢迎你加入").build()?;
    /// # let _ = msg;
    /// # Ok(())
    /// # }
    /// ```
    pub fn in_app_web_page(url: impl Into<String>, title: impl Into<String>) -> InAppWebPageShare {
        InAppWebPageShare {
            content: InAppWebPage {
                url: url.into(),
                title: title.into(),
                image: None,
                text: None,
            },
            show_ai_agent_entrance: None,
        }
    }
}

/// Typestate of an external share builder before any channel is chosen: it has no `build()`.
///
/// ```compile_fail
/// use share_schema::builder::Share;
/// let msg = Share::text("你好").build(); // no channel yet
/// ```
#[derive(Clone, Copy, Debug)]
pub enum NoChannel {}

/// Typestate of an external share builder with at least one channel: it can be built.
///
/// ```
/// use share_schema::builder::{Channels, Share, TextShare};
/// let ready: TextShare<Channels> = Share::text("你好").to_chat();
/// assert!(ready.build().is_ok());
/// ```
#[derive(Clone, Copy, Debug)]
pub enum Channels {}

mod sealed {
    /// Only this module's typestates can have channels.
    pub trait Sealed {}
    impl Sealed for super::Channels {}
}

/// The bound on `build()`: the share has at least one channel. Implemented by [`Channels`] only,
/// and sealed.
///
/// ```
/// use share_schema::builder::{AtLeastOneChannel, Channels};
/// fn ready<C: AtLeastOneChannel>() {}
/// ready::<Channels>();
/// ```
#[diagnostic::on_unimplemented(
    message = "this share has no channel yet: call `.to_chat()` or `.to_moments()` before `.build()`",
    label = "needs `.to_chat()` or `.to_moments()` first",
    note = "`channelType` cannot be empty: `.to_chat()` adds `wx` (a WeChat chat), `.to_moments()` adds `wx_moments` (Moments; text and web pages only)"
)]
pub trait AtLeastOneChannel: sealed::Sealed {}

impl AtLeastOneChannel for Channels {}

/// The WeChat destinations chosen so far. Flags rather than a list, so a channel cannot be
/// added twice and `channelType` always lists `wx` before `wx_moments`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
struct Destinations {
    chat: bool,
    moments: bool,
}

impl Destinations {
    fn channel_type(self) -> Vec<Channel> {
        let mut channels = Vec::with_capacity(2);
        if self.chat {
            channels.push(Channel::Wx);
        }
        if self.moments {
            channels.push(Channel::WxMoments);
        }
        channels
    }
}

/// The value, if it breaks no error-severity rule: the same check as [`Validate::validate`].
fn checked<T: Validate>(value: T) -> Result<T, Report> {
    value.validate().map(|()| value)
}

/// The value with its whole [`Validate::report`], if that has no error.
fn checked_with_report<T: Validate>(value: T) -> Result<(T, Report), Report> {
    let report = value.report();
    if report.has_errors() {
        Err(report)
    } else {
        Ok((value, report))
    }
}

/// Optional-field setters, written once for every builder. Each entry is the method's signature,
/// `=>`, and the field it sets to `Some(argument)`:
///
/// ```text
/// setters! {
///     /// Sets the card's `title`.
///     pub fn title(self, title: impl Into<String>) -> Self => channel_object.title;
/// }
/// ```
///
/// becomes `pub fn title(mut self, title: impl Into<String>) -> Self` with that doc comment.
macro_rules! setters {
    ($(
        $(#[$doc:meta])*
        pub fn $name:ident(self, $arg:ident: $ty:ty) -> Self => $($field:ident).+;
    )+) => {$(
        $(#[$doc])*
        pub fn $name(mut self, $arg: $ty) -> Self {
            // `impl Into<String>` becomes the field's `String`; a `bool` converts to itself.
            self.$($field).+ = Some($arg.into());
            self
        }
    )+};
}
use setters;
