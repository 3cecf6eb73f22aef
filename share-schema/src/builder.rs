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
//! | no mixed variants | external builders build an [`ExternalShare`], in-app builders an [`InAppShare`]; neither has the other's methods |
//!
//! What the types cannot carry — byte lengths, empty strings, URL syntax, thumbnail bytes — is
//! checked when the value is built: `build()` constructs the model value and runs
//! [`Validate::validate`] on it, so the rules, codes, messages and JSON Pointer paths are exactly
//! those of deserializing the same JSON and validating it. `build()` fails only on
//! error-severity violations; `build_with_report()` also returns the warnings and infos.

use crate::{
    Channel, ExternalShare, InAppShare, InAppText, InAppWebPage, MiniProgram, Report, Text,
    Validate, WebPage,
};
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

/// Builds an [`ExternalShare::Text`]; made by [`Share::text`].
///
/// ```
/// use share_schema::builder::Share;
///
/// # fn main() -> Result<(), share_schema::Report> {
/// let msg = Share::text("你好").to_chat().to_moments().build()?;
/// assert_eq!(
///     serde_json::to_string(&msg).unwrap(),
///     r#"{"type":"text","channelType":["wx","wx_moments"],"channelObject":{"text":"你好"}}"#
/// );
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until `.build()`"]
pub struct TextShare<C> {
    channel_object: Text,
    to: Destinations,
    show_ai_agent_entrance: Option<bool>,
    state: PhantomData<C>,
}

impl<C> TextShare<C> {
    /// Shares to a WeChat chat (`wx`). Calling it again changes nothing.
    ///
    /// ```
    /// use share_schema::builder::Share;
    /// use share_schema::{Channel, ExternalShare};
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::text("你好").to_chat().to_chat().build()?;
    /// assert!(matches!(msg, ExternalShare::Text { channel_type, .. } if channel_type == [Channel::Wx]));
    /// # Ok(())
    /// # }
    /// ```
    pub fn to_chat(self) -> TextShare<Channels> {
        let to = Destinations {
            chat: true,
            ..self.to
        };
        TextShare {
            to,
            ..self.with_state()
        }
    }

    /// Shares to WeChat Moments (`wx_moments`). Calling it again changes nothing.
    ///
    /// ```
    /// use share_schema::builder::Share;
    /// use share_schema::{Channel, ExternalShare};
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::text("你好").to_moments().to_chat().build()?;
    /// let ExternalShare::Text { channel_type, .. } = msg else { unreachable!() };
    /// assert_eq!(channel_type, [Channel::Wx, Channel::WxMoments]);
    /// # Ok(())
    /// # }
    /// ```
    pub fn to_moments(self) -> TextShare<Channels> {
        let to = Destinations {
            moments: true,
            ..self.to
        };
        TextShare {
            to,
            ..self.with_state()
        }
    }

    /// Sets `showAIAgentEntrance` (client ≥ 5.33; absent means false).
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::text("你好").show_ai_agent_entrance(true).to_chat().build()?;
    /// assert_eq!(serde_json::to_value(&msg).unwrap()["showAIAgentEntrance"], true);
    /// # Ok(())
    /// # }
    /// ```
    pub fn show_ai_agent_entrance(self, show: bool) -> Self {
        TextShare {
            show_ai_agent_entrance: Some(show),
            ..self
        }
    }

    /// The same builder in another typestate.
    fn with_state<D>(self) -> TextShare<D> {
        TextShare {
            channel_object: self.channel_object,
            to: self.to,
            show_ai_agent_entrance: self.show_ai_agent_entrance,
            state: PhantomData,
        }
    }

    fn value(self) -> ExternalShare {
        ExternalShare::Text {
            channel_type: self.to.channel_type(),
            channel_object: self.channel_object,
            show_ai_agent_entrance: self.show_ai_agent_entrance,
        }
    }

    /// The share, or every violation if one is an error: an empty text or one over 10,240
    /// bytes. Available once a channel is chosen.
    ///
    /// ```
    /// use share_schema::builder::Share;
    /// use share_schema::catalog;
    ///
    /// let report = Share::text("").to_chat().build().unwrap_err();
    /// assert_eq!(report.as_slice()[0].code(), catalog::EMPTY_TEXT.code);
    /// assert_eq!(report.as_slice()[0].path(), "/channelObject/text");
    /// ```
    pub fn build(self) -> Result<ExternalShare, Report>
    where
        C: AtLeastOneChannel,
    {
        checked(self.value())
    }

    /// Like [`build`](Self::build), and also returns the warnings and infos of the built value
    /// (its whole [`Validate::report`], which has no error).
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let (msg, report) = Share::text("你好").to_chat().build_with_report()?;
    /// assert!(report.is_empty());
    /// # let _ = msg;
    /// # Ok(())
    /// # }
    /// ```
    pub fn build_with_report(self) -> Result<(ExternalShare, Report), Report>
    where
        C: AtLeastOneChannel,
    {
        checked_with_report(self.value())
    }
}

