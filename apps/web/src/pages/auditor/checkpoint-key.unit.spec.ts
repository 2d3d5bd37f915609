import { signingKeysOf } from './checkpoint-key';

// The example key and note of Go's golang.org/x/mod/sumdb/note documentation.
const PETER = 'PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
const NOTE =
  "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n\n" +
  '\u2014 PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n';

describe('the key a checkpoint says it was signed with', () => {
  it('is the published key whose name and key id its signature line names', () => {
    const other = 'PeterNeumann+00000000+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW';
    expect(signingKeysOf(NOTE, [other, PETER])).toEqual([PETER]);
  });

  it('is none when no published key matches, or the note has no signature line', () => {
    expect(signingKeysOf(NOTE, ['EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop'])).toEqual([]);
    expect(signingKeysOf('coachline/x\n3\nroot\n', [PETER])).toEqual([]);
    expect(signingKeysOf(`${NOTE.split('\n\n')[0]}\n\n\u2014 PeterNeumann !!!\n`, [PETER])).toEqual([]);
  });
});
