import * as E from 'fp-ts/Either';
import { decodeRecordedEvent, encodeRecordedEvent } from './recorded-event';

const metadata = {
  actor: { id: 'c-03', role: 'coach' },
  recordedAt: '2025-08-20T15:00:00.000Z',
  commandId: 'cmd-9',
  correlationId: 'corr-9',
};

// A Benchmarks of Quality record as Coachline wrote it before the form version was recorded.
const boqVersion1 = {
  id: 'e-41',
  stream: 'provider-p-017',
  type: 'BenchmarksOfQualityCompleted',
  schemaVersion: 1,
  data: {
    providerId: 'p-017',
    boqId: 'boq-1',
    form: 'BOQ',
    completedOn: '2025-08-14',
    ratings: { 'leadership-team': 2, 'staff-buy-in': 1 },
  },
  metadata,
};

describe('reading stored events', () => {
  it('upcasts an old schema version on read, without rewriting it', () => {
    const decoded = decodeRecordedEvent(boqVersion1);
    expect(decoded).toEqual(
      E.right({ ...boqVersion1, schemaVersion: 2, data: { ...boqVersion1.data, formVersion: 'unrecorded' } }),
    );
    expect(boqVersion1.schemaVersion).toBe(1);
  });

  it('writes the current version back out', () => {
    const decoded = decodeRecordedEvent(boqVersion1);
    if (E.isLeft(decoded)) throw new Error(decoded.left.message);
    expect(encodeRecordedEvent(decoded.right)).toMatchObject({ schemaVersion: 2, data: { formVersion: 'unrecorded' } });
  });

  it('checks version 1 data with the version 1 shape, naming the field', () => {
    const decoded = decodeRecordedEvent({ ...boqVersion1, data: { ...boqVersion1.data, completedOn: '2025-02-30' } });
    expect(decoded).toEqual(
      E.left(expect.objectContaining({ errors: [expect.objectContaining({ path: 'data.completedOn' })] })),
    );
  });

  it('refuses a schema version newer than this reader knows', () => {
    const decoded = decodeRecordedEvent({ ...boqVersion1, schemaVersion: 3 });
    expect(decoded).toEqual(E.left(expect.objectContaining({ code: 'unknown-schema-version' })));
  });

  it('refuses an unknown event type, naming the type field', () => {
    const decoded = decodeRecordedEvent({ ...boqVersion1, type: 'SessionDeleted' });
    expect(decoded).toEqual(
      E.left(
        expect.objectContaining({ code: 'unknown-event-type', errors: [expect.objectContaining({ path: 'type' })] }),
      ),
    );
  });

  it('refuses an event filed under another stream than its data names', () => {
    const decoded = decodeRecordedEvent({ ...boqVersion1, stream: 'provider-p-018' });
    expect(decoded).toEqual(E.left(expect.objectContaining({ code: 'stream-mismatch' })));
  });

  it('names every wrong field of the envelope at once', () => {
    const decoded = decodeRecordedEvent({ ...boqVersion1, id: '', metadata: { ...metadata, recordedAt: 'yesterday' } });
    expect(E.isLeft(decoded) && decoded.left.errors.map((e) => e.path)).toEqual(['id', 'metadata.recordedAt']);
  });
});