/// Builds an [`ExternalShare::WebPage`]; made by [`Share::web_page`].
///
/// ```
/// use share_schema::builder::Share;
///
/// # fn main() -> Result<(), share_schema::Report> {
/// let png = "iVBORw0KGgoAAAANSUhEUgAAAAUAAAAECAAAAABjWKqcAAAADklEQVR42mP4DwIMGCQA7ygT7e4liI8AAAAASUVORK5CYII=";
/// let msg = Share::web_page("https://example.com/report")
///     .title("季度报告")
///     .description("2024 年第三季度")
///     .thumb_image(png)
///     .to_chat()
///     .to_moments()
///     .build()?;
/// # let _ = msg;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until `.build()`"]
pub struct WebPageShare<C> {
    channel_object: WebPage,
    to: Destinations,
    show_ai_agent_entrance: Option<bool>,
    state: PhantomData<C>,
}

impl<C> WebPageShare<C> {
    /// Sets the card's `title` (at most 512 bytes; without one, `build_with_report` warns).
    ///
    /// ```
    /// use share_schema::builder::Share;
    /// use share_schema::catalog;
    ///
    /// let report = Share::web_page("https://example.com/").title("长".repeat(200)).to_chat().build().unwrap_err();
    /// assert_eq!(report.as_slice()[0].code(), catalog::TITLE_TOO_LONG.code);
    /// assert_eq!(report.as_slice()[0].path(), "/channelObject/title");
    /// ```
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.channel_object.title = Some(title.into());
        self
    }

    /// Sets the card's `description` (at most 1,024 bytes).
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::web_page("https://example.com/").description("一句话介绍").to_chat().build()?;
    /// assert_eq!(serde_json::to_value(&msg).unwrap()["channelObject"]["description"], "一句话介绍");
    /// # Ok(())
    /// # }
    /// ```
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.channel_object.description = Some(description.into());
        self
    }

    /// Sets `thumbImage`: the bare base64 of a PNG, JPEG, GIF, WebP or BMP file — no
    /// `data:image/...;base64,` prefix — of at most 64 KiB decoded (32 KiB for older clients,
    /// a warning).
    ///
    /// ```
    /// use share_schema::builder::Share;
    /// use share_schema::catalog;
    ///
    /// let png = "iVBORw0KGgoAAAANSUhEUgAAAAUAAAAECAAAAABjWKqcAAAADklEQVR42mP4DwIMGCQA7ygT7e4liI8AAAAASUVORK5CYII=";
    /// assert!(Share::web_page("https://example.com/").thumb_image(png).to_chat().build().is_ok());
    ///
    /// let report = Share::web_page("https://example.com/")
    ///     .title("报告")
    ///     .thumb_image(format!("data:image/png;base64,{png}"))
    ///     .to_chat()
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(report.as_slice()[0].code(), catalog::INVALID_THUMBNAIL.code);
    /// ```
    pub fn thumb_image(mut self, base64: impl Into<String>) -> Self {
        self.channel_object.thumb_image = Some(base64.into());
        self
    }

    /// Shares to a WeChat chat (`wx`). Calling it again changes nothing.
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::web_page("https://example.com/").to_chat().build()?;
    /// assert_eq!(serde_json::to_value(&msg).unwrap()["channelType"], serde_json::json!(["wx"]));
    /// # Ok(())
    /// # }
    /// ```
    pub fn to_chat(self) -> WebPageShare<Channels> {
        let to = Destinations {
            chat: true,
            ..self.to
        };
        WebPageShare {
            to,
            ..self.with_state()
        }
    }

    /// Shares to WeChat Moments (`wx_moments`). Calling it again changes nothing.
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::web_page("https://example.com/").to_moments().to_moments().build()?;
    /// assert_eq!(serde_json::to_value(&msg).unwrap()["channelType"], serde_json::json!(["wx_moments"]));
    /// # Ok(())
    /// # }
    /// ```
    pub fn to_moments(self) -> WebPageShare<Channels> {
        let to = Destinations {
            moments: true,
            ..self.to
        };
        WebPageShare {
            to,
            ..self.with_state()
        }
    }

    /// Sets `showAIAgentEntrance` (client ≥ 5.33; absent means false).
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::web_page("https://example.com/").show_ai_agent_entrance(false).to_chat().build()?;
    /// assert_eq!(serde_json::to_value(&msg).unwrap()["showAIAgentEntrance"], false);
    /// # Ok(())
    /// # }
    /// ```
    pub fn show_ai_agent_entrance(self, show: bool) -> Self {
        WebPageShare {
            show_ai_agent_entrance: Some(show),
            ..self
        }
    }

    /// The same builder in another typestate.
    fn with_state<D>(self) -> WebPageShare<D> {
        WebPageShare {
            channel_object: self.channel_object,
            to: self.to,
            show_ai_agent_entrance: self.show_ai_agent_entrance,
            state: PhantomData,
        }
    }

    fn value(self) -> ExternalShare {
        ExternalShare::WebPage {
            channel_type: self.to.channel_type(),
            channel_object: self.channel_object,
            show_ai_agent_entrance: self.show_ai_agent_entrance,
        }
    }

    /// The share, or every violation if one is an error: a `webpageUrl` that is empty, too long
    /// or not an absolute http(s) URL, a title or description over its limit, a thumbnail that
    /// is not bare base64 of an image or is over 64 KiB. Available once a channel is chosen.
    ///
    /// ```
    /// use share_schema::builder::Share;
    /// use share_schema::catalog;
    ///
    /// let report = Share::web_page("example.com").title("报告").to_chat().build().unwrap_err();
    /// assert_eq!(report.as_slice()[0].code(), catalog::INVALID_URL.code);
    /// assert_eq!(report.as_slice()[0].path(), "/channelObject/webpageUrl");
    /// ```
    pub fn build(self) -> Result<ExternalShare, Report>
    where
        C: AtLeastOneChannel,
    {
        checked(self.value())
    }

    /// Like [`build`](Self::build), and also returns the warnings and infos of the built value
    /// (its whole [`Validate::report`], which has no error).
    ///
    /// ```
    /// use share_schema::builder::Share;
    /// use share_schema::catalog;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let (msg, report) = Share::web_page("http://example.com/").title("报告").to_chat().build_with_report()?;
    /// assert_eq!(report.as_slice()[0].code(), catalog::INSECURE_URL.code);
    /// # let _ = msg;
    /// # Ok(())
    /// # }
    /// ```
    pub fn build_with_report(self) -> Result<(ExternalShare, Report), Report>
    where
        C: AtLeastOneChannel,
    {
        checked_with_report(self.value())
    }
}

