// The vendor page "shareMessage（第三方 app）": its sample code and its three external shapes.
import type { ShareError, ShareMessage } from "@share-toolkit/share-message";

// The sample code (an in-app web page card). `satisfies ShareMessage` keeps `type` the literal
// "webPage": a bare `const params = {...}` widens it to `string`, which no share accepts.
const params = {
  type: "webPage",
  content: {
    title: "金山软件欢迎你加入",
    url: "https://www.kingsoft.com/",
    text: "描述内容xxx",
    image:
      "https://bkimg.cdn.bcebos.com/pic/810a19d8bc3eb1352ac7091eac1ea8d3fd1f4416?x-bce-process=image/watermark,image_d2F0ZXIvYmFpa2UxMTY=,g_7,xp_5,yp_5/format,f_auto",
  },
} satisfies ShareMessage;
function onSuccess(): void {}
function onError(err: ShareError): void {
  if (err.errno === 1041001) return; // the user canceled
  console.warn(err.errno, err.msg);
}
window.ksoxz_sdk.shareMessage({ params, onSuccess, onError });

// Text, WebPage and MiniProgram, as the page shows them.
window.ksoxz_sdk.shareMessage({
  params: { type: "text", channelType: ["wx", "wx_moments"], channelObject: { text: "你好" } },
});
window.ksoxz_sdk.shareMessage({
  params: {
    type: "webPage",
    channelType: ["wx"],
    channelObject: {
      title: "小程序标题",
      description: "小程序描述",
      webpageUrl: "https://www.baidu.com",
      thumbImage: "iVBORw0KGgoAAAANSUhEUgAAAHkAAAB4CAYAAADWpl3s",
    },
  },
});
window.ksoxz_sdk.shareMessage({
  params: {
    type: "miniProgram",
    channelType: ["wx"],
    channelObject: {
      title: "小程序标题",
      description: "小程序描述",
      webpageUrl: "https://www.baidu.com",
      userName: "gh_0123456789ab",
      withShareTicket: true,
      thumbImage: "iVBORw0KGgoAAAANSUhEUgAAAHkAAAB4CAYAAADWpl3s",
      path: "pages/index/index",
    },
  },
});
