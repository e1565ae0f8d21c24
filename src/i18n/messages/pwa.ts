/** Strings of the offline/update status: new version prompt, data updates, fallback data. */
export const zh = {
  pwa: {
    updateAvailable: '有新版本',
    updateHint: '刷新后使用新版本。',
    reload: '刷新',
    dismiss: '稍后',
    offlineReady: '已可离线使用',
    dataUpdated: '数据已更新（{date}）',
    dataFallback: '最新数据未能完整加载，正在显示上次的有效数据（{date}）。',
    close: '关闭',
  },
}

export const en: typeof zh = {
  pwa: {
    updateAvailable: 'New version available',
    updateHint: 'Reload to use it.',
    reload: 'Reload',
    dismiss: 'Later',
    offlineReady: 'Ready to work offline',
    dataUpdated: 'Data updated ({date})',
    dataFallback: 'The latest data could not be loaded completely; showing the last good data ({date}).',
    close: 'Close',
  },
}
