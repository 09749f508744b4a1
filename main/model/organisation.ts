// Names of organisations. A party committee's working body (省委办公厅, 市委宣传部, 区委组织部 …) is formally
// 中共…: its tables' 编制单位 print it so, while a cover or a narrative often drops the prefix. A name known only
// from a cover is given its formal form; two printings compare without the prefix (api/joining.ts).

/** The party prefix an organisation's name is printed with or without (中共江苏省委办公厅 / 江苏省委办公厅). */
export const PARTY_PREFIX = /^(中国共产党|中共)/;

/** A body of a party committee of a province, city, prefecture, county or district: …省委…, …市委…, …区委…
 *  (not 委员会 itself, e.g. 政协…委员会, and not a 人民政府's commissions, which read …市发展和改革委员会); not
 *  the committees of the Youth League, the other parties or the CPPCC (共青团江苏省委, 民盟江苏省委). */
const PARTY_BODY =
  /^(?!共青团|团|民革|民盟|民建|民进|农工|致公|九三|台盟|政协|中国)[\u4e00-\u9fa5]{1,10}?(省|市|自治区|自治州|州|盟|地区|县|区|旗)委(?!员)[\u4e00-\u9fa5]/;

/** The formal name: a party committee's body gets its 中共 prefix; any other name is returned as printed. */
export function formalOrganisationName(name: string): string {
  const n = name.trim();
  return !PARTY_PREFIX.test(n) && PARTY_BODY.test(n) ? `中共${n}` : n;
}
