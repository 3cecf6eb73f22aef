//! The builders of external shares, to WeChat: [`TextShare`], [`WebPageShare`] and
//! [`MiniProgramShare`]. Each starts with no channel and can be built once it has one.

use super::{checked, checked_with_report, setters, AtLeastOneChannel, Channels, Destinations};
use crate::{Channel, ExternalShare, MiniProgram, Report, Text, WebPage};
use std::marker::PhantomData;

// `build()` and `build_with_report()` are written out on each builder, not generated: their
// `C: AtLeastOneChannel` bound is what the "no channel yet" error shows, and from a macro that
// note would quote the macro's insides and its whole invocation instead.

/// The channel methods of [`TextShare`] and [`WebPageShare`], written once. Each entry is the
/// method's signature, `=>`, and the [`Destinations`] flag it sets; the method moves the builder
/// into the [`Channels`] typestate, where it can be built.
macro_rules! channels {
    ($(
        $(#[$doc:meta])*
        pub fn $name:ident(self) -> $builder:ident<Channels> => $flag:ident;
    )+) => {$(
        $(#[$doc])*
        pub fn $name(self) -> $builder<Channels> {
            $builder {
                channel_object: self.channel_object,
                to: Destinations {
                    $flag: true,
                    ..self.to
                },
                show_ai_agent_entrance: self.show_ai_agent_entrance,
                state: PhantomData,
            }
        }
    )+};
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
///
/// [`Share::text`]: super::Share::text
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until `.build()`"]
pub struct TextShare<C> {
    pub(super) channel_object: Text,
    pub(super) to: Destinations,
    pub(super) show_ai_agent_entrance: Option<bool>,
    pub(super) state: PhantomData<C>,
}

impl<C> TextShare<C> {
    setters! {
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
        pub fn show_ai_agent_entrance(self, show: bool) -> Self => show_ai_agent_entrance;
    }

    channels! {
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
        pub fn to_chat(self) -> TextShare<Channels> => chat;

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
        pub fn to_moments(self) -> TextShare<Channels> => moments;
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
    /// (its whole [`Validate::report`](crate::Validate::report), which has no error).
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
///
/// [`Share::web_page`]: super::Share::web_page
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until `.build()`"]
pub struct WebPageShare<C> {
    pub(super) channel_object: WebPage,
    pub(super) to: Destinations,
    pub(super) show_ai_agent_entrance: Option<bool>,
    pub(super) state: PhantomData<C>,
}

impl<C> WebPageShare<C> {
    setters! {
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
        pub fn title(self, title: impl Into<String>) -> Self => channel_object.title;

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
        pub fn description(self, description: impl Into<String>) -> Self
            => channel_object.description;

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
        pub fn thumb_image(self, base64: impl Into<String>) -> Self => channel_object.thumb_image;

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
        pub fn show_ai_agent_entrance(self, show: bool) -> Self => show_ai_agent_entrance;
    }

    channels! {
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
        pub fn to_chat(self) -> WebPageShare<Channels> => chat;

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
        pub fn to_moments(self) -> WebPageShare<Channels> => moments;
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
    /// (its whole [`Validate::report`](crate::Validate::report), which has no error).
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
///
/// [`Share::mini_program`]: super::Share::mini_program
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until `.build()`"]
pub struct MiniProgramShare<C> {
    pub(super) channel_object: MiniProgram,
    pub(super) show_ai_agent_entrance: Option<bool>,
    pub(super) state: PhantomData<C>,
}

impl<C> MiniProgramShare<C> {
    setters! {
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
        pub fn title(self, title: impl Into<String>) -> Self => channel_object.title;

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
        pub fn description(self, description: impl Into<String>) -> Self
            => channel_object.description;

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
        pub fn thumb_image(self, base64: impl Into<String>) -> Self => channel_object.thumb_image;

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
        pub fn path(self, path: impl Into<String>) -> Self => channel_object.path;

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
        pub fn with_share_ticket(self, with_share_ticket: bool) -> Self
            => channel_object.with_share_ticket;

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
        pub fn show_ai_agent_entrance(self, show: bool) -> Self => show_ai_agent_entrance;
    }

    // Not `channels!`: a mini program has one channel, so it keeps no `Destinations`.
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
    /// (its whole [`Validate::report`](crate::Validate::report), which has no error).
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
