// No import here either: the global declaration still checks the call.
// @ts-expect-error
window.ksoxz_sdk.shareMessage({ params: { type: "miniProgram", channelType: ["wx_moments"], channelObject: { webpageUrl: "https://e.com", userName: "gh_0123456789ab" } } });
export {};
