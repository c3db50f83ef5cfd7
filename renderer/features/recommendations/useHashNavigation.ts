import { useCallback, useEffect, useRef, useState } from 'react';

/**
 * A key that changes when the address is changed from outside the page. The router keys pages by
 * path only, so a link to the same page with another query ('/recommendations?bodyId=…' from a
 * body's tab while the register is open, or the menu entry) does not remount it: keying the
 * page's content on this does. The page reports each address it writes itself (its filters, with
 * history.replaceState) through `remember`, so that only a real navigation elsewhere counts — and
 * a hashchange event arriving late for the very address the page was opened on is ignored.
 */
export function useHashNavigationKey(): { key: number; remember: () => void } {
  const [key, setKey] = useState(0);
  const known = useRef(window.location.hash);
  useEffect(() => {
    const onChange = () => {
      if (window.location.hash === known.current) return;
      known.current = window.location.hash;
      setKey((k) => k + 1);
    };
    window.addEventListener('hashchange', onChange);
    return () => window.removeEventListener('hashchange', onChange);
  }, []);
  const remember = useCallback(() => {
    known.current = window.location.hash;
  }, []);
  return { key, remember };
}
