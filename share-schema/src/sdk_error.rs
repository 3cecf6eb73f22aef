//! The errors `ksoxz_sdk.shareMessage` reports: the SDK calls `onError({errno, msg})`, and
//! [`SdkError`] reads that object (errno as a number or a numeric string) and says what it means.
//!
//! ```
//! use share_schema::{SdkError, SdkErrorKind};
//!
//! let err = SdkError::from_json(r#"{"errno": 1900000, "msg": "not installed"}"#).unwrap();
//! assert_eq!(err.kind(), SdkErrorKind::WechatNotInstalled);
//! assert_eq!(err.to_string(), "1900000 WeChat not installed: not installed");
//! assert!(!err.kind().is_retryable());
//! ```

use serde::{Deserialize, Deserializer, Serialize};
use std::fmt;

/// What an SDK error number means. Numbers the vendor has not documented are
/// [`Unknown`](SdkErrorKind::Unknown).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum SdkErrorKind {
    /// `1041001`: the user canceled the share.
    UserCanceled,
    /// `1900000`: WeChat is not installed on the device.
    WechatNotInstalled,
    /// `1900100`: sharing to WeChat failed.
    WechatShareFailed,
    /// `1001101`: the app ID does not exist (configuration).
    AppIdNotExist,
    /// `1001102`: the app is not enabled (configuration).
    AppNotEnabled,
    /// `1401003`: the signature is wrong (configuration).
    SignatureError,
    /// `1401004`: the auth ticket has expired; fetch a new one and retry.
    AuthTicketExpired,
    /// Any other number.
    Unknown,
}

/// Every documented kind with its number (the TypeScript declarations list them too).
pub const KNOWN: [(SdkErrorKind, i64); 7] = [
    (SdkErrorKind::UserCanceled, 1_041_001),
    (SdkErrorKind::WechatNotInstalled, 1_900_000),
    (SdkErrorKind::WechatShareFailed, 1_900_100),
    (SdkErrorKind::AppIdNotExist, 1_001_101),
    (SdkErrorKind::AppNotEnabled, 1_001_102),
    (SdkErrorKind::SignatureError, 1_401_003),
    (SdkErrorKind::AuthTicketExpired, 1_401_004),
];

impl SdkErrorKind {
    /// The kind of an error number.
    pub fn from_errno(errno: i64) -> Self {
        KNOWN
            .iter()
            .find(|&&(_, n)| n == errno)
            .map_or(SdkErrorKind::Unknown, |&(kind, _)| kind)
    }

    /// The error number of this kind; `None` for [`Unknown`](SdkErrorKind::Unknown).
    pub fn errno(self) -> Option<i64> {
        KNOWN.iter().find(|&&(k, _)| k == self).map(|&(_, n)| n)
    }

    /// What it means, in English and in the vendor's Chinese: "User canceled (用户取消操作)".
    pub fn description(self) -> &'static str {
        // The first three are the vendor's words from the shareMessage page; the configuration
        // errors come from the vendor's auth page in English only, so their Chinese is ours.
        match self {
            SdkErrorKind::UserCanceled => "User canceled (用户取消操作)",
            SdkErrorKind::WechatNotInstalled => "WeChat not installed (设备未安装微信)",
            SdkErrorKind::WechatShareFailed => "WeChat sharing failed (分享到微信失败)",
            SdkErrorKind::AppIdNotExist => "App ID not exist (应用 ID 不存在)",
            SdkErrorKind::AppNotEnabled => "App not enabled (应用未启用)",
            SdkErrorKind::SignatureError => "Signature error (签名错误)",
            SdkErrorKind::AuthTicketExpired => "Auth ticket expired (鉴权票据已过期)",
            SdkErrorKind::Unknown => "Unknown error (未知错误)",
        }
    }

    /// The English part of [`description`](Self::description).
    fn name(self) -> &'static str {
        let d = self.description();
        d.find(" (").map_or(d, |i| &d[..i])
    }

    /// Whether trying again can succeed: after refreshing an expired ticket, or after a failed
    /// hand-off to WeChat.
    pub fn is_retryable(self) -> bool {
        matches!(
            self,
            SdkErrorKind::AuthTicketExpired | SdkErrorKind::WechatShareFailed
        )
    }

    /// Whether the user chose this outcome (canceled), so it is no failure to report.
    pub fn is_user_action(self) -> bool {
        self == SdkErrorKind::UserCanceled
    }
}

