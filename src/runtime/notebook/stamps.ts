/** Names of the copies the session keeps: `W@train#3` is W as the third run (of train) left it. */
export function snapshotKey(name: string, stamp: string): string {
  return `${name}@${stamp}`;
}

/** The stamp part of a snapshot key made by snapshotKey. */
export function stampOfKey(name: string, key: string): string {
  return key.slice(name.length + 1);
}
