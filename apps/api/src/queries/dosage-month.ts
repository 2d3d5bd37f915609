import type { DosageView } from '@coachline/projections';

/** `?month=YYYY-MM`: each provider's figures for that month only; year-to-date stays as it is. */
export const dosageInMonth = (view: DosageView, month: string): DosageView => ({
  ...view,
  providers: view.providers.map((provider) => ({
    ...provider,
    months: provider.months.filter((m) => m.month === month),
  })),
});
