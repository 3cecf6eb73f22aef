// No import here: the global `window.ksoxz_sdk` comes with the declarations, which another file
// of the program imports.
window.ksoxz_sdk.shareMessage({
  params: { type: "text", channelType: ["wx"], channelObject: { text: "你好" } },
  onSuccess: () => undefined,
});
ksoxz_sdk.shareMessage({ params: { type: "text", content: { text: "你好" } } });
export {};
