import { commandCatalogue, Role } from '@coachline/domain';
import { commandGrants, commandScope, VIEW_NAMES, viewGrants, viewScope } from './grants';

const types = commandCatalogue.map((d) => d.type);

describe('the grant tables', () => {
  it('decide for every command who may send it, and let an admin do everything', () => {
    expect(Object.keys(commandGrants).sort()).toEqual([...types].sort());
    for (const type of types) expect(commandScope('admin', type)).toBe('all');
    for (const view of VIEW_NAMES) expect(viewScope('admin', view)).toBe('all');
  });

  it.each(['evaluator', 'leadership', 'auditor'] as const)('let a %s write nothing', (role) => {
    expect(types.filter((type) => commandScope(role, type) !== undefined)).toEqual([]);
  });

  it('let leadership read the share, the reduced program report and the reduced coaching system only, an evaluator the evaluation only, an auditor the history, the access log and the views replayed from the record', () => {
    const readable = (role: Role) => VIEW_NAMES.filter((view) => viewScope(role, view) !== undefined);
    expect(readable('leadership')).toEqual(['share', 'report', 'coaching-system']);
    expect(readable('evaluator')).toEqual(['evaluation']);
    expect(readable('auditor')).toEqual([
      'dosage',
      'timeline',
      'cycles',
      'share',
      'evaluation',
      'history',
      'debriefs',
      'plans',
      'coaching-log',
      'access-log',
      'caseload',
      'due',
      'report',
    ]);
    for (const view of VIEW_NAMES) expect([undefined, 'all']).toContain(viewScope('auditor', view));
  });

  it('never let a provider read a view that carries observation scores', () => {
    expect(viewScope('provider', 'evaluation')).toBeUndefined();
    expect(viewScope('provider', 'history')).toBeUndefined();
    for (const view of VIEW_NAMES) expect([undefined, 'self']).toContain(viewGrants[view].provider);
  });

  it('bind a coach to their caseload, or to their own coach record', () => {
    for (const type of types) expect([undefined, 'caseload', 'self']).toContain(commandScope('coach', type));
    expect(commandScope('coach', 'LogSession')).toBe('caseload');
    expect(commandScope('coach', 'AttendReflectiveConsultation')).toBe('self');
    expect(commandScope('coach', 'EnrollProvider')).toBeUndefined();
  });

  it('let observers record observations and nothing else', () => {
    expect(types.filter((type) => commandScope('observer', type) !== undefined).sort()).toEqual([
      'CompleteObservation',
      'HoldDebrief',
      'ScheduleObservation',
    ]);
  });
});
