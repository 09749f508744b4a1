// The screen lives in the URL hash (#/, #/s/12/t6, #/cmp/11/12), so a reload comes back to the same place.
import { useEffect, useState } from 'react';

export type Route = { screen: 'archive' } | { screen: 'review'; id: number; tab: string | null } | { screen: 'compare'; id: number; otherId: number };

export function parseRoute(hash: string): Route {
  const m = /^#\/s\/(\d+)(?:\/([\w:-]+))?/.exec(hash);
  if (m) return { screen: 'review', id: Number(m[1]), tab: m[2] ?? null };
  const c = /^#\/cmp\/(\d+)\/(\d+)/.exec(hash);
  if (c) return { screen: 'compare', id: Number(c[1]), otherId: Number(c[2]) };
  return { screen: 'archive' };
}

export function routeHash(r: Route): string {
  if (r.screen === 'review') return `#/s/${r.id}${r.tab ? `/${r.tab}` : ''}`;
  if (r.screen === 'compare') return `#/cmp/${r.id}/${r.otherId}`;
  return '#/';
}

export function navigate(r: Route, replace = false): void {
  const hash = routeHash(r);
  if (location.hash === hash) return;
  if (replace) history.replaceState(null, '', hash);
  else history.pushState(null, '', hash);
  window.dispatchEvent(new HashChangeEvent('hashchange'));
}

export function useRoute(): Route {
  const [route, setRoute] = useState(() => parseRoute(location.hash));
  useEffect(() => {
    const on = () => setRoute(parseRoute(location.hash));
    window.addEventListener('hashchange', on);
    window.addEventListener('popstate', on);
    return () => {
      window.removeEventListener('hashchange', on);
      window.removeEventListener('popstate', on);
    };
  }, []);
  return route;
}
