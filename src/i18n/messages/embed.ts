/** Embed mode: what the user sees when the host app takes over navigation or calling. */
export const zh = {
  embed: {
    navigateSent: '已请所在应用打开导航：{name}',
    callSent: '已请所在应用拨打：{phone}',
  },
}

export const en: typeof zh = {
  embed: {
    navigateSent: 'Asked the host app to open navigation: {name}',
    callSent: 'Asked the host app to call {phone}',
  },
}
