/** App-wide strings: title, data loading, sample notice, institution types. */
export const zh = {
  app: {
    title: '张家港托育地图',
  },
  data: {
    loading: '正在加载数据…',
    loadFailed: '数据加载失败：{reason}',
    loadFailedPlain: '机构数据没有加载成功。请检查网络连接，然后重试。',
    offline: '离线 · 数据日期 {date}',
    sampleShort: '示例数据，非真实登记信息',
    details: '详情',
    sampleNotice: '示例数据：机构信息为演示用途生成，并非真实登记信息。',
    approximateZones: '镇（区）范围为近似划分，仅供参考。',
    updatedAt: '数据更新于 {date}',
  },
  format: {
    listSeparator: '、',
    gradeUnrated: '未评估',
  },
  type: {
    center: '综合服务中心',
    community: '社区托育点',
    kindergarten: '幼儿园托班',
    employer: '用人单位托育点',
    private: '社会办托育机构',
  },
}

export const en: typeof zh = {
  app: {
    title: 'Zhangjiagang Childcare Map',
  },
  data: {
    loading: 'Loading data…',
    loadFailed: 'Could not load the data: {reason}',
    loadFailedPlain: 'The institution data did not load. Check your connection, then try again.',
    offline: 'Offline · data of {date}',
    sampleShort: 'Sample data, not the real registry',
    details: 'Details',
    sampleNotice: 'Sample data: institutions are generated for demonstration and are not the real registry.',
    approximateZones: 'Town areas are approximate and for reference only.',
    updatedAt: 'Data updated {date}',
  },
  format: {
    listSeparator: ', ',
    gradeUnrated: 'Not yet rated',
  },
  type: {
    center: 'Childcare service center',
    community: 'Community childcare point',
    kindergarten: 'Kindergarten nursery class',
    employer: 'Employer childcare',
    private: 'Private childcare',
  },
}
