// The core's vocabulary (severities, decisions, rules, categories, review states, table names), fetched once
// at start: the screen prints exactly the words the exported workbook and the 审核意见书 print.
import { createContext, useContext, type ReactNode } from 'react';
import type { ApiOutput } from '../../../main/api/types';
import { api } from '../bridge';

export type Words = ApiOutput<'vocabulary.get'>;

const WordsContext = createContext<Words | null>(null);

export const loadWords = (): Promise<Words> => api('vocabulary.get', undefined);

export function WordsProvider({ words, children }: { words: Words; children: ReactNode }) {
  return <WordsContext.Provider value={words}>{children}</WordsContext.Provider>;
}

export function useWords(): Words {
  const w = useContext(WordsContext);
  if (!w) throw new Error('vocabulary not loaded');
  return w;
}