/// Builds an [`ExternalShare::MiniProgram`]; made by [`Share::mini_program`].
///
/// WeChat shares mini programs to chats only, so this builder has `to_chat()` and no
/// `to_moments()`:
///
/// ```compile_fail
/// use share_schema::builder::Share;
/// let msg = Share::mini_program("gh_0123456789ab", "https://example.com/").to_moments();
/// ```
///
/// ```
/// use share_schema::builder::Share;
///
/// # fn main() -> Result<(), share_schema::Report> {
/// let png = "iVBORw0KGgoAAAANSUhEUgAAAAUAAAAECAAAAABjWKqcAAAADklEQVR42mP4DwIMGCQA7ygT7e4liI8AAAAASUVORK5CYII=";
/// let msg = Share::mini_program("gh_0123456789ab", "https://example.com/fallback")
///     .title("报名")
///     .path("pages/index/index?from=share")
///     .with_share_ticket(true)
///     .thumb_image(png)
///     .to_chat()
///     .build()?;
/// assert_eq!(serde_json::to_value(&msg).unwrap()["channelType"], serde_json::json!(["wx"]));
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until `.build()`"]
pub struct MiniProgramShare<C> {
    channel_object: MiniProgram,
    show_ai_agent_entrance: Option<bool>,
    state: PhantomData<C>,
}

impl<C> MiniProgramShare<C> {
    /// Sets the card's `title` (at most 512 bytes; without one, `build_with_report` warns).
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::mini_program("gh_0123456789ab", "https://example.com/").title("报名").to_chat().build()?;
    /// assert_eq!(serde_json::to_value(&msg).unwrap()["channelObject"]["title"], "报名");
    /// # Ok(())
    /// # }
    /// ```
    pub fn title(mut self, title: impl Into<String>) -> Self {
        self.channel_object.title = Some(title.into());
        self
    }

