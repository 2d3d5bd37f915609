import type { ShareView } from '@coachline/projections';

/** A month's coaching across the program: visits and their minutes, no one's in particular. */
export interface MonthMinutes {
  readonly month: string;
  readonly minutes: number;
  readonly visits: number;
}

export interface PracticeCount {
  readonly practice: string;
  /** Practice lists and goals naming it. */
  readonly count: number;
}

/**
 * The share summed over the program, the form leadership reads it in: what rule 10 lets a coach
 * share (visit dates and durations, completed cycles, practice lists and goals), counted, with
 * no provider, coach or note left to show.
 */
export interface ShareFigures {
  readonly asOf: string;
  readonly providers: number;
  readonly months: ReadonlyArray<MonthMinutes>;
  readonly cyclesCompleted: number;
  readonly goals: { readonly set: number; readonly achieved: number };
  readonly practices: ReadonlyArray<PracticeCount>;
}

const add = (counts: Map<string, number>, key: string, by: number) => counts.set(key, (counts.get(key) ?? 0) + by);

export const shareFigures = (share: ShareView): ShareFigures => {
  const minutes = new Map<string, number>();
  const visits = new Map<string, number>();
  const practices = new Map<string, number>();
  let cyclesCompleted = 0;
  let set = 0;
  let achieved = 0;
  for (const provider of share.providers) {
    cyclesCompleted += provider.completedCycles;
    for (const session of provider.sessions) {
      add(minutes, session.heldOn.slice(0, 7), session.durationMinutes);
      add(visits, session.heldOn.slice(0, 7), 1);
    }
    for (const list of provider.practiceLists) for (const practice of list.practices) add(practices, practice, 1);
    for (const goal of provider.goals) {
      set += 1;
      if (goal.achieved) achieved += 1;
      add(practices, goal.practice, 1);
    }
  }
  return {
    asOf: share.asOf,
    providers: share.providers.length,
    months: [...minutes.keys()].sort().map((month) => ({
      month,
      minutes: minutes.get(month) ?? 0,
      visits: visits.get(month) ?? 0,
    })),
    cyclesCompleted,
    goals: { set, achieved },
    practices: [...practices.entries()]
      .map(([practice, count]) => ({ practice, count }))
      .sort((a, b) => b.count - a.count || (a.practice < b.practice ? -1 : a.practice > b.practice ? 1 : 0)),
  };
};
