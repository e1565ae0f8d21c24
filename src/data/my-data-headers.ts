/** The population table's columns: what the import recognises and the template writes. */
export type PopulationColumn = 'code' | 'name' | 'under3' | 'population'
/** Header names per column (compared without spaces, units in brackets or case); the template writes the first. */
export const POPULATION_HEADERS: Record<PopulationColumn, readonly string[]> = {
  code: ['村居代码', '代码', '编码', '统计用区划代码', 'code', 'id'],
  name: ['村居名称', '名称', '村居', '村/社区', '社区', 'name'],
  under3: ['3岁以下婴幼儿数', '3岁以下', '三岁以下婴幼儿数', 'under3'],
  population: ['常住人口', '人口', 'population'],
}
