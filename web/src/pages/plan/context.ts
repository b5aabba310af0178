/** What the pieces of the plan editor share. */
import { createContext, useContext } from 'react';
import type { Me, PlanDetail, User } from '../../api/types';
import type { AlignmentCandidates } from './alignment-candidates';

export interface PlanEditor {
  plan: PlanDetail;
  /** the person may change objectives, key results and actions now */
  editable: boolean;
  me: Me;
  users: User[];
  /**
   * Runs a change. On an approved plan it first asks why (the change is recorded as an
   * adjustment); closing that dialog rejects with Cancelled. Reloads the plan afterwards.
   */
  change: <T>(fn: (reason: string | undefined) => Promise<T>) => Promise<T>;
  /** the title of an objective or key result of this plan, by id */
  nameOf: (id: string) => string | undefined;
  alignment: AlignmentCandidates;
}

export const PlanEditorContext = createContext<PlanEditor | null>(null);

export function usePlanEditor(): PlanEditor {
  const v = useContext(PlanEditorContext);
  if (!v) throw new Error('usePlanEditor outside the plan page');
  return v;
}
