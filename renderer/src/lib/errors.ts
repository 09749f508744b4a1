// Errors from the bridge carry { code, zh, en }; the screens show the Chinese reason.

export interface ShownError {
  code: string;
  zh: string;
  en: string;
}

export function toShownError(err: unknown): ShownError {
  const e = err as Partial<ShownError> & { message?: string };
  if (e && typeof e.zh === 'string') return { code: e.code ?? 'internal', zh: e.zh, en: e.en ?? '' };
  const msg = e?.message ?? String(err);
  return { code: 'internal', zh: /fetch|network/i.test(msg) ? '无法连接工作台服务' : '操作失败', en: msg };
}

export function errorText(err: unknown): string {
  const e = toShownError(err);
  return e.en ? `${e.zh}（${e.en}）` : e.zh;
}
