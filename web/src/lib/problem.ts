/**
 * Turning an RFC 9457 problem from the API into what a person reads, in their language.
 * The API writes English; a Chinese reader gets the translation of the problem's code, or of a
 * well-known detail, and the English text only when nothing matches.
 */

export interface FieldProblem {
  path: string;
  message: string;
  code?: string;
}

export interface Problem {
  type?: string;
  title?: string;
  status: number;
  detail?: string;
  code?: string;
  errors?: FieldProblem[];
}

/** What a translation function offers: i18next's `t` and `exists`, or a test double. */
export interface Translator {
  t(key: string, vars?: Record<string, unknown>): string;
  has(key: string): boolean;
}

/** Well-known API details (English) and the key of their translation under `problem.detail.`. */
const DETAILS: ReadonlyArray<[RegExp, string]> = [
  [/email or password is incorrect/i, 'invalid_login'],
  [/too many failed sign-ins/i, 'too_many_sign_ins'],
  [/X-CSRF-Token/i, 'csrf'],
  [/sign in first|token is not valid/i, 'sign_in'],
  [/already has a plan in this cycle/i, 'plan_exists'],
  [/check-ins need an approved plan/i, 'check_in_needs_approved_plan'],
  [/plan is in review: request changes/i, 'plan_in_review'],
  [/cannot be submitted/i, 'cannot_submit'],
  [/A plan in state \w+ cannot be/i, 'plan_wrong_state'],
  [/only a draft can be deleted/i, 'only_draft_deleted'],
  [/you may not change this plan/i, 'may_not_change_plan'],
  [/may create this plan/i, 'may_not_create_plan'],
  [/has changed|changed meanwhile/i, 'changed'],
  [/email .*already exists|user with this email/i, 'email_taken'],
  [/at least one active admin/i, 'last_admin'],
  [/unit has child units/i, 'unit_has_children'],
  [/unit has plans/i, 'unit_has_plans'],
  [/root unit cannot be deleted/i, 'root_unit'],
  [/leader .*stays a member/i, 'leader_stays_member'],
  [/cycle moves forward one step/i, 'cycle_one_step'],
  [/closed cycle can only be renamed|cycle is closed/i, 'cycle_closed'],
  [/Idempotency-Key was already used/i, 'idempotency'],
  [/Say what should change/i, 'comment_required'],
  [/Only admins/i, 'admins_only'],
  [/does not match the schema/i, 'schema'],
  [/not valid JSON/i, 'schema'],
  [/ not found$/i, 'not_found'],
  // cross-department requests and carry-over
  [/already has an open request/i, 'request_open_exists'],
  [/request is already (accepted|declined|withdrawn)/i, 'request_answered'],
  [/objectives take no new support/i, 'request_plan_closed'],
  [/changes to this approved plan wait for its approver/i, 'request_waits_for_approver'],
  [/Only an approved or closed plan carries over/i, 'carry_over_state'],
  [/target cycle is closed/i, 'carry_over_cycle_closed'],
  [/owner's plan in that cycle is/i, 'carry_over_target_plan'],
];

/** The key under `problem.detail.` for a known API detail, if any. */
export function detailKey(detail: string | undefined): string | null {
  if (!detail) return null;
  for (const [pattern, key] of DETAILS) if (pattern.test(detail)) return key;
  return null;
}

/** The last named segment of a path: `objectives[o1].keyResults[k2].weight` → `weight`. */
export function fieldOfPath(path: string): string {
  const segments = path.split('.').map((s) => s.replace(/\[[^\]]*\]/g, ''));
  return segments.filter((s) => s !== '').at(-1) ?? path;
}

/** Ids named in a path's brackets: `objectives[o1].keyResults[k2]` → ['o1', 'k2']. */
export function idsInPath(path: string): string[] {
  return [...path.matchAll(/\[([^\]]+)\]/g)]
    .map((m) => m[1] as string)
    .filter((s) => !/^\d+$/.test(s));
}

export interface DescribedProblem {
  /** one sentence: what went wrong */
  message: string;
  /** one line per failed field or check */
  items: string[];
}

/**
 * The message and the per-field lines of a problem. `nameOf(id)` names an objective or key
 * result that a path mentions (so "objectives[<id>].keyResults" reads as the objective's title).
 */
export function describeProblem(
  problem: Problem,
  tr: Translator,
  locale: string,
  nameOf: (id: string) => string | undefined = () => undefined,
): DescribedProblem {
  const english = locale.startsWith('en');
  const key = detailKey(problem.detail);
  let message: string;
  if (english && problem.detail) message = problem.detail;
  else if (key && tr.has(`problem.detail.${key}`)) message = tr.t(`problem.detail.${key}`);
  else if (problem.code && tr.has(`problem.code.${problem.code}`))
    message = tr.t(`problem.code.${problem.code}`);
  else if (tr.has(`problem.status.${problem.status}`))
    message = tr.t(`problem.status.${problem.status}`);
  else message = problem.detail ?? problem.title ?? tr.t('problem.unknown');

  const items = (problem.errors ?? []).map((e) => describeFieldProblem(e, tr, nameOf));
  return { message, items };
}

/** One failed field or check, translated by its code when a translation exists. */
export function describeFieldProblem(
  e: FieldProblem,
  tr: Translator,
  nameOf: (id: string) => string | undefined = () => undefined,
): string {
  const field = fieldOfPath(e.path);
  const fieldLabel = tr.has(`field.${field}`) ? tr.t(`field.${field}`) : field;
  const names = idsInPath(e.path)
    .map(nameOf)
    .filter((n): n is string => n !== undefined);
  const name = names.at(-1) ?? names[0] ?? '';
  const sum = /sum to ([\d.]+)\s*$/.exec(e.message)?.[1];
  if (e.code && tr.has(`problem.error.${e.code}`)) {
    return tr.t(`problem.error.${e.code}`, { field: fieldLabel, name, sum: sum ?? '' });
  }
  return `${fieldLabel}: ${e.message}`;
}
