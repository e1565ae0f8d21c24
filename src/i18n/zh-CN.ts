export default {
  app: {
    title: '张家港托育地图',
  },
  data: {
    loading: '正在加载数据…',
    loadFailed: '数据加载失败：{reason}',
    sampleNotice: '示例数据：机构信息为演示用途生成，并非真实登记信息。',
    approximateZones: '镇（区）范围为近似划分，仅供参考。',
    updatedAt: '数据更新于 {date}',
  },
  type: {
    center: '综合服务中心',
    community: '社区托育点',
    kindergarten: '幼儿园托班',
    employer: '用人单位托育点',
    private: '社会办托育机构',
  },
  map: {
    label: '张家港托育机构地图',
    legend: '图例',
    noWebgl: '此设备无法显示地图（不支持 WebGL）。',
  },
}
