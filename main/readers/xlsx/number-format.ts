// A number cell's displayed text under its Excel number format — what the auditor sees in the sheet
// ("110" with format 0.00 shows "110.00"). Covers the formats budget systems use: General, fixed
// decimals, thousands separators, percent, literal prefixes/suffixes, sections for negatives and zero.

/** Excel's General: up to 11 significant digits, no float noise. */
export function formatGeneral(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (Number.isInteger(v) && Math.abs(v) < 1e15) return String(v);
  return String(Number(v.toPrecision(11)));
}

function splitSections(fmt: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < fmt.length; i++) {
    const c = fmt[i]!;
    if (c === '\\' && !quoted && i + 1 < fmt.length) {
      cur += c + fmt[++i];
      continue;
    }
    if (c === '"') quoted = !quoted;
    if (c === ';' && !quoted) {
      out.push(cur);
      cur = '';
    } else cur += c;
  }
  out.push(cur);
  return out;
}

interface Token {
  kind: 'digit' | 'dot' | 'comma' | 'percent' | 'literal' | 'date';
  text: string;
}

function tokenize(section: string): Token[] {
  const out: Token[] = [];
  for (let i = 0; i < section.length; i++) {
    const c = section[i]!;
    if (c === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      out.push({ kind: 'literal', text: section.slice(i + 1, stop) });
      i = stop;
    } else if (c === '\\') out.push({ kind: 'literal', text: section[++i] ?? '' });
    else if (c === '_' || c === '*') i++; // padding / fill: no visible text of its own
    else if (c === '[') {
      const end = section.indexOf(']', i);
      i = end < 0 ? section.length : end; // colours, conditions, locale
    } else if (c === '#' || c === '0' || c === '?') out.push({ kind: 'digit', text: c });
    else if (c === '.') out.push({ kind: 'dot', text: c });
    else if (c === ',') out.push({ kind: 'comma', text: c });
    else if (c === '%') out.push({ kind: 'percent', text: c });
    else if (/[yYmMdDhHsS]/.test(c)) out.push({ kind: 'date', text: c });
    else if (c === '@') out.push({ kind: 'literal', text: '' });
    else out.push({ kind: 'literal', text: c });
  }
  return out;
}

function formatDate(serial: number): string {
  // Excel serial (1900 system) → ISO date; enough for the odd date printed in a budget sheet.
  const d = new Date(Math.round((serial - 25569) * 86400 * 1000));
  return Number.isNaN(d.getTime()) ? formatGeneral(serial) : d.toISOString().slice(0, 10);
}

function formatSection(abs: number, tokens: Token[]): string {
  const digitIdx = tokens.map((t, i) => (t.kind === 'digit' ? i : -1)).filter((i) => i >= 0);
  if (!digitIdx.length) return tokens.map((t) => (t.kind === 'percent' ? '%' : t.text)).join('');
  const first = digitIdx[0]!;
  const last = digitIdx[digitIdx.length - 1]!;
  const core = tokens.slice(first, last + 1);
  const dotAt = core.findIndex((t) => t.kind === 'dot');
  const intTokens = dotAt < 0 ? core : core.slice(0, dotAt);
  const fracTokens = dotAt < 0 ? [] : core.slice(dotAt + 1).filter((t) => t.kind === 'digit');
  // Commas right after the last digit scale by thousands; a comma among integer digits groups them.
  let scale = 0;
  for (let k = last + 1; k < tokens.length && tokens[k]!.kind === 'comma'; k++) scale++;
  const grouping = intTokens.some((t) => t.kind === 'comma');
  const percent = tokens.some((t) => t.kind === 'percent');
  const x = (abs * (percent ? 100 : 1)) / 1000 ** scale;
  const decimals = fracTokens.length;
  const minDecimals = fracTokens.filter((t) => t.text === '0').length;
  let [ip, fp = ''] = x.toFixed(decimals).split('.') as [string, string?];
  while (fp.length > minDecimals && fp.endsWith('0')) fp = fp.slice(0, -1);
  const minInt = intTokens.filter((t) => t.text === '0').length;
  if (ip === '0' && minInt === 0) ip = '';
  ip = ip.padStart(minInt, '0');
  if (grouping) ip = ip.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = dotAt >= 0 && (fp.length || decimals === 0) ? `${ip}.${fp}` : ip;
  const text = (ts: Token[]) => ts.filter((t) => t.kind === 'literal' || t.kind === 'percent').map((t) => (t.kind === 'percent' ? '%' : t.text)).join('');
  return text(tokens.slice(0, first)) + (body === '' ? '0' : body).replace(/\.$/, '') + text(tokens.slice(last + 1));
}

/** Displayed text of number `v` under Excel format `fmt` (undefined/General → General). */
export function formatNumber(v: number, fmt: string | undefined): string {
  const f = (fmt ?? '').trim();
  if (!f || /^General$/i.test(f) || f === '@') return formatGeneral(v);
  const sections = splitSections(f);
  let section = sections[0]!;
  let sign = v < 0 ? '-' : '';
  if (v < 0 && sections.length >= 2) {
    section = sections[1]!;
    sign = ''; // the negative section prints its own sign or brackets
  } else if (v === 0 && sections.length >= 3) {
    section = sections[2]!;
  }
  if (/General/i.test(section)) return sign + formatGeneral(Math.abs(v));
  const tokens = tokenize(section);
  if (tokens.some((t) => t.kind === 'date') && !tokens.some((t) => t.kind === 'digit')) return formatDate(v);
  const out = formatSection(Math.abs(v), tokens);
  return /\d/.test(out) ? sign + out : out;
}
