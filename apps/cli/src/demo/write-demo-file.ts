import { encodeRecordedEvent } from '@coachline/domain';
import { writeOutputFile } from '../output/output-file';
import { DemoProgramOptions, generateDemoProgram } from './generate-demo-program';

export interface WriteDemoFileOptions extends DemoProgramOptions {
  /** Called now and then with the number of events written so far, and once at the end. */
  readonly onProgress?: (eventsWritten: number) => void;
}

export interface DemoFileSummary {
  readonly events: number;
  /** The `recordedAt` of the last event, the moment the history is complete as of. */
  readonly lastRecordedAt: string | undefined;
}

/** Lines are gathered into chunks of about this many characters before each write. */
const CHUNK_CHARACTERS = 1 << 20;
const PROGRESS_EVERY = 10_000;

/**
 * The event file of a demo program year: JSON Lines, one event per line in global order,
 * each with its position, readable by its owner only. A file is complete or absent: it takes its
 * name only once whole, so nobody replays half a year by mistake.
 */
export const writeDemoFile = async (path: string, options: WriteDemoFileOptions): Promise<DemoFileSummary> => {
  // Generation starts before the file is opened, so wrong options fail without touching the disk.
  const events = generateDemoProgram(options);
  const first = events.next();
  let written = 0;
  let lastRecordedAt: string | undefined;
  const chunks = function* (): Generator<string> {
    let chunk = '';
    for (let next = first; !next.done; next = events.next()) {
      const event = next.value;
      chunk += `${JSON.stringify(encodeRecordedEvent(event))}\n`;
      lastRecordedAt = event.metadata.recordedAt;
      written++;
      if (chunk.length >= CHUNK_CHARACTERS) {
        yield chunk;
        chunk = '';
      }
      if (written % PROGRESS_EVERY === 0) options.onProgress?.(written);
    }
    if (chunk.length > 0) yield chunk;
  };
  await writeOutputFile(path, chunks());
  options.onProgress?.(written);
  return { events: written, lastRecordedAt };
};
