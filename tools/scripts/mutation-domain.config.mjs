// Mutation testing of the rule files of packages/domain, run from the repository root by `npm run test:mutation`.
import { mutationConfig } from './mutation-config.mjs';

export default mutationConfig(
  'domain',
  [
    // Rule 1, the dosage rule, and the ledger of sessions it counts.
    'guides/session-ledger.ts',
    // Where each requirement of a guide stands, and the windows requirements are due in.
    'guides/requirement-status.ts',
    'guides/window.ts',
    // Coaching agreements: signatures, the day one becomes active, cycles and the end.
    'agreement/agreement.decider.ts',
    // The provider decider's rules: dates recorded after they happen, sessions logged once.
    'provider/provider.rules.ts',
    'provider/provider.decide-sessions.ts',
    // The ASQ:SE-2 cutoff table and the zone a score falls in.
    'screening/asq-se2-zone.ts',
  ],
  [
    'src/guides/*.unit.spec.ts',
    'src/agreement/*.unit.spec.ts',
    'src/provider/*.unit.spec.ts',
    'src/screening/*.unit.spec.ts',
  ],
);
