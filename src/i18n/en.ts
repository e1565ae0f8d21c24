import type zhCN from './zh-CN'

const en: typeof zhCN = {
  app: {
    title: 'Zhangjiagang Childcare Map',
  },
  data: {
    loading: 'Loading data…',
    loadFailed: 'Could not load the data: {reason}',
    sampleNotice: 'Sample data: institutions are generated for demonstration and are not the real registry.',
    approximateZones: 'Town areas are approximate and for reference only.',
    updatedAt: 'Data updated {date}',
  },
  type: {
    center: 'Childcare service centre',
    community: 'Community childcare point',
    kindergarten: 'Kindergarten nursery class',
    employer: 'Employer childcare',
    private: 'Private childcare',
  },
  map: {
    label: 'Map of childcare institutions in Zhangjiagang',
    legend: 'Legend',
    noWebgl: 'This device cannot show the map (no WebGL).',
  },
}
export default en
