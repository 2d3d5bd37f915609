// The caseloads fold lives with the other views, where the command line can check a stored copy.
export { caseloadOf, CaseloadsView, caseloadsProjection, type CaseloadsState } from '@coachline/projections';
