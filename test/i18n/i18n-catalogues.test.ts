import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, it } from "node:test";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import ts from "typescript";
import { CATALOGUES } from "../../i18n/messages";
import { flatten, type Tree } from "../../i18n/tree";
import { LOCALES, negotiateLocale } from "../../i18n/locales";
import { localize } from "../../i18n/translate";
import { I18N_FAMILIES } from "../../i18n/families";

// docs/rules.md "Languages": every message in both catalogues, no message nobody uses, and no
// user-facing text written straight into a component or into lib's answers.

const ROOT = join(import.meta.dirname, "..", "..");

const en = flatten(CATALOGUES.en as Tree);
const zh = flatten(CATALOGUES["zh-CN"] as Tree);

/** The ICU arguments and rich-text tags a message names, parsed as next-intl parses it (a syntax error throws). */
function argumentsOf(message: string): string[] {
  const names = new Set<string>();
  const visit = (elements: MessageFormatElement[]) => {
    for (const el of elements) {
      if ("value" in el && typeof el.value === "string" && el.type !== TYPE.literal) names.add(el.value);
      if (el.type === TYPE.tag) {
        names.add(`<${el.value}>`);
        visit(el.children);
      }
      if (el.type === TYPE.select || el.type === TYPE.plural) for (const option of Object.values(el.options)) visit(option.value);
    }
  };
  visit(parse(message));
  return [...names].sort();
}

function walk(dir: string, exts: string[], out: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "generated" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) walk(path, exts, out);
    else if (exts.some((e) => name.endsWith(e))) out.push(path);
  }
  return out;
}

const SOURCES = [
  ...["app", "components", "lib", "i18n"].flatMap((d) => walk(join(ROOT, d), [".ts", ".tsx"])),
  join(ROOT, "proxy.ts"),
  join(ROOT, "instrumentation.ts"),
];

