// What web apps write: `as const` arrays, the global without `window.`, optional chaining, a
// payload built apart and typed, files of payloads, any errno.
import type { PayloadFile, ShareMessage } from "@share-toolkit/share-message";

const channels = ["wx"] as const;
ksoxz_sdk.shareMessage({
  params: {
    type: "miniProgram",
    channelType: channels,
    channelObject: { webpageUrl: "https://example.com/m", userName: "gh_0123456789ab" },
  },
  onError: (err) => {
    const n: number = err.errno;
    console.warn(n, err.msg);
  },
});
window.ksoxz_sdk?.shareMessage({
  params: { type: "markdown", content: { text: "**周报**" }, showAIAgentEntrance: true },
});

const card: ShareMessage = {
  $schema: "./share-message.schema.json",
  type: "webPage",
  channelType: ["wx", "wx_moments"] as const,
  channelObject: { webpageUrl: "https://example.com/", title: "标题" },
};
const campaign: PayloadFile = [{ params: card }, { type: "text", content: { text: "你好" } }];
void campaign;
