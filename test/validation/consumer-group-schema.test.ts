import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { localize } from "../../i18n/translate";
import {
  changePasswordCommandSchema,
  changePasswordFormSchema,
  changePasswordSchema,
  countPasswordClasses,
  createConsumerGroupCommandSchema,
  createConsumerGroupFormSchema,
  createConsumerGroupSchema,
  resetPasswordCommandSchema,
  resetPasswordFormSchema,
  resetPasswordSchema,
} from "../../lib/validation/consumer-group";

const valid = { name: "bi-dashboard", account: "bi_reader", password: "Secret123", confirmPassword: "Secret123" };

function errorsOf(input: Record<string, unknown>) {
  const r = createConsumerGroupFormSchema.safeParse({ ...valid, ...input });
  if (r.success) return {};
  // The first message of each field is the one the dialog shows: a message key, which the dialog's
  // resolver words in the page's language; here in English.
  const errors: Record<string, string> = {};
  for (const issue of r.error.issues) errors[issue.path.join(".")] ??= localize("en", issue.message);
  return errors;
}

describe("messages", () => {
  it("are keys of the validation catalogue, worded in either language with the rule figures", () => {
    const r = createConsumerGroupFormSchema.safeParse({ ...valid, name: "n".repeat(129) });
    assert.equal(r.success, false);
    const key = r.error?.issues.find((i) => i.path[0] === "name")?.message ?? "";
    assert.equal(key, "validation.name.tooLong");
    assert.equal(localize("en", key), "The name can be at most 128 characters long.");
    assert.equal(localize("zh-CN", key), "名称最多 128 个字符。");
  });
});

describe("account (1 to 16: letters, digits, underscore)", () => {
  it("refuses length 0", () => assert.match(errorsOf({ account: "" }).account, /Enter an account/));
  it("accepts length 1", () => assert.equal(errorsOf({ account: "a" }).account, undefined));
  it("accepts length 16", () => assert.equal(errorsOf({ account: "A".repeat(8) + "_".repeat(4) + "9".repeat(4) }).account, undefined));
  it("refuses length 17", () => assert.match(errorsOf({ account: "a".repeat(17) }).account, /at most 16/));
  for (const bad of ["bi-reader", "bi reader", "bi.reader", "读者", "a$"]) {
    it(`refuses ${JSON.stringify(bad)}`, () => assert.match(errorsOf({ account: bad }).account, /only letters, digits and underscores/));
  }
});

describe("password (8 to 32, at least two classes)", () => {
  const withConfirm = (password: string) => errorsOf({ password, confirmPassword: password });
  it("refuses length 7", () => assert.match(withConfirm("Abcdef1").password, /at least 8/));
  it("accepts length 8", () => assert.deepEqual(withConfirm("Abcdefg1"), {}));
  it("accepts length 32", () => assert.deepEqual(withConfirm("Ab1" + "x".repeat(29)), {}));
  it("refuses length 33", () => assert.match(withConfirm("Ab1" + "x".repeat(30)).password, /at most 32/));
  it("refuses an empty password", () => assert.match(withConfirm("").password, /Enter a password/));

  const samples = { upper: "ABCDEFGH", lower: "abcdefgh", digit: "12345678", special: "!@#$%^&*" } as const;
  const kinds = Object.keys(samples) as (keyof typeof samples)[];
  for (const kind of kinds) {
    it(`refuses one class only (${kind})`, () => assert.match(withConfirm(samples[kind]).password, /at least two of/));
  }
  for (let i = 0; i < kinds.length; i++) {
    for (let j = i + 1; j < kinds.length; j++) {
      const pw = samples[kinds[i]].slice(0, 4) + samples[kinds[j]].slice(0, 4);
      it(`accepts ${kinds[i]} + ${kinds[j]} (${pw})`, () => assert.deepEqual(withConfirm(pw), {}));
    }
  }
  it("refuses spaces", () => assert.match(withConfirm("Abc def12").password, /without spaces/));
  it("counts classes", () => assert.equal(countPasswordClasses("aA1!"), 4));
});