describe("the catalogues", () => {
  it("have the same keys in English and Chinese", () => {
    const missingInZh = [...en.keys()].filter((k) => !zh.has(k));
    const missingInEn = [...zh.keys()].filter((k) => !en.has(k));
    assert.deepEqual({ missingInZh, missingInEn }, { missingInZh: [], missingInEn: [] });
  });

  it("have no empty message, and each Chinese message names the same arguments as its English one", () => {
    for (const [key, text] of en) {
      assert.ok(text.trim(), `en ${key} is empty`);
      assert.doesNotThrow(() => argumentsOf(text), `en ${key} is a valid ICU message`);
      const other = zh.get(key);
      if (other === undefined) continue;
      assert.ok(other.trim(), `zh-CN ${key} is empty`);
      assert.deepEqual(argumentsOf(other), argumentsOf(text), `arguments of ${key}`);
    }
  });

  it("are really translated: a Chinese message carries Chinese (codes, ids and names of products aside)", () => {
    const same = [...en].filter(([key, text]) => zh.get(key) === text && /[a-z]{3,}\s+[a-z]{2,}/i.test(text));
    assert.deepEqual(
      same.map(([k]) => k),
      [],
    );
  });

  it("hold each family of keys the code picks at run time, exactly", () => {
    for (const [prefix, members] of Object.entries(I18N_FAMILIES)) {
      const children = [...en.keys()].filter((k) => k.startsWith(`${prefix}.`)).map((k) => k.slice(prefix.length + 1));
      assert.deepEqual([...children].sort(), [...members].map(String).sort(), `family ${prefix}`);
    }
  });

  it("have no message that no code uses", () => {
    const used = new Set<string>();
    const keys = [...en.keys()];
    for (const file of SOURCES) {
      const text = readFileSync(file, "utf8");
      const literals = [...text.matchAll(/"([^"\\\n]*)"|'([^'\\\n]*)'|`([^`\\$\n]*)`/g)].map((m) => m[1] ?? m[2] ?? m[3]);
      const namespaces = [
        ...[...text.matchAll(/(?:useTranslations|getTranslations)\(\s*"([^"]+)"/g)].map((m) => m[1]),
        ...[...text.matchAll(/(?:useTranslations|getTranslations)\(\s*\{[^}]*namespace:\s*"([^"]+)"/g)].map((m) => m[1]),
      ];
      for (const literal of literals) {
        if (en.has(literal)) used.add(literal);
        for (const ns of namespaces) if (en.has(`${ns}.${literal}`)) used.add(`${ns}.${literal}`);
      }
    }
    for (const prefix of Object.keys(I18N_FAMILIES)) for (const k of keys) if (k.startsWith(`${prefix}.`)) used.add(k);
    assert.deepEqual(
      keys.filter((k) => !used.has(k)),
      [],
    );
  });
});

describe("locale negotiation", () => {
  it("picks Chinese for any zh tag, English for en, by preference; English otherwise", () => {
    assert.equal(negotiateLocale("zh-CN,zh;q=0.9,en;q=0.8"), "zh-CN");
    assert.equal(negotiateLocale("zh-TW"), "zh-CN");
    assert.equal(negotiateLocale("en-US,en;q=0.9,zh-CN;q=0.8"), "en");
    assert.equal(negotiateLocale("fr-FR, zh;q=0.5, en;q=0.4"), "zh-CN");
    assert.equal(negotiateLocale("fr-FR"), "en");
    assert.equal(negotiateLocale("zh;q=0, en"), "en");
    assert.equal(negotiateLocale(""), "en");
    assert.equal(negotiateLocale(null), "en");
    assert.deepEqual([...LOCALES], ["en", "zh-CN"]);
  });

  it("words a message key in either language with the rule figures; other text passes through", () => {
    assert.equal(localize("en", "errors.quotaExceeded"), en.get("errors.quotaExceeded")!.replace("{quota}", "20"));
    assert.match(localize("zh-CN", "errors.quotaExceeded"), /20 个消费组/);
    assert.equal(localize("zh-CN", "A name someone typed."), "A name someone typed.");
    assert.equal(localize("zh-CN", "errors.noSuchKey"), "errors.noSuchKey");
  });
});

// ---------------------------------------------------------------------------------------------
// No user-facing literal left in components: JSX text and the attributes people read or hear.

const READ_ATTRIBUTES = new Set(["title", "aria-label", "placeholder", "alt", "label", "hint", "description", "aria-description"]);
/** Text that is the same in every language: a time zone's name, symbols. */
const SAME_IN_EVERY_LANGUAGE = new Set(["UTC"]);
const hasWords = (text: string) => /[A-Za-z\u4e00-\u9fff]{2,}/.test(text) && !SAME_IN_EVERY_LANGUAGE.has(text.trim());

function literalsInComponent(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const where = (node: ts.Node) => `${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1}`;
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && hasWords(node.text)) found.push(`${where(node)} text "${node.text.trim()}"`);
    if (ts.isJsxAttribute(node) && READ_ATTRIBUTES.has(node.name.getText()) && node.initializer) {
      const init = node.initializer;
      const value = ts.isStringLiteral(init)
        ? init.text
        : ts.isJsxExpression(init) && init.expression && ts.isStringLiteralLike(init.expression)
          ? init.expression.text
          : null;
      if (value !== null && hasWords(value)) found.push(`${where(node)} ${node.name.getText()}="${value}"`);
    }
    if (ts.isJsxExpression(node) && node.expression && ts.isStringLiteralLike(node.expression) && hasWords(node.expression.text)) {
      found.push(`${where(node)} {"${node.expression.text}"}`);
    }
    // toast.error("…"), toast.success("…")
    if (
      ts.isCallExpression(node) &&
      ts.isPropertyAccessExpression(node.expression) &&
      node.expression.expression.getText() === "toast" &&
      node.arguments[0] &&
      ts.isStringLiteralLike(node.arguments[0]) &&
      hasWords(node.arguments[0].text)
    ) {
      found.push(`${where(node)} toast("${node.arguments[0].text}")`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

/** An English sentence in lib's code (not a comment, not a log line): a message that skipped the catalogue. */
function sentencesInLib(file: string): string[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isStringLiteralLike(node) && /^[A-Z][a-z]+( [^ ]+){2,}[.!?]$/.test(node.text.trim())) {
      // Server logs are for operators, in English; so is Prometheus's HELP text (`help:`).
      let parent: ts.Node | undefined = node.parent;
      let logged = ts.isPropertyAssignment(node.parent) && node.parent.name.getText() === "help";
      while (parent && !logged) {
        if (ts.isCallExpression(parent) && /^console\.|^new Error$|Error$/.test(parent.expression.getText())) logged = true;
        if (ts.isNewExpression(parent) && /Error$/.test(parent.expression.getText())) logged = true;
        parent = parent.parent;
      }
      if (!logged) found.push(`${relative(ROOT, file)}:${source.getLineAndCharacterOfPosition(node.getStart()).line + 1} "${node.text}"`);
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("no text outside the catalogues", () => {
  it("components and pages write no user-facing literal", () => {
    const files = SOURCES.filter((f) => f.endsWith(".tsx"));
    assert.ok(files.length > 30, "the scan sees the components");
    assert.deepEqual(files.flatMap(literalsInComponent), []);
  });

  it("lib answers with message keys, not English sentences", () => {
    const files = SOURCES.filter((f) => relative(ROOT, f).startsWith("lib/") && f.endsWith(".ts"));
    assert.deepEqual(files.flatMap(sentencesInLib), []);
  });

  it("the scan itself finds a literal when there is one", () => {
    const probe = join(ROOT, "test", "fixtures", "i18n-probe.tsx");
    const found = literalsInComponent(probe);
    assert.equal(found.length, 4, found.join("\n"));
  });
});
