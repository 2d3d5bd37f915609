import * as E from 'fp-ts/Either';
import {
  createHash,
  createPrivateKey,
  createPublicKey,
  generateKeyPairSync,
  sign,
  verify,
  type KeyObject,
} from 'node:crypto';

// C2SP signed-note (https://c2sp.org/signed-note), the format of Go's golang.org/x/mod/sumdb/note.

const ED25519 = 0x01;
const KEY_ID_BYTES = 4;
const SIGNATURE_BYTES = 64;
const PUBLIC_KEY_BYTES = 32;
const SIGNATURE_PREFIX = '\u2014 ';
/** As the reference implementation: a note with more signatures is refused rather than checked. */
const MAX_SIGNATURES = 100;

/** A base64 text that decodes and re-encodes to itself: Buffer's decoder alone skips stray characters. */
export const strictBase64 = (text: string): Buffer | undefined => {
  const bytes = Buffer.from(text, 'base64');
  return bytes.toString('base64') === text ? bytes : undefined;
};

/** Key names are non-empty and hold neither white space nor '+', which separates a verifier key's parts. */
export const isKeyName = (name: string): boolean => name.length > 0 && !/[\s+]/u.test(name);

/** SHA-256(name || "\n" || 0x01 || public key), first 4 bytes: which key a signature line claims. */
export const keyId = (name: string, publicKey: Uint8Array): Buffer =>
  createHash('sha256')
    .update(name, 'utf8')
    .update(Buffer.of(0x0a, ED25519))
    .update(publicKey)
    .digest()
    .subarray(0, KEY_ID_BYTES);

const rawPublicKey = (key: KeyObject): Buffer => {
  const jwk = key.export({ format: 'jwk' });
  return Buffer.from(jwk.x ?? '', 'base64url');
};

/** `<name>+<hex key id>+<base64(0x01 || public key)>`: what a checker is given to trust a signer. */
export const verifierKeyString = (name: string, publicKey: Uint8Array): string =>
  `${name}+${keyId(name, publicKey).toString('hex')}+${Buffer.concat([Buffer.of(ED25519), publicKey]).toString('base64')}`;

export interface NoteVerifier {
  readonly name: string;
  readonly keyId: Buffer;
  readonly publicKey: KeyObject;
}

/** Reads a verifier key string, refusing one whose id does not match its name and key. */
export const parseVerifierKey = (text: string): E.Either<string, NoteVerifier> => {
  // Only the first two '+' separate: base64 may hold '+' too.
  const first = text.indexOf('+');
  const second = first === -1 ? -1 : text.indexOf('+', first + 1);
  if (second === -1) return E.left('a verifier key is <name>+<hex key id>+<base64 key>');
  const [name, hexId, encoded] = [text.slice(0, first), text.slice(first + 1, second), text.slice(second + 1)];
  if (!isKeyName(name)) return E.left('the verifier key name is empty or holds white space');
  if (!/^[0-9a-f]{8}$/u.test(hexId)) return E.left('the verifier key id is not 8 lower-case hex digits');
  const bytes = strictBase64(encoded);
  if (bytes?.length !== 1 + PUBLIC_KEY_BYTES || bytes[0] !== ED25519)
    return E.left('the verifier key is not an Ed25519 key (0x01 and 32 bytes, base64)');
  const raw = bytes.subarray(1);
  const id = keyId(name, raw);
  if (id.toString('hex') !== hexId) return E.left('the verifier key id does not match its name and key');
  const publicKey = createPublicKey({
    key: { kty: 'OKP', crv: 'Ed25519', x: raw.toString('base64url') },
    format: 'jwk',
  });
  return E.right({ name, keyId: id, publicKey });
};

export interface NoteSigner {
  readonly name: string;
  /** An Ed25519 private key, PKCS#8 PEM. */
  readonly privateKeyPem: string;
}

export interface GeneratedNoteKey {
  readonly privateKeyPem: string;
  readonly verifierKey: string;
}

