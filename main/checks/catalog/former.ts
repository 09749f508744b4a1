// 功能分类 类 names as they were before a revision of 政府收支分类科目 (the code stayed, the name changed):
// a document of a later year that prints the old name uses an outdated name, and a table that prints the
// old name beside another that prints the new one names the same 类.
export interface FormerName {
  code: string;
  name: string;
  /** The last budget year the name was official. */
  until: number;
}

export const FORMER_CATEGORY_NAMES: FormerName[] = [
  { code: '207', name: '文化体育与传媒支出', until: 2018 },
  { code: '210', name: '医疗卫生与计划生育支出', until: 2018 },
  { code: '210', name: '医疗卫生支出', until: 2013 },
  { code: '215', name: '资源勘探信息等支出', until: 2019 },
  { code: '215', name: '资源勘探电力信息等支出', until: 2015 },
  { code: '220', name: '国土海洋气象等支出', until: 2018 },
  { code: '222', name: '粮油物资储备管理等支出', until: 2014 },
];
