// What some 功能分类 科目 are for by definition (政府收支分类科目 说明): the social-insurance and housing 科目 of a
// department's own staff, whose 主要用于 can only be that purpose. The words of each purpose, and the 科目 codes
// (prefixes) it belongs to; a purpose may belong to several 科目 (养老 to 离退休 and 养老保险缴费).

export interface Purpose {
  name: string;
  /** 功能分类 code prefixes of the 科目 for this purpose. */
  codes: string[];
  words: RegExp;
}

export const PURPOSES: Purpose[] = [
  { name: '医疗保险（行政事业单位医疗）', codes: ['21011'], words: /医疗|医保/ },
  { name: '住房公积金', codes: ['2210201'], words: /公积金/ },
  { name: '提租补贴', codes: ['2210202'], words: /提租|租金补贴/ },
  { name: '购房补贴', codes: ['2210203'], words: /购房|住房补贴/ },
  { name: '基本养老保险', codes: ['2080505', '2080599'], words: /养老/ },
  { name: '职业年金', codes: ['2080506', '2080599'], words: /年金/ },
  { name: '离退休', codes: ['2080501', '2080502', '2080599'], words: /离休|退休|养老/ },
];
