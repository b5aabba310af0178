import { useEffect, useState } from 'react';

/** Whether the media query matches, following changes (window resizes, rotation). */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const mql = window.matchMedia(query);
    const onChange = () => setMatches(mql.matches);
    onChange();
    mql.addEventListener('change', onChange);
    return () => mql.removeEventListener('change', onChange);
  }, [query]);
  return matches;
}

/** Phone-sized screens (below 768 px). */
export const useIsMobile = (): boolean => useMediaQuery('(max-width: 767px)');