    /// Sets the card's `description` (at most 1,024 bytes).
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::mini_program("gh_0123456789ab", "https://example.com/").description("三步报名").to_chat().build()?;
    /// assert_eq!(serde_json::to_value(&msg).unwrap()["channelObject"]["description"], "三步报名");
    /// # Ok(())
    /// # }
    /// ```
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.channel_object.description = Some(description.into());
        self
    }

    /// Sets `thumbImage`: the bare base64 of a PNG, JPEG, GIF, WebP or BMP file — no `data:`
    /// prefix — of at most 128 KiB decoded, ideally 5:4 (an info otherwise). Android needs one:
    /// without it `build_with_report` warns.
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let png = "iVBORw0KGgoAAAANSUhEUgAAAAUAAAAECAAAAABjWKqcAAAADklEQVR42mP4DwIMGCQA7ygT7e4liI8AAAAASUVORK5CYII=";
    /// let (_, report) = Share::mini_program("gh_0123456789ab", "https://example.com/")
    ///     .title("报名")
    ///     .thumb_image(png) // 5×4
    ///     .to_chat()
    ///     .build_with_report()?;
    /// assert!(report.is_empty());
    /// # Ok(())
    /// # }
    /// ```
    pub fn thumb_image(mut self, base64: impl Into<String>) -> Self {
        self.channel_object.thumb_image = Some(base64.into());
        self
    }

    /// Sets `path`: the page to open, with an optional query string (a leading `/` is
    /// optional); without it the mini program opens its home page.
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::mini_program("gh_0123456789ab", "https://example.com/")
    ///     .path("pages/index/index?from=share")
    ///     .to_chat()
    ///     .build()?;
    /// assert_eq!(serde_json::to_value(&msg).unwrap()["channelObject"]["path"], "pages/index/index?from=share");
    /// # Ok(())
    /// # }
    /// ```
    pub fn path(mut self, path: impl Into<String>) -> Self {
        self.channel_object.path = Some(path.into());
        self
    }

    /// Sets `withShareTicket` (absent means false).
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::mini_program("gh_0123456789ab", "https://example.com/").with_share_ticket(true).to_chat().build()?;
    /// assert_eq!(serde_json::to_value(&msg).unwrap()["channelObject"]["withShareTicket"], true);
    /// # Ok(())
    /// # }
    /// ```
    pub fn with_share_ticket(mut self, with_share_ticket: bool) -> Self {
        self.channel_object.with_share_ticket = Some(with_share_ticket);
        self
    }

    /// Shares to a WeChat chat (`wx`), the only channel a mini program can go to. Calling it
    /// again changes nothing.
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::mini_program("gh_0123456789ab", "https://example.com/").to_chat().to_chat().build()?;
    /// assert_eq!(serde_json::to_value(&msg).unwrap()["channelType"], serde_json::json!(["wx"]));
    /// # Ok(())
    /// # }
    /// ```
    pub fn to_chat(self) -> MiniProgramShare<Channels> {
        MiniProgramShare {
            channel_object: self.channel_object,
            show_ai_agent_entrance: self.show_ai_agent_entrance,
            state: PhantomData,
        }
    }

    /// Sets `showAIAgentEntrance` (client ≥ 5.33; absent means false).
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::mini_program("gh_0123456789ab", "https://example.com/").show_ai_agent_entrance(true).to_chat().build()?;
    /// assert_eq!(serde_json::to_value(&msg).unwrap()["showAIAgentEntrance"], true);
    /// # Ok(())
    /// # }
    /// ```
    pub fn show_ai_agent_entrance(self, show: bool) -> Self {
        MiniProgramShare {
            show_ai_agent_entrance: Some(show),
            ..self
        }
    }

    fn value(self) -> ExternalShare {
        ExternalShare::MiniProgram {
            channel_type: vec![Channel::Wx],
            channel_object: self.channel_object,
            show_ai_agent_entrance: self.show_ai_agent_entrance,
        }
    }

    /// The share, or every violation if one is an error: an empty `userName`, a `webpageUrl`
    /// that is empty, too long or not an absolute http(s) URL, a title or description over its
    /// limit, a thumbnail that is not bare base64 of an image or is over 128 KiB. Available
    /// once `to_chat()` is called.
    ///
    /// ```
    /// use share_schema::builder::Share;
    /// use share_schema::catalog;
    ///
    /// let report = Share::mini_program("", "https://example.com/").to_chat().build().unwrap_err();
    /// assert!(report.iter().any(|v| v.code() == catalog::EMPTY_USER_NAME.code && v.path() == "/channelObject/userName"));
    /// ```
    pub fn build(self) -> Result<ExternalShare, Report>
    where
        C: AtLeastOneChannel,
    {
        checked(self.value())
    }

    /// Like [`build`](Self::build), and also returns the warnings and infos of the built value
    /// (its whole [`Validate::report`], which has no error).
    ///
    /// ```
    /// use share_schema::builder::Share;
    /// use share_schema::catalog;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let (_, report) = Share::mini_program("gh_0123456789ab", "https://example.com/")
    ///     .title("报名")
    ///     .to_chat()
    ///     .build_with_report()?;
    /// assert_eq!(report.as_slice()[0].code(), catalog::MISSING_MINI_PROGRAM_THUMBNAIL.code);
    /// # Ok(())
    /// # }
    /// ```
    pub fn build_with_report(self) -> Result<(ExternalShare, Report), Report>
    where
        C: AtLeastOneChannel,
    {
        checked_with_report(self.value())
    }
}

/// Builds an [`InAppShare::Text`]; made by [`Share::in_app_text`].
///
/// ```
/// use share_schema::builder::Share;
///
/// # fn main() -> Result<(), share_schema::Report> {
/// let msg = Share::in_app_text("你好").build()?;
/// assert_eq!(serde_json::to_string(&msg).unwrap(), r#"{"type":"text","content":{"text":"你好"}}"#);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until `.build()`"]
pub struct InAppTextShare {
    content: InAppText,
    show_ai_agent_entrance: Option<bool>,
}

