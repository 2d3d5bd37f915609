import { readerOf } from '../access-log/reader';
import { UsageError } from '../commands/usage-error';
import { checkOutputFile } from '../output/output-file';
import { DEFAULT_STORE } from '../store/open-store';
import { evaluationExport, ExtractFormat } from './evaluation-export';
import { shareExport } from './share-export';

export const EXTRACT_READERS = ['evaluation', 'share'] as const;
const EXTRACT_FORMATS: ReadonlyArray<ExtractFormat> = ['json', 'csv'];

export interface ExtractOptions {
  readonly for: string;
  readonly out: string;
  readonly store?: string;
  /** `--key-file`: where the store's key-encryption key is kept. */
  readonly keyFile?: string;
  readonly stream?: string;
  readonly asOf?: string;
  readonly format?: string;
  readonly pseudonymSecret?: string;
  readonly openChildData?: boolean;
  /** `--as ID`: who makes the extract, for the access log (else the operating-system user). */
  readonly as?: string;
}

/** `coachline export --for READER`: what one kind of reader may see, instead of the history. */
export const extractCommand = async (options: ExtractOptions, out: NodeJS.WritableStream): Promise<void> => {
  if (!(EXTRACT_READERS as ReadonlyArray<string>).includes(options.for))
    throw new UsageError(`--for: expected one of ${EXTRACT_READERS.join(', ')}, got "${options.for}"`);
  if (options.stream !== undefined)
    throw new UsageError('--stream: an extract covers the whole program; leave --stream out');
  if (options.openChildData)
    throw new UsageError('--open-child-data: an extract never carries child data in the clear');
  const format = (options.format ?? 'json') as ExtractFormat;
  if (!EXTRACT_FORMATS.includes(format))
    throw new UsageError(`--format: expected json or csv, got "${options.format}"`);
  if (options.for === 'share' && options.pseudonymSecret !== undefined)
    throw new UsageError('--pseudonym-secret: the share names providers by id; it takes no pseudonyms');
  await checkOutputFile(options.out);
  const common = {
    out: options.out,
    store: options.store ?? DEFAULT_STORE,
    format,
    ...(options.asOf !== undefined ? { asOf: options.asOf } : {}),
    ...(options.keyFile !== undefined ? { keyFile: options.keyFile } : {}),
  };
  if (options.for === 'share') return shareExport(common, out);
  return evaluationExport(
    {
      ...common,
      ...(options.pseudonymSecret !== undefined ? { pseudonymSecret: options.pseudonymSecret } : {}),
      env: process.env,
      reader: readerOf(options.as),
      now: () => new Date(),
    },
    out,
  );
};
