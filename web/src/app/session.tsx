/**
 * Who is signed in. Loads GET /me at start, signs in and out, keeps the CSRF token for the API
 * client, turns a 401 into the "session expired" state, and saves the UI language per user.
 */
import {
  createContext,
  useCallback,
  useContext,
  useEffect,
  useMemo,
  useState,
  type ReactNode,
} from 'react';
import { auth, users } from '../api/endpoints';
import { onUnauthorized, setCsrfToken } from '../api/client';
import type { Me } from '../api/types';
import { applyLocale } from '../i18n';
import { normalizeLocale, pickLocale, type Locale } from '../lib/locale';

export type SessionStatus = 'loading' | 'signedOut' | 'signedIn' | 'expired';

export interface Session {
  status: SessionStatus;
  me: Me | null;
  locale: Locale;
  signIn: (email: string, password: string) => Promise<void>;
  signOut: () => Promise<void>;
  /** switches the language; saved to the account when signed in, to this browser always */
  setLocale: (locale: Locale) => Promise<void>;
  refresh: () => Promise<void>;
}

const STORED_LOCALE = 'polaris.locale';
/** set when the language was chosen by hand before signing in: it wins over the account's */
const CHOSEN_BEFORE_SIGN_IN = 'polaris.locale.chosen';

/** set while signed in: a missing session at the next visit has expired */
const SIGNED_IN = 'polaris.signedIn';

const SessionContext = createContext<Session | null>(null);

function storedLocale(): string | null {
  try {
    return localStorage.getItem(STORED_LOCALE);
  } catch {
    return null;
  }
}

function store(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // private mode: the choice lasts for this page only
  }
}

/** The first language, before anyone is known. */
export function initialLocale(): Locale {
  return pickLocale(null, storedLocale(), navigator.languages ?? [navigator.language]);
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading');
  const [me, setMe] = useState<Me | null>(null);
  const [locale, setLocaleState] = useState<Locale>(initialLocale);

  const applyAndStore = useCallback((l: Locale) => {
    setLocaleState(l);
    applyLocale(l);
    store(STORED_LOCALE, l);
  }, []);

  const adopt = useCallback(
    async (next: Me) => {
      setCsrfToken(next.csrfToken);
      let signedIn = next;
      let chosen: string | null = null;
      try {
        chosen = localStorage.getItem(CHOSEN_BEFORE_SIGN_IN);
      } catch {
        chosen = null;
      }
      const chosenLocale = normalizeLocale(chosen);
      if (chosenLocale && chosenLocale !== normalizeLocale(next.locale)) {
        try {
          await users.update(next.id, { locale: chosenLocale });
          signedIn = { ...next, locale: chosenLocale };
        } catch {
          // the choice still applies in this browser
        }
      }
      store(CHOSEN_BEFORE_SIGN_IN, null);
      store(SIGNED_IN, '1');
      setMe(signedIn);
      applyAndStore(
        pickLocale(signedIn.locale, chosenLocale ?? storedLocale(), navigator.languages ?? []),
      );
      setStatus('signedIn');
    },
    [applyAndStore],
  );

  const refresh = useCallback(async () => {
    try {
      await adopt(await auth.me());
    } catch {
      setCsrfToken(null);
      setMe(null);
      setStatus('signedOut');
    }
  }, [adopt]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken(null);
        setStatus((s) => (s === 'signedIn' ? 'expired' : s));
      }),
    [],
  );

  const signIn = useCallback(
    async (email: string, password: string) => {
      const result = await auth.login(email, password);
      setCsrfToken(result.csrfToken);
      await adopt(await auth.me());
    },
    [adopt],
  );

  const signOut = useCallback(async () => {
    try {
      await auth.logout();
    } catch {
      // signed out on the server already
    }
    setCsrfToken(null);
    store(SIGNED_IN, null);
    setMe(null);
    setStatus('signedOut');
  }, []);

  const setLocale = useCallback(
    async (l: Locale) => {
      applyAndStore(l);
      if (status !== 'signedIn' || !me) {
        store(CHOSEN_BEFORE_SIGN_IN, l);
        return;
      }
      if (normalizeLocale(me.locale) === l) return;
      const updated = await users.update(me.id, { locale: l });
      setMe({ ...me, locale: updated.locale });
    },
    [me, status, applyAndStore],
  );

  const value = useMemo<Session>(
    () => ({ status, me, locale, signIn, signOut, setLocale, refresh }),
    [status, me, locale, signIn, signOut, setLocale, refresh],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

/** The session; only inside SessionProvider. */
export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in person; only on screens behind the sign-in. */
export function useMe(): Me {
  const { me } = useSession();
  if (!me) throw new Error('useMe without a signed-in person');
  return me;
}
