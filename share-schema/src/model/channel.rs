//! Where an external share goes: WeChat chats or WeChat Moments.

use crate::Validate;

/// One entry of `channelType`.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, Validate,
)]
#[share(typescript)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    /// `wx`: a WeChat chat (会话).
    Wx,
    /// `wx_moments`: WeChat Moments (朋友圈). Mini programs cannot be shared here.
    WxMoments,
}
