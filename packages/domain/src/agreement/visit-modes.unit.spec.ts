import { SessionMode } from '../provider/session-logged';
import { VisitMode } from './agreement-drafted';
import { sessionModeOfVisitMode, visitModeOfSessionMode } from './visit-modes';

describe('visit modes and session modes', () => {
  it('reads an agreement’s "combination" as a session’s "hybrid", and the others as themselves', () => {
    expect(sessionModeOfVisitMode('combination')).toBe('hybrid');
    expect(sessionModeOfVisitMode('in-person')).toBe('in-person');
    expect(sessionModeOfVisitMode('virtual')).toBe('virtual');
  });

  it('matches every visit mode to one session mode and back, so the two vocabularies name the same modes', () => {
    expect(VisitMode.values.map(sessionModeOfVisitMode).sort()).toEqual([...SessionMode.values].sort());
    for (const mode of VisitMode.values) expect(visitModeOfSessionMode(sessionModeOfVisitMode(mode))).toBe(mode);
    for (const mode of SessionMode.values) expect(sessionModeOfVisitMode(visitModeOfSessionMode(mode))).toBe(mode);
  });
});