impl InAppTextShare {
    /// Sets `showAIAgentEntrance` (client ≥ 5.33).
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::in_app_text("你好").show_ai_agent_entrance(true).build()?;
    /// assert_eq!(serde_json::to_value(&msg).unwrap()["showAIAgentEntrance"], true);
    /// # Ok(())
    /// # }
    /// ```
    pub fn show_ai_agent_entrance(self, show: bool) -> Self {
        InAppTextShare {
            show_ai_agent_entrance: Some(show),
            ..self
        }
    }

    fn value(self) -> InAppShare {
        InAppShare::Text {
            content: self.content,
            show_ai_agent_entrance: self.show_ai_agent_entrance,
        }
    }

    /// The share, or every violation if one is an error: an empty text.
    ///
    /// ```
    /// use share_schema::builder::Share;
    /// use share_schema::catalog;
    ///
    /// let report = Share::in_app_text("").build().unwrap_err();
    /// assert_eq!(report.as_slice()[0].code(), catalog::EMPTY_TEXT.code);
    /// assert_eq!(report.as_slice()[0].path(), "/content/text");
    /// ```
    pub fn build(self) -> Result<InAppShare, Report> {
        checked(self.value())
    }

    /// Like [`build`](Self::build), and also returns the warnings and infos of the built value
    /// (its whole [`Validate::report`], which has no error).
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let (_, report) = Share::in_app_text("你好").build_with_report()?;
    /// assert!(report.is_empty());
    /// # Ok(())
    /// # }
    /// ```
    pub fn build_with_report(self) -> Result<(InAppShare, Report), Report> {
        checked_with_report(self.value())
    }
}

/// Builds an [`InAppShare::Markdown`]; made by [`Share::in_app_markdown`].
///
/// ```
/// use share_schema::builder::Share;
///
/// # fn main() -> Result<(), share_schema::Report> {
/// let msg = Share::in_app_markdown("**hi**").build()?;
/// assert_eq!(serde_json::to_string(&msg).unwrap(), r#"{"type":"markdown","content":{"text":"**hi**"}}"#);
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until `.build()`"]
pub struct InAppMarkdownShare {
    content: InAppText,
    show_ai_agent_entrance: Option<bool>,
}

impl InAppMarkdownShare {
    /// Sets `showAIAgentEntrance` (client ≥ 5.33).
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::in_app_markdown("**hi**").show_ai_agent_entrance(true).build()?;
    /// assert_eq!(serde_json::to_value(&msg).unwrap()["showAIAgentEntrance"], true);
    /// # Ok(())
    /// # }
    /// ```
    pub fn show_ai_agent_entrance(self, show: bool) -> Self {
        InAppMarkdownShare {
            show_ai_agent_entrance: Some(show),
            ..self
        }
    }

    fn value(self) -> InAppShare {
        InAppShare::Markdown {
            content: self.content,
            show_ai_agent_entrance: self.show_ai_agent_entrance,
        }
    }

    /// The share, or every violation if one is an error: an empty text.
    ///
    /// ```
    /// use share_schema::builder::Share;
    /// use share_schema::catalog;
    ///
    /// let report = Share::in_app_markdown("").build().unwrap_err();
    /// assert_eq!(report.as_slice()[0].code(), catalog::EMPTY_TEXT.code);
    /// ```
    pub fn build(self) -> Result<InAppShare, Report> {
        checked(self.value())
    }

    /// Like [`build`](Self::build), and also returns the warnings and infos of the built value
    /// (its whole [`Validate::report`], which has no error).
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let (_, report) = Share::in_app_markdown("**hi**").build_with_report()?;
    /// assert!(report.is_empty());
    /// # Ok(())
    /// # }
    /// ```
    pub fn build_with_report(self) -> Result<(InAppShare, Report), Report> {
        checked_with_report(self.value())
    }
}

/// Builds an [`InAppShare::WebPage`], a collaboration card; made by [`Share::in_app_web_page`].
///
/// ```
/// use share_schema::builder::Share;
///
/// # fn main() -> Result<(), share_schema::Report> {
/// let msg = Share::in_app_web_page("https://www.kingsoft.com/", "金山软件欢迎你加入")
///     .image("https://www.kingsoft.com/logo.png")
///     .text("描述内容")
///     .build()?;
/// # let _ = msg;
/// # Ok(())
/// # }
/// ```
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until `.build()`"]
pub struct InAppWebPageShare {
    content: InAppWebPage,
    show_ai_agent_entrance: Option<bool>,
}

