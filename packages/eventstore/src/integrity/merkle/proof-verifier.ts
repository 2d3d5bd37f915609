import * as E from 'fp-ts/Either';
import { emptyTreeHash, isTreeHash, isTreeSize, nodeHash, sameHash, type TreeHash } from './tree-hash';

/** Why a proof was refused; a proof that holds is `right(true)`. Never thrown: the input may be hostile. */
export type ProofCheck = E.Either<string, true>;

const refuse = (reason: string): ProofCheck => E.left(reason);
const odd = (value: number): boolean => value % 2 === 1;
const half = (value: number): number => Math.floor(value / 2);

const isPowerOfTwo = (value: number): boolean => {
  let at = value;
  while (at > 1 && !odd(at)) at = half(at);
  return at === 1;
};

const badHashes = (named: Readonly<Record<string, unknown>>, proof: unknown): string | undefined => {
  for (const [name, hash] of Object.entries(named)) if (!isTreeHash(hash)) return `${name} is not a 32-byte hash`;
  if (!Array.isArray(proof)) return 'the proof is not a list of hashes';
  const at = proof.findIndex((element) => !isTreeHash(element));
  return at === -1 ? undefined : `proof element ${at} is not a 32-byte hash`;
};

/** RFC 9162 §2.1.3.2: does `leaf` sit at `index` in the tree of `size` leaves whose root is `root`? */
export const verifyInclusion = (
  index: number,
  size: number,
  leaf: TreeHash,
  proof: readonly TreeHash[],
  root: TreeHash,
): ProofCheck => {
  if (!isTreeSize(index) || !isTreeSize(size)) return refuse('leaf index and tree size must be whole numbers ≥ 0');
  if (index >= size) return refuse(`leaf ${index} is not in a tree of ${size} leaves`);
  const bad = badHashes({ 'the leaf hash': leaf, 'the root': root }, proof);
  if (bad !== undefined) return refuse(bad);
  let fn = index;
  let sn = size - 1;
  let r = leaf;
  for (const p of proof) {
    if (sn === 0) return refuse('the proof is longer than the tree is deep');
    if (odd(fn) || fn === sn) {
      r = nodeHash(p, r);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = nodeHash(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return refuse('the proof is shorter than the tree is deep');
  return sameHash(r, root) ? E.right(true) : refuse('the proof leads to another root');
};

const sameSizes = (older: TreeHash, newer: TreeHash, size: number, proof: readonly TreeHash[]): ProofCheck => {
  if (proof.length > 0) return refuse('trees of the same size need an empty proof');
  if (!sameHash(older, newer)) return refuse('trees of the same size have different roots');
  if (size === 0 && !sameHash(older, emptyTreeHash())) return refuse('the empty tree has another root');
  return E.right(true);
};

/** RFC 9162 §2.1.4.2: is the tree of `newer` leaves (root `newerRoot`) the older tree with leaves appended? */
export const verifyConsistency = (
  older: number,
  newer: number,
  olderRoot: TreeHash,
  newerRoot: TreeHash,
  proof: readonly TreeHash[],
): ProofCheck => {
  if (!isTreeSize(older) || !isTreeSize(newer)) return refuse('tree sizes must be whole numbers ≥ 0');
  if (older > newer) return refuse(`a tree of ${older} leaves cannot grow into one of ${newer}`);
  const bad = badHashes({ 'the older root': olderRoot, 'the newer root': newerRoot }, proof);
  if (bad !== undefined) return refuse(bad);
  if (older === newer) return sameSizes(olderRoot, newerRoot, older, proof);
  if (older === 0) return refuse('the empty tree is consistent with every tree: such a proof proves nothing');
  if (proof.length === 0) return refuse('the proof is empty');
  // When the older tree is a perfect subtree, its root is the proof's implied first element.
  const path = isPowerOfTwo(older) ? [olderRoot, ...proof] : [...proof];
  let fn = older - 1;
  let sn = newer - 1;
  while (odd(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  let fr = path[0] as TreeHash;
  let sr = path[0] as TreeHash;
  for (const c of path.slice(1)) {
    if (sn === 0) return refuse('the proof is longer than the tree is deep');
    if (odd(fn) || fn === sn) {
      fr = nodeHash(c, fr);
      sr = nodeHash(c, sr);
      while (!odd(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = nodeHash(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  if (sn !== 0) return refuse('the proof is shorter than the tree is deep');
  if (!sameHash(fr, olderRoot)) return refuse('the proof does not lead to the older root');
  return sameHash(sr, newerRoot) ? E.right(true) : refuse('the proof does not lead to the newer root');
};
