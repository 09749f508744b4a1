// The formal name an organisation is filed under: a party committee's working body gets its 中共 prefix
// (covers often drop it); every other name stays as printed.
import { describe, expect, it } from 'vitest';
import { formalOrganisationName } from '../main/model/organisation.js';

describe('formalOrganisationName', () => {
  it('adds 中共 to a body of a province, city, district or county party committee', () => {
    expect(formalOrganisationName('江苏省委办公厅')).toBe('中共江苏省委办公厅');
    expect(formalOrganisationName('上海市普陀区委宣传部')).toBe('中共上海市普陀区委宣传部');
    expect(formalOrganisationName('南京市委党校')).toBe('中共南京市委党校');
    expect(formalOrganisationName('中共江苏省委办公厅')).toBe('中共江苏省委办公厅');
  });

  it('leaves government bodies, commissions and other parties’ or the League’s committees alone', () => {
    for (const name of [
      '上海市普陀区财政局',
      '江苏省人大常委会办公厅',
      '上海市发展和改革委员会',
      '上海市卫生健康委员会',
      '共青团江苏省委',
      '民盟江苏省委',
      '政协上海市普陀区委员会',
      '江苏省委员会',
      '上海市普陀区人民政府万里街道办事处',
      '',
    ]) {
      expect(formalOrganisationName(name)).toBe(name);
    }
  });
});
