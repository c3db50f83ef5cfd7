import { Anchor, type AnchorProps } from '@mantine/core';
import { type MouseEvent, type ReactNode, useSyncExternalStore } from 'react';

// A tiny hash router: the app is served from a file or a custom protocol, where only the
// fragment can change without a reload, and a dozen static routes do not need a library.
// This module holds the primitives (no page imports, so components can use it without a
// cycle); router.tsx maps each pattern to its page.

export type Params = Record<string, string>;

/** Every route of the app. Order matters where two patterns match: '/bodies/new' before '/bodies/:id'. */
export const ROUTE_PATTERNS = [
  '/',
  '/bodies',
  '/bodies/new',
  '/bodies/:id',
  '/bodies/:id/edit',
  '/organisations',
  '/organisations/new',
  '/organisations/:id',
  '/organisations/:id/edit',
  '/people',
  '/people/new',
  '/people/:id',
  '/people/:id/edit',
  '/territories',
  '/territories/:id',
  '/calendar',
  '/regularity',
  '/meetings',
  '/meetings/new',
  '/meetings/:id',
  '/meetings/:id/edit',
  '/recommendations',
  '/recommendations/new',
  '/recommendations/:id',
  '/recommendations/:id/edit',
  '/roadmaps',
  '/roadmaps/:id',
  '/imports',
  '/imports/new',
  '/coverage',
  '/settings',
  '/settings/backups',
  '/about',
  '/trash',
  '/exports',
] as const;
export type RoutePattern = (typeof ROUTE_PATTERNS)[number];

/** The path part of the hash, always starting with '/', without a query string or trailing slash. */
export function currentPath(): string {
  let raw = window.location.hash.replace(/^#/, '').split('?')[0] ?? '';
  try {
    raw = decodeURI(raw);
  } catch {
    // A malformed escape is left as typed: the route simply will not match.
  }
  const path = raw.startsWith('/') ? raw : `/${raw}`;
  return path.length > 1 ? path.replace(/\/+$/, '') : path;
}

/** Matches a path against one pattern ('/bodies/:id/edit'); returns the parameters or null. */
export function matchPattern(pattern: string, path: string): Params | null {
  const want = pattern.split('/').filter(Boolean);
  const got = path.split('/').filter(Boolean);
  if (want.length !== got.length) return null;
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i] ?? '';
    const g = got[i] ?? '';
    if (w.startsWith(':')) {
      try {
        params[w.slice(1)] = decodeURIComponent(g);
      } catch {
        params[w.slice(1)] = g;
      }
    } else if (w !== g) return null;
  }
  return params;
}

/** The first route pattern matching the path, with its parameters. */
export function matchPath(path: string): { pattern: RoutePattern; params: Params } | null {
  for (const pattern of ROUTE_PATTERNS) {
    const params = matchPattern(pattern, path);
    if (params) return { pattern, params };
  }
  return null;
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener('hashchange', onChange);
  return () => window.removeEventListener('hashchange', onChange);
}

/** The current path ('/bodies/123') and, when it matches a route, its parameters ({ id: '123' }). */
export function useRoute(): { path: string; params: Record<string, string> } {
  const path = useSyncExternalStore(subscribe, currentPath, () => '/');
  return { path, params: matchPath(path)?.params ?? {} };
}

/** '#/bodies/123' for '/bodies/123'. */
export function hrefOf(to: string): string {
  return `#${to.startsWith('/') ? to : `/${to}`}`;
}

/** Goes to an app path ('/bodies/123'). */
export function navigate(to: string): void {
  const target = hrefOf(to);
  if (window.location.hash === target) return;
  window.location.hash = target;
}

export interface LinkProps extends AnchorProps {
  /** App path: '/bodies/123'. */
  to: string;
  children?: ReactNode;
  onClick?: (event: MouseEvent<HTMLAnchorElement>) => void;
  title?: string;
  'aria-label'?: string;
}

/** An in-app link: a real anchor (keyboard, middle-click and Playwright's getByRole('link') work). */
export function Link({ to, children, ...rest }: LinkProps) {
  return (
    <Anchor href={hrefOf(to)} {...rest}>
      {children}
    </Anchor>
  );
}
