/**
 * Strings of near me's extras that the first screen never shows: the 村/社区 search, the detail sheet's distance
 * and class table, the system-map link. Merged into vue-i18n by the lazy components that use them (mergeNearbyMessages).
 */
export const zh = {
  nearbyMore: {
    pickCommunity: '或搜索村/社区',
    pickCommunityHint: '可输入拼音或首字母',
    noCommunity: '没有找到该村/社区',
    useCommunity: '以 {name} 为我的位置',
    distance: '距离',
    byClass: '分班型托位',
    className: '班型',
    classCapacity: '托位',
    classEnrolled: '在托',
    classFree: '空余',
    geo: '系统地图',
    infantAges: '6–12 个月',
    toddlerAges: '12–24 个月',
    olderAges: '24–36 个月',
  },
}

export const en: typeof zh = {
  nearbyMore: {
    pickCommunity: 'Or search a village or community',
    pickCommunityHint: 'Pinyin and initials work too',
    noCommunity: 'No village or community by that name',
    useCommunity: 'Use {name} as my place',
    distance: 'Distance',
    byClass: 'Places by class',
    className: 'Class',
    classCapacity: 'Places',
    classEnrolled: 'Children',
    classFree: 'Free',
    geo: 'System maps',
    infantAges: '6–12 months',
    toddlerAges: '12–24 months',
    olderAges: '24–36 months',
  },
}
