import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ConfigError, readConfig } from './config';

describe('COACHLINE_ASQ_SE2_CUTOFFS', () => {
  const folder = mkdtempSync(join(tmpdir(), 'coachline-cutoffs-'));
  afterAll(() => rmSync(folder, { recursive: true, force: true }));
  const file = (name: string, text: string): string => {
    const path = join(folder, name);
    writeFileSync(path, text);
    return path;
  };
  const configWith = (cutoffs: string | undefined) =>
    readConfig({ COACHLINE_DATA_DIR: join(folder, 'data'), COACHLINE_ASQ_SE2_CUTOFFS: cutoffs });
  const refusal = (cutoffs: string): string => {
    try {
      configWith(cutoffs);
    } catch (error) {
      if (error instanceof ConfigError) return error.message;
      throw error;
    }
    throw new Error('the configuration was accepted');
  };

  it('is absent by default: zones are recorded as sent', () => {
    expect(configWith(undefined).asqSe2Cutoffs).toBeUndefined();
    expect(configWith('  ').asqSe2Cutoffs).toBeUndefined();
  });

  it('reads the table the file holds', () => {
    const table = { intervals: [{ ageIntervalMonths: 36, monitoringFrom: 50, cutoff: 60 }] };
    expect(configWith(file('table.json', JSON.stringify(table))).asqSe2Cutoffs).toEqual(table);
  });

  it('stops the start on one line naming each wrong field, and the file', () => {
    const path = file(
      'wrong.json',
      JSON.stringify({ intervals: [{ ageIntervalMonths: 7, monitoringFrom: 50, cutoff: '60' }] }),
    );
    const message = refusal(path);
    expect(message).not.toContain('\n');
    expect(message).toMatch(/^COACHLINE_ASQ_SE2_CUTOFFS: .*wrong\.json is not an ASQ-SE2 cutoff table: /);
    expect(message).toContain('intervals.0.ageIntervalMonths');
    expect(message).toContain('intervals.0.cutoff');
  });

  it('refuses a table whose zones are upside down or an interval given twice', () => {
    const interval = { ageIntervalMonths: 36, monitoringFrom: 70, cutoff: 60 };
    const message = refusal(file('inconsistent.json', JSON.stringify({ intervals: [interval, interval] })));
    expect(message).toContain('intervals.0.monitoringFrom');
    expect(message).toContain('intervals.1.ageIntervalMonths');
  });

  it('refuses a file that is missing, a folder, or not JSON', () => {
    expect(refusal(join(folder, 'nowhere.json'))).toMatch(/cannot read .*nowhere\.json: no such file\.$/);
    expect(refusal(folder)).toMatch(/cannot read .*: it is a folder\.$/);
    expect(refusal(file('table.csv', 'interval,cutoff\n36,60\n'))).toMatch(/table\.csv is not JSON: /);
  });
});
