// Mutation testing of the rule files of packages/projections, run from the repository root by `npm run test:mutation`.
import { mutationConfig } from './mutation-config.mjs';

export default mutationConfig(
  'projections',
  [
    // Minutes per provider per month against the guide's target, and who is under it this month.
    'dosage/dosage.projection.ts',
    'dosage/dosage.render.ts',
    // STARS agreements: when each became active, its cycles against the cadence.
    'cycles/cycles.projection.ts',
    'cycles/cycles.render.ts',
    // What an agreement allows coaches to share, each thing as first recorded.
    'share/share.projection.ts',
    'share/share.render.ts',
  ],
  [
    'src/dosage/*.unit.spec.ts',
    'src/cycles/*.unit.spec.ts',
    'src/share/*.unit.spec.ts',
    // Pins each view's name, under which its stored state is kept.
    'src/registry.unit.spec.ts',
  ],
);
