import { CoachlineCommand, CommandMetadata } from '@coachline/domain';
import { DemoCommandRefused, ProgramRecorder } from './program-recorder';

const metadata = (issuedAt: string, commandId: string, causationId?: string): CommandMetadata => ({
  actor: { id: 'c-01', role: 'coach' },
  issuedAt,
  commandId,
  correlationId: commandId,
  ...(causationId ? { causationId } : {}),
});

const register = (coachId: string, issuedAt: string): CoachlineCommand => ({
  type: 'RegisterCoach',
  data: { coachId, communityId: 'maple-county', name: 'Maria Garcia', role: 'coach' },
  metadata: { ...metadata(issuedAt, `cmd-${coachId}`), actor: { id: 'admin-1', role: 'admin' } },
});

const consultation = (coachId: string, month: string, issuedAt: string): CoachlineCommand => ({
  type: 'AttendReflectiveConsultation',
  data: { coachId, month, heldOn: `${month}-10`, durationMinutes: 60 },
  metadata: metadata(issuedAt, `cmd-${coachId}-${month}`, `cmd-${coachId}`),
});

const ids = () => {
  let n = 0;
  return () => `ev-${++n}`;
};

describe('ProgramRecorder', () => {
  it('records accepted events in the commands’ order with positions, ids and the commands’ metadata', () => {
    const recorder = new ProgramRecorder(ids());
    const recorded = recorder.recordAll([
      register('c-01', '2025-06-02T14:00:00.000Z'),
      register('c-02', '2025-06-02T15:00:00.000Z'),
      consultation('c-01', '2025-07', '2025-07-10T18:00:00.000Z'),
      consultation('c-02', '2025-07', '2025-07-11T18:00:00.000Z'),
    ]);
    expect(recorded.map((event) => [event.position, event.id, event.stream, event.type])).toEqual([
      [1, 'ev-1', 'coach-c-01', 'CoachRegistered'],
      [2, 'ev-2', 'coach-c-02', 'CoachRegistered'],
      [3, 'ev-3', 'coach-c-01', 'ReflectiveConsultationAttended'],
      [4, 'ev-4', 'coach-c-02', 'ReflectiveConsultationAttended'],
    ]);
    expect(recorded[2]!.metadata).toEqual({
      actor: { id: 'c-01', role: 'coach' },
      recordedAt: '2025-07-10T18:00:00.000Z',
      commandId: 'cmd-c-01-2025-07',
      correlationId: 'cmd-c-01-2025-07',
      causationId: 'cmd-c-01',
    });
    expect(recorded[0]!.schemaVersion).toBe(1);
  });

  it('keeps each stream’s state from one batch to the next', () => {
    const recorder = new ProgramRecorder(ids());
    recorder.recordAll([
      register('c-01', '2025-06-02T14:00:00.000Z'),
      consultation('c-01', '2025-07', '2025-07-10T18:00:00.000Z'),
    ]);
    const next = recorder.recordAll([consultation('c-01', '2025-08', '2025-08-10T18:00:00.000Z')]);
    expect(next.map((event) => event.position)).toEqual([3]);
    expect(() => recorder.recordAll([consultation('c-01', '2025-08', '2025-08-12T18:00:00.000Z')])).toThrow(
      expect.objectContaining({ name: 'DemoCommandRefused', code: 'consultation-already-recorded' }),
    );
  });

  it('throws with the domain’s code when a command is refused, naming the command and its stream', () => {
    const recorder = new ProgramRecorder(ids());
    const refused = (() => {
      try {
        recorder.recordAll([consultation('c-09', '2025-07', '2025-07-10T18:00:00.000Z')]);
      } catch (error) {
        return error;
      }
      return undefined;
    })();
    expect(refused).toBeInstanceOf(DemoCommandRefused);
    expect((refused as DemoCommandRefused).code).toBe('coach-not-registered');
    expect((refused as Error).message).toContain('AttendReflectiveConsultation on coach-c-09');
    expect((refused as Error).message).toContain('data.coachId');
  });
});
