/** Strings of the map and its controls. */
export const zh = {
  map: {
    label: '张家港托育机构地图',
    legend: '图例',
    noWebgl: '此设备无法显示地图（不支持 WebGL）。',
  },
}

export const en: typeof zh = {
  map: {
    label: 'Map of childcare institutions in Zhangjiagang',
    legend: 'Legend',
    noWebgl: 'This device cannot show the map (no WebGL).',
  },
}