impl InAppWebPageShare {
    /// Sets `image`: the card's image as an absolute http(s) **URL** (not base64, unlike the
    /// external share's `thumbImage`); without it the card shows the app's icon.
    ///
    /// ```
    /// use share_schema::builder::Share;
    /// use share_schema::catalog;
    ///
    /// let report = Share::in_app_web_page("https://www.kingsoft.com/", "金山")
    ///     .image("iVBORw0KGgo=")
    ///     .build()
    ///     .unwrap_err();
    /// assert_eq!(report.as_slice()[0].code(), catalog::INVALID_URL.code);
    /// assert_eq!(report.as_slice()[0].path(), "/content/image");
    /// ```
    pub fn image(mut self, url: impl Into<String>) -> Self {
        self.content.image = Some(url.into());
        self
    }

    /// Sets `text`: the card's description.
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::in_app_web_page("https://www.kingsoft.com/", "金山").text("描述").build()?;
    /// assert_eq!(serde_json::to_value(&msg).unwrap()["content"]["text"], "描述");
    /// # Ok(())
    /// # }
    /// ```
    pub fn text(mut self, text: impl Into<String>) -> Self {
        self.content.text = Some(text.into());
        self
    }

    /// Sets `showAIAgentEntrance` (client ≥ 5.33).
    ///
    /// ```
    /// use share_schema::builder::Share;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let msg = Share::in_app_web_page("https://www.kingsoft.com/", "金山").show_ai_agent_entrance(true).build()?;
    /// assert_eq!(serde_json::to_value(&msg).unwrap()["showAIAgentEntrance"], true);
    /// # Ok(())
    /// # }
    /// ```
    pub fn show_ai_agent_entrance(self, show: bool) -> Self {
        InAppWebPageShare {
            show_ai_agent_entrance: Some(show),
            ..self
        }
    }

    fn value(self) -> InAppShare {
        InAppShare::WebPage {
            content: self.content,
            show_ai_agent_entrance: self.show_ai_agent_entrance,
        }
    }

    /// The share, or every violation if one is an error: a `url` that is empty or not an
    /// absolute http(s) URL, an empty `title`, an `image` that is not an absolute http(s) URL.
    ///
    /// ```
    /// use share_schema::builder::Share;
    /// use share_schema::catalog;
    ///
    /// let report = Share::in_app_web_page("https://www.kingsoft.com/", "").build().unwrap_err();
    /// assert_eq!(report.as_slice()[0].code(), catalog::EMPTY_TITLE.code);
    /// assert_eq!(report.as_slice()[0].path(), "/content/title");
    /// ```
    pub fn build(self) -> Result<InAppShare, Report> {
        checked(self.value())
    }

