// Catalogue trees as plain data (no JSON imports, so the end-to-end tests can use it too).

export type Tree = { [key: string]: string | Tree };

/** `base` with every message `over` has put over it: English under Chinese. */
export function overlay(base: Tree, over: Tree): Tree {
  const out: Tree = { ...base };
  for (const [key, value] of Object.entries(over)) {
    const under = out[key];
    out[key] = typeof value === "object" && typeof under === "object" ? overlay(under, value) : value;
  }
  return out;
}

/** Every message by its full key (`consume.create.title`). */
export function flatten(tree: Tree, prefix = "", out = new Map<string, string>()): Map<string, string> {
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === "string") out.set(path, value);
    else flatten(value, path, out);
  }
  return out;
}
