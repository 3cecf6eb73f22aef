//! The builders of in-app shares, into WPS协作's own chats: [`InAppTextShare`],
//! [`InAppMarkdownShare`] and [`InAppWebPageShare`]. They have no channel, so each can be built
//! at once.

use super::{checked, checked_with_report, setters};
use crate::{InAppShare, InAppText, InAppWebPage, Report};

// `build()` and `build_with_report()` are written out, as on the external builders: each body is
// already one call to `checked`, and a generated signature would send an error about a call of
// them into the macro's insides.

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
///
/// [`Share::in_app_text`]: super::Share::in_app_text
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until `.build()`"]
pub struct InAppTextShare {
    pub(super) content: InAppText,
    pub(super) show_ai_agent_entrance: Option<bool>,
}

impl InAppTextShare {
    setters! {
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
        pub fn show_ai_agent_entrance(self, show: bool) -> Self => show_ai_agent_entrance;
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
    /// (its whole [`Validate::report`](crate::Validate::report), which has no error).
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
///
/// [`Share::in_app_markdown`]: super::Share::in_app_markdown
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until `.build()`"]
pub struct InAppMarkdownShare {
    pub(super) content: InAppText,
    pub(super) show_ai_agent_entrance: Option<bool>,
}

impl InAppMarkdownShare {
    setters! {
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
        pub fn show_ai_agent_entrance(self, show: bool) -> Self => show_ai_agent_entrance;
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
    /// (its whole [`Validate::report`](crate::Validate::report), which has no error).
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
///
/// [`Share::in_app_web_page`]: super::Share::in_app_web_page
#[derive(Clone, Debug)]
#[must_use = "a builder does nothing until `.build()`"]
pub struct InAppWebPageShare {
    pub(super) content: InAppWebPage,
    pub(super) show_ai_agent_entrance: Option<bool>,
}

impl InAppWebPageShare {
    setters! {
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
        pub fn image(self, url: impl Into<String>) -> Self => content.image;

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
        pub fn text(self, text: impl Into<String>) -> Self => content.text;

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
        pub fn show_ai_agent_entrance(self, show: bool) -> Self => show_ai_agent_entrance;
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
    /// (its whole [`Validate::report`](crate::Validate::report), which has no error).
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