    /// Like [`build`](Self::build), and also returns the warnings and infos of the built value
    /// (its whole [`Validate::report`], which has no error).
    ///
    /// ```
    /// use share_schema::builder::Share;
    /// use share_schema::catalog;
    ///
    /// # fn main() -> Result<(), share_schema::Report> {
    /// let (_, report) = Share::in_app_web_page("http://intranet.example/", "内网").build_with_report()?;
    /// assert_eq!(report.as_slice()[0].code(), catalog::INSECURE_URL.code);
    /// assert_eq!(report.as_slice()[0].path(), "/content/url");
    /// # Ok(())
    /// # }
    /// ```
    pub fn build_with_report(self) -> Result<(InAppShare, Report), Report> {
        checked_with_report(self.value())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{catalog, Severity, ShareMessage};
    use serde_json::{json, Value};

    /// A 5×4 grayscale PNG: bare base64, in the recommended 5:4.
    const PNG_5X4: &str = "iVBORw0KGgoAAAANSUhEUgAAAAUAAAAECAAAAABjWKqcAAAADklEQVR42mP4DwIMGCQA7ygT7e4liI8AAAAASUVORK5CYII=";

    /// `built` is what deserializing `expected` gives, as the variant's type and as a
    /// `ShareMessage`, and it serializes back to `expected`.
    fn assert_same<T>(built: T, expected: Value)
    where
        T: serde::Serialize + serde::de::DeserializeOwned + PartialEq + std::fmt::Debug + Clone,
        ShareMessage: From<T>,
    {
        let text = expected.to_string();
        let parsed: T = serde_json::from_str(&text).unwrap();
        assert_eq!(built, parsed);
        let message: ShareMessage = serde_json::from_str(&text).unwrap();
        assert_eq!(ShareMessage::from(built.clone()), message);
        let serialized = serde_json::to_string(&built).unwrap();
        assert_eq!(
            serde_json::from_str::<Value>(&serialized).unwrap(),
            expected
        );
        assert_eq!(serde_json::from_str::<T>(&serialized).unwrap(), built);
    }

    #[test]
    fn text_equals_its_json() {
        let built = Share::text("你好")
            .show_ai_agent_entrance(true)
            .to_chat()
            .to_moments()
            .build()
            .unwrap();
        assert_same(
            built,
            json!({"type": "text", "channelType": ["wx", "wx_moments"],
                   "channelObject": {"text": "你好"}, "showAIAgentEntrance": true}),
        );
    }

    #[test]
    fn web_page_equals_its_json() {
        let built = Share::web_page("https://example.com/report")
            .title("季度报告")
            .description("2024 年第三季度")
            .thumb_image(PNG_5X4)
            .to_chat()
            .to_moments()
            .build()
            .unwrap();
        assert_same(
            built,
            json!({"type": "webPage", "channelType": ["wx", "wx_moments"], "channelObject": {
                "title": "季度报告", "description": "2024 年第三季度",
                "webpageUrl": "https://example.com/report", "thumbImage": PNG_5X4}}),
        );
    }

    #[test]
    fn minimal_web_page_equals_its_json() {
        let built = Share::web_page("https://example.com/")
            .to_moments()
            .build()
            .unwrap();
        assert_same(
            built,
            json!({"type": "webPage", "channelType": ["wx_moments"],
                   "channelObject": {"webpageUrl": "https://example.com/"}}),
        );
    }

    #[test]
    fn mini_program_equals_its_json() {
        let built = Share::mini_program("gh_0123456789ab", "https://example.com/fallback")
            .title("报名")
            .description("三步报名")
            .path("pages/index/index?from=share")
            .with_share_ticket(true)
            .thumb_image(PNG_5X4)
            .show_ai_agent_entrance(false)
            .to_chat()
            .build()
            .unwrap();
        assert_same(
            built,
            json!({"type": "miniProgram", "channelType": ["wx"], "channelObject": {
                "title": "报名", "description": "三步报名",
                "webpageUrl": "https://example.com/fallback", "userName": "gh_0123456789ab",
                "withShareTicket": true, "thumbImage": PNG_5X4,
                "path": "pages/index/index?from=share"}, "showAIAgentEntrance": false}),
        );
    }

    #[test]
    fn in_app_text_and_markdown_equal_their_json() {
        assert_same(
            Share::in_app_text("你好").build().unwrap(),
            json!({"type": "text", "content": {"text": "你好"}}),
        );
        assert_same(
            Share::in_app_markdown("**hi**")
                .show_ai_agent_entrance(true)
                .build()
                .unwrap(),
            json!({"type": "markdown", "content": {"text": "**hi**"}, "showAIAgentEntrance": true}),
        );
    }

    #[test]
    fn in_app_web_page_equals_its_json() {
        assert_same(
            Share::in_app_web_page("https://www.kingsoft.com/", "金山软件欢迎你加入")
                .image("https://www.kingsoft.com/logo.png")
                .text("描述内容xxx")
                .build()
                .unwrap(),
            json!({"type": "webPage", "content": {"url": "https://www.kingsoft.com/",
                "title": "金山软件欢迎你加入", "image": "https://www.kingsoft.com/logo.png",
                "text": "描述内容xxx"}}),
        );
        assert_same(
            Share::in_app_web_page("https://www.kingsoft.com/", "金山")
                .build()
                .unwrap(),
            json!({"type": "webPage", "content": {"url": "https://www.kingsoft.com/", "title": "金山"}}),
        );
    }

    #[test]
    fn title_over_512_bytes_is_the_validators_error() {
        let title = "a".repeat(513);
        let report = Share::web_page("https://example.com/")
            .title(&title)
            .to_chat()
            .build()
            .unwrap_err();
        let errors: Vec<_> = report.with_severity(Severity::Error).collect();
        assert_eq!(errors.len(), 1, "{report}");
        assert_eq!(errors[0].code(), catalog::TITLE_TOO_LONG.code);
        assert_eq!(errors[0].path(), "/channelObject/title");

        // The same report as validating the same JSON.
        let parsed: ShareMessage = serde_json::from_value(json!({"type": "webPage",
            "channelType": ["wx"],
            "channelObject": {"title": title, "webpageUrl": "https://example.com/"}}))
        .unwrap();
        assert_eq!(parsed.validate().unwrap_err(), report);

        // 512 bytes is allowed.
        assert!(Share::web_page("https://example.com/")
            .title("a".repeat(512))
            .to_chat()
            .build()
            .is_ok());
    }

    #[test]
    fn mini_program_title_over_512_bytes_is_an_error() {
        let report = Share::mini_program("gh_0123456789ab", "https://example.com/")
            .title("长".repeat(171)) // 513 bytes
            .thumb_image(PNG_5X4)
            .to_chat()
            .build()
            .unwrap_err();
        assert!(report.iter().any(
            |v| v.code() == catalog::TITLE_TOO_LONG.code && v.path() == "/channelObject/title"
        ));
    }

    #[test]
    fn data_uri_thumbnail_is_an_error() {
        let thumb = format!("data:image/png;base64,{PNG_5X4}");
        let web = Share::web_page("https://example.com/")
            .title("报告")
            .thumb_image(&thumb)
            .to_chat()
            .build()
            .unwrap_err();
        let mini = Share::mini_program("gh_0123456789ab", "https://example.com/")
            .title("报名")
            .thumb_image(thumb)
            .to_chat()
            .build()
            .unwrap_err();
        for report in [web, mini] {
            let v = report.with_severity(Severity::Error).next().unwrap();
            assert_eq!(v.code(), catalog::INVALID_THUMBNAIL.code);
            assert_eq!(v.path(), "/channelObject/thumbImage");
        }
    }

    #[test]
    fn http_url_builds_with_a_warning() {
        let built = Share::web_page("http://example.com/")
            .title("报告")
            .to_chat()
            .build();
        assert!(built.is_ok());
        let (msg, report) = Share::web_page("http://example.com/")
            .title("报告")
            .to_chat()
            .build_with_report()
            .unwrap();
        assert_eq!(msg, built.unwrap());
        assert_eq!(report.len(), 1, "{report}");
        let v = &report.as_slice()[0];
        assert_eq!(
            (v.code(), v.severity(), v.path()),
            (
                catalog::INSECURE_URL.code,
                Severity::Warning,
                "/channelObject/webpageUrl"
            )
        );
        assert_eq!(report, msg.report());

        let (_, report) = Share::in_app_web_page("http://example.com/", "卡片")
            .build_with_report()
            .unwrap();
        assert!(report
            .iter()
            .any(|v| v.code() == catalog::INSECURE_URL.code && v.path() == "/content/url"));
    }

    #[test]
    fn a_channel_added_twice_is_listed_once() {
        fn channels(msg: ExternalShare) -> Vec<Channel> {
            match msg {
                ExternalShare::Text { channel_type, .. }
                | ExternalShare::WebPage { channel_type, .. }
                | ExternalShare::MiniProgram { channel_type, .. } => channel_type,
            }
        }
        let text = Share::text("你好").to_chat().to_chat().build().unwrap();
        assert_eq!(channels(text), [Channel::Wx]);
        let web = Share::web_page("https://example.com/")
            .to_moments()
            .to_chat()
            .to_moments()
            .to_chat()
            .build()
            .unwrap();
        assert_eq!(channels(web), [Channel::Wx, Channel::WxMoments]);
        let mini = Share::mini_program("gh_0123456789ab", "https://example.com/")
            .to_chat()
            .to_chat()
            .build()
            .unwrap();
        assert_eq!(channels(mini), [Channel::Wx]);
    }

    #[test]
    fn channel_order_does_not_depend_on_call_order() {
        let expected = json!(["wx", "wx_moments"]);
        for msg in [
            Share::text("你好").to_chat().to_moments().build().unwrap(),
            Share::text("你好").to_moments().to_chat().build().unwrap(),
        ] {
            assert_eq!(serde_json::to_value(&msg).unwrap()["channelType"], expected);
        }
    }

    #[test]
    fn errors_found_only_at_build_time_are_reported() {
        let text = Share::text("").to_chat().build().unwrap_err();
        assert_eq!(text.as_slice()[0].code(), catalog::EMPTY_TEXT.code);
        assert_eq!(text.as_slice()[0].path(), "/channelObject/text");

        let swapped = Share::mini_program("https://example.com/", "gh_0123456789ab")
            .to_chat()
            .build()
            .unwrap_err();
        assert!(swapped
            .iter()
            .any(|v| v.code() == catalog::INVALID_URL.code
                && v.path() == "/channelObject/webpageUrl"));

        let in_app = Share::in_app_web_page("", "").build().unwrap_err();
        let codes: Vec<_> = in_app.iter().map(|v| (v.code(), v.path())).collect();
        assert!(
            codes.contains(&(catalog::EMPTY_URL.code, "/content/url")),
            "{in_app}"
        );
        assert!(
            codes.contains(&(catalog::EMPTY_TITLE.code, "/content/title")),
            "{in_app}"
        );
    }

    #[test]
    fn warnings_alone_do_not_fail_build() {
        // No title, no thumbnail, a placeholder userName: three warnings, no error.
        let (msg, report) = Share::mini_program("gh_xxxxxxxxxxxx", "https://example.com/")
            .to_chat()
            .build_with_report()
            .unwrap();
        assert!(!report.has_errors());
        let mut codes: Vec<_> = report.iter().map(|v| v.code()).collect();
        codes.sort_unstable();
        assert_eq!(
            codes,
            [
                catalog::MISSING_TITLE.code,
                catalog::MISSING_MINI_PROGRAM_THUMBNAIL.code,
                catalog::USER_NAME_FORMAT.code
            ]
        );
        assert_eq!(
            Share::mini_program("gh_xxxxxxxxxxxx", "https://example.com/")
                .to_chat()
                .build(),
            Ok(msg)
        );
    }
}
