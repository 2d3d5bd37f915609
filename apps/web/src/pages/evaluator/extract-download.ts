import { ApiRefusal, type RefusalBody } from '../../api/client';

export type ExtractFormat = 'json' | 'csv';

const TYPES: Readonly<Record<ExtractFormat, string>> = { json: 'application/json', csv: 'text/csv' };

/** The file's name: the extract, its moment's day, and the format. */
export const extractFileName = (format: ExtractFormat, on: string): string => `evaluation-${on}.${format}`;

/**
 * The evaluation extract as a file, JSON or CSV as the API writes it (`GET /views/evaluation`),
 * handed to the browser to save. The read is the API's, recorded in its access log like any other.
 */
export const downloadExtract = async (format: ExtractFormat, on: string): Promise<void> => {
  const response = await fetch('/views/evaluation', {
    headers: { Accept: TYPES[format] },
    credentials: 'same-origin',
  });
  if (!response.ok) {
    let body: RefusalBody = { code: 'unexpected', message: `The server answered ${response.status}.`, errors: [] };
    try {
      body = (await response.json()) as RefusalBody;
    } catch {
      // The status alone says what went wrong.
    }
    throw new ApiRefusal(response.status, body);
  }
  const url = URL.createObjectURL(await response.blob());
  try {
    const link = document.createElement('a');
    link.href = url;
    link.download = extractFileName(format, on);
    document.body.append(link);
    link.click();
    link.remove();
  } finally {
    // The browser has taken the file once the click is handled.
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  }
};