/// The object the SDK passes to `onError`: `{"errno": 1041001, "msg": "..."}`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct SdkError {
    /// The error number; undocumented numbers are kept as they are.
    #[serde(deserialize_with = "errno_number_or_string")]
    pub errno: i64,
    /// The SDK's message; empty when absent or null.
    #[serde(default, deserialize_with = "msg_or_null")]
    pub msg: String,
}

impl SdkError {
    /// What [`errno`](Self::errno) means.
    pub fn kind(&self) -> SdkErrorKind {
        SdkErrorKind::from_errno(self.errno)
    }

    /// Reads the JSON of an `onError` argument.
    pub fn from_json(json: &str) -> Result<SdkError, serde_json::Error> {
        serde_json::from_str(json)
    }
}

impl fmt::Display for SdkError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.errno, self.kind().name())?;
        if !self.msg.is_empty() {
            write!(f, ": {}", self.msg)?;
        }
        Ok(())
    }
}

impl std::error::Error for SdkError {}

/// An errno as a JSON integer, a whole float (`1041001.0`, as JavaScript may produce) or a
/// string of digits (`"1041001"`, as some bridges send it).
fn errno_number_or_string<'de, D: Deserializer<'de>>(d: D) -> Result<i64, D::Error> {
    struct Errno;

    impl serde::de::Visitor<'_> for Errno {
        type Value = i64;

        fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            f.write_str("an error number (an integer or a string of digits)")
        }

        fn visit_i64<E: serde::de::Error>(self, v: i64) -> Result<i64, E> {
            Ok(v)
        }

        fn visit_u64<E: serde::de::Error>(self, v: u64) -> Result<i64, E> {
            i64::try_from(v).map_err(|_| E::custom(format!("errno {v} is out of range")))
        }

        fn visit_f64<E: serde::de::Error>(self, v: f64) -> Result<i64, E> {
            // [-2^63, 2^63) is the i64 range; `as` would saturate silently beyond it.
            const I64_RANGE: std::ops::Range<f64> =
                -9_223_372_036_854_775_808.0..9_223_372_036_854_775_808.0;
            if v.fract() == 0.0 && I64_RANGE.contains(&v) {
                Ok(v as i64)
            } else {
                Err(E::custom(format!("errno {v} is not an integer")))
            }
        }

        fn visit_str<E: serde::de::Error>(self, v: &str) -> Result<i64, E> {
            v.trim()
                .parse()
                .map_err(|_| E::custom(format!("errno {v:?} is not a number")))
        }
    }

    d.deserialize_any(Errno)
}

