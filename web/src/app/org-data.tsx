/**
 * What most screens need about the organization: its cycles, units and people (for names and
 * pickers), and the cycle the person is looking at. Loaded once after sign-in.
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
import { cycles as cyclesApi, units as unitsApi, users as usersApi } from '../api/endpoints';
import type { Cycle, Unit, User } from '../api/types';
import { isDueForCheckIn } from '../lib/checkin';
import { pickDefaultCycle, todayIn } from '../lib/cycles';
import { useMe } from './session';

export interface OrgData {
  loading: boolean;
  error: unknown;
  cycles: Cycle[];
  units: Unit[];
  users: User[];
  /** the cycle chosen in the header (null when there is none yet) */
  cycle: Cycle | null;
  setCycleId: (id: string) => void;
  /** today in the organization's time zone */
  today: string;
  /** the date (`YYYY-MM-DD`) of a timestamp in the organization's time zone */
  localDate: (timestamp: string | null | undefined) => string | null;
  /** whether a key result last checked in at `timestamp` is due a check-in this week */
  isDue: (lastCheckInAt: string | null | undefined) => boolean;
  userName: (id: string | null | undefined) => string;
  unitName: (id: string | null | undefined) => string;
  reload: () => Promise<void>;
}

const OrgDataContext = createContext<OrgData | null>(null);
const CYCLE_KEY = 'polaris.cycle';

export function OrgDataProvider({ children }: { children: ReactNode }) {
  const me = useMe();
  const [state, setState] = useState<{ cycles: Cycle[]; units: Unit[]; users: User[] }>({
    cycles: [],
    units: [],
    users: [],
  });
  const [loading, setLoading] = useState(true);
  const [error, setError] = useState<unknown>(undefined);
  const [cycleId, setCycleIdState] = useState<string | null>(() => {
    try {
      return localStorage.getItem(CYCLE_KEY);
    } catch {
      return null;
    }
  });
  const today = todayIn(me.organization.timezone);

  const reload = useCallback(async () => {
    setLoading(true);
    try {
      const [cycles, units, users] = await Promise.all([
        cyclesApi.list(),
        unitsApi.list(),
        usersApi.list(),
      ]);
      setState({ cycles, units, users });
      setError(undefined);
    } catch (e) {
      setError(e);
    } finally {
      setLoading(false);
    }
  }, []);

  useEffect(() => {
    void reload();
  }, [reload, me.id]);

  const setCycleId = useCallback((id: string) => {
    setCycleIdState(id);
    try {
      localStorage.setItem(CYCLE_KEY, id);
    } catch {
      // remembered for this page only
    }
  }, []);

  const timeZone = me.organization.timezone;
  const localDate = useCallback(
    (ts: string | null | undefined) => (ts ? todayIn(timeZone, new Date(ts)) : null),
    [timeZone],
  );

  const value = useMemo<OrgData>(() => {
    const cycle =
      state.cycles.find((c) => c.id === cycleId) ?? pickDefaultCycle(state.cycles, today) ?? null;
    const usersById = new Map(state.users.map((u) => [u.id, u]));
    const unitsById = new Map(state.units.map((u) => [u.id, u]));
    return {
      loading,
      error,
      ...state,
      cycle,
      setCycleId,
      today,
      localDate,
      isDue: (ts) => isDueForCheckIn(localDate(ts), today),
      userName: (id) => (id ? (usersById.get(id)?.name ?? '') : ''),
      unitName: (id) => (id ? (unitsById.get(id)?.name ?? '') : ''),
      reload,
    };
  }, [state, cycleId, today, loading, error, setCycleId, reload, localDate]);

  return <OrgDataContext.Provider value={value}>{children}</OrgDataContext.Provider>;
}

export function useOrgData(): OrgData {
  const v = useContext(OrgDataContext);
  if (!v) throw new Error('useOrgData outside OrgDataProvider');
  return v;
}
