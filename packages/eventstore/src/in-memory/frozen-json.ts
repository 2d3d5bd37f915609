/**
 * A stored event must not change under its readers' feet, nor hold anything a real store could
 * not hold: it is kept as a deeply frozen JSON copy of what the writer passed.
 */
export const frozenJsonCopy = <T>(value: T, what: string): T => {
  const text = JSON.stringify(value);
  if (text === undefined) throw new TypeError(`${what} must be a JSON value.`);
  return deepFreeze(JSON.parse(text) as T);
};

const deepFreeze = <T>(value: T): T => {
  if (typeof value === 'object' && value !== null) {
    for (const member of Object.values(value)) deepFreeze(member);
    Object.freeze(value);
  }
  return value;
};