/// A message string, with null read as empty.
fn msg_or_null<'de, D: Deserializer<'de>>(d: D) -> Result<String, D::Error> {
    Ok(Option::<String>::deserialize(d)?.unwrap_or_default())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_documented_errno() {
        let cases = [
            (
                1_041_001,
                SdkErrorKind::UserCanceled,
                "User canceled (用户取消操作)",
            ),
            (
                1_900_000,
                SdkErrorKind::WechatNotInstalled,
                "WeChat not installed (设备未安装微信)",
            ),
            (
                1_900_100,
                SdkErrorKind::WechatShareFailed,
                "WeChat sharing failed (分享到微信失败)",
            ),
            (
                1_001_101,
                SdkErrorKind::AppIdNotExist,
                "App ID not exist (应用 ID 不存在)",
            ),
            (
                1_001_102,
                SdkErrorKind::AppNotEnabled,
                "App not enabled (应用未启用)",
            ),
            (
                1_401_003,
                SdkErrorKind::SignatureError,
                "Signature error (签名错误)",
            ),
            (
                1_401_004,
                SdkErrorKind::AuthTicketExpired,
                "Auth ticket expired (鉴权票据已过期)",
            ),
        ];
        for (errno, kind, description) in cases {
            assert_eq!(SdkErrorKind::from_errno(errno), kind);
            assert_eq!(kind.errno(), Some(errno));
            assert_eq!(kind.description(), description);
            let err = SdkError::from_json(&format!(r#"{{"errno": {errno}, "msg": "m"}}"#)).unwrap();
            assert_eq!(err.kind(), kind);
            assert_eq!(err.msg, "m");
        }
        assert_eq!(SdkErrorKind::Unknown.errno(), None);
    }

    #[test]
    fn retryable_and_user_action() {
        use SdkErrorKind::*;
        let retryable: Vec<_> = [
            UserCanceled,
            WechatNotInstalled,
            WechatShareFailed,
            AppIdNotExist,
            AppNotEnabled,
            SignatureError,
            AuthTicketExpired,
            Unknown,
        ]
        .into_iter()
        .filter(|k| k.is_retryable())
        .collect();
        assert_eq!(retryable, [WechatShareFailed, AuthTicketExpired]);
        assert!(UserCanceled.is_user_action());
        assert!(!WechatShareFailed.is_user_action());
        assert!(!Unknown.is_user_action());
    }

    #[test]
    fn unknown_errno_is_kept() {
        let err = SdkError::from_json(r#"{"errno": 42, "msg": "boom"}"#).unwrap();
        assert_eq!(err.errno, 42);
        assert_eq!(err.kind(), SdkErrorKind::Unknown);
        assert_eq!(err.to_string(), "42 Unknown error: boom");
        let err = SdkError::from_json(r#"{"errno": -1}"#).unwrap();
        assert_eq!(err.errno, -1);
    }

    #[test]
    fn errno_as_string_or_float() {
        let err = SdkError::from_json(r#"{"errno": "1041001", "msg": "cancel"}"#).unwrap();
        assert_eq!(err.kind(), SdkErrorKind::UserCanceled);
        assert_eq!(err.to_string(), "1041001 User canceled: cancel");
        let err = SdkError::from_json(r#"{"errno": " 1900100 "}"#).unwrap();
        assert_eq!(err.kind(), SdkErrorKind::WechatShareFailed);
        let err = SdkError::from_json(r#"{"errno": 1900000.0}"#).unwrap();
        assert_eq!(err.kind(), SdkErrorKind::WechatNotInstalled);
    }

    #[test]
    fn missing_or_null_msg_is_empty() {
        let err = SdkError::from_json(r#"{"errno": 1900000}"#).unwrap();
        assert_eq!(err.msg, "");
        assert_eq!(err.to_string(), "1900000 WeChat not installed");
        let err = SdkError::from_json(r#"{"errno": 1900000, "msg": null, "extra": 1}"#).unwrap();
        assert_eq!(err.msg, "");
    }

    #[test]
    fn rejects_what_is_no_errno() {
        for bad in [
            r#"{"msg": "x"}"#,
            r#"{"errno": "abc"}"#,
            r#"{"errno": 1.5}"#,
            r#"{"errno": null}"#,
            r#"{"errno": true}"#,
            r#"{"errno": 18446744073709551615}"#,
            r#"{"errno": 1e300}"#,
            r#"{"errno": 1, "msg": 5}"#,
            "[]",
        ] {
            assert!(SdkError::from_json(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn serializes_back_to_the_sdk_shape() {
        let err = SdkError {
            errno: 1_041_001,
            msg: "取消".to_owned(),
        };
        let json = serde_json::to_string(&err).unwrap();
        assert_eq!(json, r#"{"errno":1041001,"msg":"取消"}"#);
        assert_eq!(SdkError::from_json(&json).unwrap(), err);
        let boxed: Box<dyn std::error::Error> = Box::new(err);
        assert_eq!(boxed.to_string(), "1041001 User canceled: 取消");
    }
}