describe("confirm password", () => {
  it("refuses a mismatch on the confirm field", () =>
    assert.match(errorsOf({ confirmPassword: "Secret124" }).confirmPassword, /do not match/));
  it("reports the mismatch even while another field is invalid", () => {
    const e = errorsOf({ name: "", confirmPassword: "Secret124" });
    assert.ok(e.name);
    assert.match(e.confirmPassword, /do not match/);
  });
  it("reports the mismatch beside the password's own error", () => {
    const e = errorsOf({ password: "short", confirmPassword: "shorter" });
    assert.match(e.password, /at least 8 characters/);
    assert.match(e.confirmPassword, /do not match/);
  });
  it("does the same in Change Password and Reset Password", () => {
    for (const [schema, extra] of [
      [changePasswordFormSchema, { oldPassword: "Old#Pass1" }],
      [resetPasswordFormSchema, {}],
    ] as const) {
      const r = schema.safeParse({ ...extra, newPassword: "short", confirmPassword: "shorter" });
      assert.equal(r.success, false);
      const paths = r.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
      assert.ok(paths.includes("newPassword:validation.password.tooShort"), paths.join(", "));
      assert.ok(paths.includes("confirmPassword:validation.password.mismatch"), paths.join(", "));
    }
  });
  it("says nothing of a match before the confirmation is typed", () => {
    const e = errorsOf({ password: "short", confirmPassword: "" });
    assert.match(e.confirmPassword, /Enter the password again/);
  });
  it("requires the confirmation", () => assert.match(errorsOf({ confirmPassword: "" }).confirmPassword, /Enter the password again/));
});

describe("consumer group name (1 to 128)", () => {
  it("refuses empty", () => assert.match(errorsOf({ name: "" }).name, /Enter a consumer group name/));
  it("refuses only spaces", () => assert.match(errorsOf({ name: "   " }).name, /Enter a consumer group name/));
  it("accepts 128", () => assert.equal(errorsOf({ name: "n".repeat(128) }).name, undefined));
  it("refuses 129", () => assert.match(errorsOf({ name: "n".repeat(129) }).name, /at most 128/));
  it("trims surrounding spaces", () => {
    const r = createConsumerGroupFormSchema.parse({ ...valid, name: "  spaced  " });
    assert.equal(r.name, "spaced");
  });
});

describe("server action input", () => {
  it("requires a DTS instance id", () => {
    const r = createConsumerGroupSchema.safeParse({ ...valid, instanceId: "../etc" });
    assert.equal(r.success, false);
  });
  it("accepts a full valid input", () => {
    assert.equal(createConsumerGroupSchema.safeParse({ ...valid, instanceId: "dtsg2m10r1x15a" }).success, true);
  });
  it("refuses a non-object", () => assert.equal(createConsumerGroupSchema.safeParse("x").success, false));
});

describe("commands and forms", () => {
  // The OpenAPI runs the commands (one password per call); the console's actions parse the
  // dialogs' schemas, which add the confirmation the person typed. The same rules hold in both.
  const groupId = "dtsabcdefghijk";
  it("a command takes no confirmation; the console's schema asks for one", () => {
    const create = { instanceId: "dtsabcdefghijk", name: "bi", account: "bi_reader", password: "Secret123" };
    assert.deepEqual(createConsumerGroupCommandSchema.parse(create), create);
    assert.equal(createConsumerGroupSchema.safeParse(create).success, false);
    const change = { groupId, oldPassword: "Old#Pass1", newPassword: "Secret123" };
    assert.deepEqual(changePasswordCommandSchema.parse(change), change);
    assert.equal(changePasswordSchema.safeParse(change).success, false);
    const reset = { groupId, newPassword: "Secret123" };
    assert.deepEqual(resetPasswordCommandSchema.parse(reset), reset);
    assert.equal(resetPasswordSchema.safeParse(reset).success, false);
  });
  it("a command keeps the password's rules", () => {
    const r = createConsumerGroupCommandSchema.safeParse({
      instanceId: "dtsabcdefghijk",
      name: "bi",
      account: "bi_reader",
      password: "short",
    });
    assert.equal(r.success, false);
    assert.deepEqual([...new Set(r.error.issues.map((i) => i.path.join(".")))], ["password"]);
    assert.equal(resetPasswordCommandSchema.safeParse({ groupId, newPassword: "alllowercase" }).success, false);
  });
});