/** A fresh Ed25519 key for `name`: the private key to keep secret and the verifier key to publish. */
export const generateNoteKey = (name: string): GeneratedNoteKey => {
  if (!isKeyName(name)) throw new Error(`"${name}" cannot name a signing key: it is empty or holds white space or '+'`);
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return {
    privateKeyPem: privateKey.export({ format: 'pem', type: 'pkcs8' }).toString(),
    verifierKey: verifierKeyString(name, rawPublicKey(publicKey)),
  };
};

// Control characters other than the newline would let a note print differently from what was signed.
const isNoteText = (text: string): boolean =>
  text.length > 0 && text.endsWith('\n') && !text.includes('\n\n') && !/[\u0000-\u0009\u000b-\u001f\u007f]/u.test(text);

/** The text, a blank line, and one `— <name> <base64(key id || signature)>` line per signer. */
export const signNote = (text: string, signers: readonly NoteSigner[]): string => {
  if (!isNoteText(text)) throw new Error('A note text ends in a newline and holds no blank line or control character');
  const lines = signers.map((signer) => {
    if (!isKeyName(signer.name)) throw new Error(`"${signer.name}" cannot name a signing key`);
    const privateKey = createPrivateKey(signer.privateKeyPem);
    const id = keyId(signer.name, rawPublicKey(createPublicKey(privateKey)));
    const signature = sign(null, Buffer.from(text, 'utf8'), privateKey);
    return `${SIGNATURE_PREFIX}${signer.name} ${Buffer.concat([id, signature]).toString('base64')}\n`;
  });
  return `${text}\n${lines.join('')}`;
};

export interface OpenedNote {
  readonly text: string;
  /** The names of the trusted keys whose signatures verified. */
  readonly signedBy: readonly string[];
}

interface SignatureLine {
  readonly name: string;
  readonly keyId: Buffer;
  readonly signature: Buffer;
}

const parseSignatureLine = (line: string): SignatureLine | undefined => {
  if (!line.startsWith(SIGNATURE_PREFIX)) return undefined;
  const fields = line.slice(SIGNATURE_PREFIX.length).split(' ');
  if (fields.length !== 2) return undefined;
  const [name, encoded] = fields as [string, string];
  const bytes = strictBase64(encoded);
  if (!isKeyName(name) || bytes === undefined || bytes.length <= KEY_ID_BYTES) return undefined;
  return { name, keyId: bytes.subarray(0, KEY_ID_BYTES), signature: bytes.subarray(KEY_ID_BYTES) };
};

/**
 * Checks a signed note against trusted keys. Lines from keys not trusted here are passed over, as the
 * format requires (a witness may add its own); but at least one trusted key must have signed, and a
 * trusted key's bad signature refuses the whole note.
 */
export const openNote = (note: string, verifiers: readonly NoteVerifier[]): E.Either<string, OpenedNote> => {
  if (!note.endsWith('\n')) return E.left('the note does not end in a newline');
  const split = note.lastIndexOf('\n\n');
  if (split === -1) return E.left('the note has no blank line before its signatures');
  const text = note.slice(0, split + 1);
  if (!isNoteText(text)) return E.left('the note text holds a blank line or a control character');
  const lines = note.slice(split + 2, -1).split('\n');
  if (lines.length > MAX_SIGNATURES) return E.left(`the note has more than ${MAX_SIGNATURES} signatures`);
  const signedBy: string[] = [];
  for (const line of lines) {
    const parsed = parseSignatureLine(line);
    if (parsed === undefined) return E.left('a signature line is not "— <key name> <base64 signature>"');
    const verifier = verifiers.find((key) => key.name === parsed.name && key.keyId.equals(parsed.keyId));
    if (verifier === undefined) continue;
    const good =
      parsed.signature.length === SIGNATURE_BYTES &&
      verify(null, Buffer.from(text, 'utf8'), verifier.publicKey, parsed.signature);
    if (!good) return E.left(`the signature of ${verifier.name} does not verify`);
    if (!signedBy.includes(verifier.name)) signedBy.push(verifier.name);
  }
  return signedBy.length > 0 ? E.right({ text, signedBy }) : E.left('no signature from a trusted key');
};
