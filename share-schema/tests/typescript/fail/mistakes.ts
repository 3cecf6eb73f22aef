// Each line marked below is refused by tsc: what the types of share-message.d.ts express.
import type { ShareMessage } from "@share-toolkit/share-message";

const sdk = window.ksoxz_sdk;

// A mini program shared to Moments (SM301).
// @ts-expect-error
sdk.shareMessage({ params: { type: "miniProgram", channelType: ["wx", "wx_moments"], channelObject: { webpageUrl: "https://e.com", userName: "gh_0123456789ab" } } });

// An empty channelType (SM302).
// @ts-expect-error
sdk.shareMessage({ params: { type: "text", channelType: [], channelObject: { text: "hi" } } });

// A channelObject of another kind: a web page's fields on a text share.
// @ts-expect-error
sdk.shareMessage({ params: { type: "text", channelType: ["wx"], channelObject: { webpageUrl: "https://e.com" } } });

// An unknown key (a typo of `title`).
// @ts-expect-error
sdk.shareMessage({ params: { type: "webPage", channelType: ["wx"], channelObject: { webpageUrl: "https://e.com", titel: "t" } } });

// A missing key: a web page without its URL.
// @ts-expect-error
sdk.shareMessage({ params: { type: "webPage", channelType: ["wx"], channelObject: { title: "t" } } });

// `content` beside `channelType` (SM105).
// @ts-expect-error
sdk.shareMessage({ params: { type: "text", channelType: ["wx"], channelObject: { text: "a" }, content: { text: "b" } } });

// A mini program with the in-app share (SM107).
// @ts-expect-error
sdk.shareMessage({ params: { type: "miniProgram", content: { text: "hi" } } });

// A type the SDK does not have (SM104).
// @ts-expect-error
sdk.shareMessage({ params: { type: "image", channelType: ["wx"], channelObject: { text: "hi" } } });

// A channel that does not exist.
// @ts-expect-error
sdk.shareMessage({ params: { type: "text", channelType: ["weibo"], channelObject: { text: "hi" } } });

// The vendor's sample code without `satisfies ShareMessage`: `type` widens to `string`.
const params = { type: "webPage", content: { title: "t", url: "https://www.kingsoft.com/" } };
// @ts-expect-error
sdk.shareMessage({ params });

// `params` is required, and `onError` receives {errno, msg}.
// @ts-expect-error
sdk.shareMessage({ onSuccess: () => {} });
// @ts-expect-error
sdk.shareMessage({ params: { type: "text", content: { text: "hi" } }, onError: (err: { code: number }) => err });

const typed: ShareMessage = { type: "text", content: { text: "hi" } };
void typed;
